import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { packageInfo } from './config/package-info.js';
import { PRESETS } from './config/presets.js';
import type { PresetName } from './config/types.js';

export type { CosmicConfigInput, Layer, PresetName, ResolvedConfig, Role } from './config/types.js';
export { CONFIG_SCHEMA } from './config/schema.js';
export { CosmicError } from './config/errors.js';
export { loadConfigFile, resolveConfig, findConfigFile } from './config/load.js';
export { configProblems } from './config/validate.js';
export { PRESETS } from './config/presets.js';
export { createProjectCache, projectForFile, projectFromConfig, resolveImports } from './project/project.js';

export const TYPESCRIPT_FILES = ['**/*.{ts,tsx,mts,cts}'];

const { name, version } = packageInfo();

type FlatConfig = TSESLint.FlatConfig.Config;

const plugin = {
  meta: { name, version, namespace: 'cosmic' },
  rules,
  configs: {} as Record<PresetName, FlatConfig>,
};

/** A preset's rules that exist as ESLint rules, by their `cosmic/` id. */
function eslintRules(preset: PresetName): FlatConfig['rules'] {
  return Object.fromEntries(
    Object.entries(PRESETS[preset].rules).filter(([ruleId]) => ruleId.slice('cosmic/'.length) in rules),
  );
}

for (const preset of Object.keys(PRESETS) as PresetName[]) {
  plugin.configs[preset] = {
    name: `cosmic/${preset}`,
    files: TYPESCRIPT_FILES,
    languageOptions: { parser: tsParser },
    plugins: { cosmic: plugin as unknown as TSESLint.FlatConfig.Plugin },
    settings: { 'cosmic/preset': preset },
    rules: eslintRules(preset),
  };
}

export default plugin;
