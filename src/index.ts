import type { ESLint, Linter, Rule } from 'eslint';
import { rules } from '../rules/index.js';
import { parser } from '../rules/util/parser.js';
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

const { version } = packageInfo();

type CosmicPlugin = Omit<ESLint.Plugin, 'meta' | 'configs'> & { meta: { name: string; version: string; namespace: string }; configs: Record<PresetName, Linter.Config> };

const plugin: CosmicPlugin = {
  // The name is the rule namespace, as oxlint reads it (`"jsPlugins": ["cosmic-lint"]` then gives `cosmic/…` rules); ESLint keys it only for caching.
  meta: { name: 'cosmic', version, namespace: 'cosmic' },
  // typescript-eslint's RuleModule and ESLint's Rule.RuleModule describe the same runtime object.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs: {} as Record<PresetName, Linter.Config>,
};

/** A preset's rules that exist as ESLint rules, by their `cosmic/` id. */
function eslintRules(preset: PresetName): Linter.RulesRecord {
  return Object.fromEntries(Object.entries(PRESETS[preset].rules).filter(([ruleId]) => ruleId.slice('cosmic/'.length) in rules));
}

for (const preset of Object.keys(PRESETS) as PresetName[]) {
  plugin.configs[preset] = {
    name: `cosmic/${preset}`,
    files: TYPESCRIPT_FILES,
    languageOptions: { parser },
    plugins: { cosmic: plugin },
    settings: { 'cosmic/preset': preset },
    rules: eslintRules(preset),
  };
}

export default plugin;
