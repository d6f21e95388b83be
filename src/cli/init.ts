// `cosmic-lint init`: the first config, written from what detection finds, and checked by
// classifying every file with it before anything is written. Plans only: the command (commands.ts)
// does the writing, atomically.
import path from 'node:path';
import { detectLayout } from '../config/detect.js';
import { CosmicError } from '../config/errors.js';
import { CONFIG_FILE_NAMES, configFileIn, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, resolveConfig } from '../config/load.js';
import { compareText } from '../config/order.js';
import { relativePosix } from '../config/paths.js';
import { layerEntries } from '../config/layers.js';
import { CONTEXT_NAME } from '../config/schema.js';
import { LAYERS, type CosmicConfigInput, type Layer, type LayerName, type PresetName } from '../config/types.js';
import { discoverFiles } from '../project/discover.js';
import { projectFromConfig } from '../project/project.js';
import { neutralise } from '../report/escape.js';
import { planEslintConfig, type EslintPlan } from './init-eslint.js';

export interface InitOptions {
  root: string;
  preset: PresetName;
  eslint: boolean;
  force: boolean;
}

export interface InitPlan {
  configFile: string;
  configText: string;
  eslint: EslintPlan | undefined;
  /** What init found and did, for stdout. */
  report: string;
}

/** The config's `$schema`: the installed package's schema, relative to the config, so editors complete and check it offline. */
const SCHEMA = './node_modules/cosmic-lint/schema.json';
const files = (count: number): string => `${count} ${count === 1 ? 'file' : 'files'}`;

/** How many files a "left in no layer" line names. */
const SHOWN = 8;

/** Folders (and root-level files) the layer globs live under: the config checks those, not scripts or tooling beside them. */
function sourceRoots(layers: CosmicConfigInput['layers']): string[] {
  const tops = new Set<string>();
  for (const entry of layerEntries(layers)) {
    for (const glob of entry.globs) {
      const [first, ...rest] = glob.split('/');
      tops.add(rest.length === 0 ? first! : `${first}/**/*.{ts,tsx,mts,cts}`);
    }
  }
  // A glob that starts with a wildcard (`**/domain/**`) names no folder to narrow to: keep the default.
  return [...tops].some((top) => top.startsWith('*')) ? DEFAULT_INCLUDE : [...tops].sort(compareText);
}

/**
 * Works out the config for `root` and what it makes of every file, without writing anything.
 * Refuses (CosmicError) a folder without TypeScript, a config that already exists (unless `force`),
 * and a layout in which no layer folder was found.
 */
export function planInit(options: InitOptions): InitPlan {
  const { root, preset } = options;
  const existing = configFileIn(root);
  if (existing && !options.force) {
    throw new CosmicError(
      'config',
      `${existing} already exists: init never replaces a config unless asked. Edit it (cosmic-lint classify <file> shows what it does), or rerun with --force to write a fresh one`,
    );
  }
  const configFile = existing && path.basename(existing) === CONFIG_FILE_NAMES[0] ? existing : path.join(root, CONFIG_FILE_NAMES[0]);
  if (existing && existing !== configFile) {
    throw new CosmicError(
      'config',
      `${existing} is a JavaScript config: init writes ${CONFIG_FILE_NAMES[0]}, and two configs in one folder would be ambiguous. Remove or rename ${path.basename(existing)} first`,
    );
  }

  // Discovery with every file in one layer: which TypeScript files the defaults check at all.
  const everything = projectFromConfig(resolveConfig({ layers: { shared: ['**'] } }, root, 'init'));
  const discovered = discoverFiles([root], everything.classifier);
  if (discovered.files.length === 0) {
    throw new CosmicError(
      'config',
      `no TypeScript files under ${root} (looked for ${DEFAULT_INCLUDE.join(', ')}, skipping tests, build output and node_modules): run init in the folder of a TypeScript project`,
    );
  }

  const layout = detectLayout(root);
  if (layout.layers.length === 0) {
    throw new CosmicError(
      'config',
      `found ${files(discovered.files.length)} in TypeScript under ${root} but no layer folders (domain/, application/ or service-layer/, infrastructure/ or adapters/, api/ or entrypoints/, in any module). ` +
        `Write the layers yourself, e.g. {"layers": {"domain": "src/core/**", "adapters": "src/db/**"}} in ${CONFIG_FILE_NAMES[0]} (README: Configuration)`,
    );
  }
  const layers = Object.fromEntries(layout.layers.map(({ name, globs }) => [name, globs])) as Partial<Record<Layer, string[]>>;
  // The contexts detection found go into the config with the layers: a config that names its layers names its contexts too, so leaving them out would turn their boundaries off.
  const contexts = layout.contexts.every((context) => new RegExp(CONTEXT_NAME).test(context.name))
    ? Object.fromEntries(
        layout.contexts.map((context) => {
          const root = context.roots.length === 1 ? context.roots[0]! : context.roots;
          return [context.name, context.sharedKernel ? { root, sharedKernel: true } : root];
        }),
      )
    : {};
  const input: CosmicConfigInput = {
    $schema: SCHEMA,
    preset,
    include: sourceRoots(layers),
    exclude: DEFAULT_EXCLUDE,
    layers,
    ...(Object.keys(contexts).length > 0 ? { contexts } : {}),
  };

  // Classify every file with the config as it will be read: counts per layer and what is left over.
  const project = projectFromConfig(resolveConfig(input, root, configFile));
  const checked = discoverFiles([root], project.classifier).files;
  const perLayer = new Map<LayerName, number>();
  const unclassified: string[] = [];
  for (const file of checked) {
    const { layer } = project.classifier.classify(file);
    if (layer) perLayer.set(layer, (perLayer.get(layer) ?? 0) + 1);
    else unclassified.push(relativePosix(root, file));
  }

  const eslint = options.eslint ? planEslintConfig(root, preset) : undefined;
  const lines = [`cosmic-lint: ${existing ? 'replaced' : 'wrote'} ${configFile} (preset ${preset}): ${files(checked.length)} checked`, `  ${layout.notes[0]}`];
  for (const layer of LAYERS) {
    const globs = layers[layer];
    if (!globs) continue;
    lines.push(`  ${layer.padEnd(14)} ${files(perLayer.get(layer) ?? 0).padStart(11)}  ${globs.length <= 3 ? globs.join(', ') : `${globs.slice(0, 3).join(', ')} and ${globs.length - 3} more globs`}`);
  }
  for (const note of layout.notes.slice(1)) if (note.includes('a guess from its name')) lines.push(`  note: ${note}`);
  if (input.contexts && layout.contextNote) lines.push(`  ${layout.contextNote}`);
  else if (layout.contexts.length > 0) lines.push('  contexts: detected, but their folder names are no context names (letters, digits, "_", "-", "."): name them under "contexts" yourself');
  if (unclassified.length > 0) {
    const shown = unclassified.slice(0, SHOWN).join(', ');
    lines.push(
      `  left in no layer: ${files(unclassified.length)} (${shown}${unclassified.length > SHOWN ? `, and ${unclassified.length - SHOWN} more` : ''}):`,
      `    put them in a layer under "layers", or in "exclude"; until then no-unclassified-files warns about each`,
    );
  }
  if (eslint) lines.push(eslintLine(eslint));
  lines.push('', 'Next:', '  npx cosmic-lint audit               check the whole project (exit 1 on violations)', '  npx cosmic-lint classify <file>     why a file is in its layer and role');
  if (eslint) lines.push('  npx eslint .                        the same rules, file by file, in your editor too');
  return { configFile, configText: `${JSON.stringify(input, null, 2)}\n`, eslint, report: `${lines.map(neutralise).join('\n')}\n` };
}

function eslintLine(plan: EslintPlan): string {
  switch (plan.kind) {
    case 'create':
      return `  ESLint: wrote ${plan.file} with the ${plan.preset} preset`;
    case 'patch':
      return `  ESLint: added cosmic-lint's ${plan.preset} preset to ${plan.file}`;
    case 'present':
      return `  ESLint: ${plan.file} already uses cosmic-lint; left as it is`;
    case 'manual':
      return `  ESLint: left ${plan.file} as it is: ${plan.reason}. Add these yourself:\n${plan.lines.map((line) => `    ${line}`).join('\n')}`;
  }
}
