import { HTTP_ENTRIES, httpList } from './http.js';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { detectLayout } from './detect.js';
import { resolveContexts } from './contexts.js';
import { CosmicError } from './errors.js';
import { INFRASTRUCTURE_PACKAGES, packageList, PERSISTENCE_PACKAGES } from './infrastructure.js';
import { PRESETS } from './presets.js';
import { readRegularFile, requireRegularFile } from './read-file.js';
import type { BoundedContext, CosmicConfigInput, GlobList, LayerName, PresetName, ResolvedConfig } from './types.js';
import { PRESET_NAMES, ROLE_KEYS } from './types.js';
import { layerEntries } from './layers.js';
import { validateConfig } from './validate.js';
import { parse as parseJsoncText, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { createMemo, dependOnContent, dependOnListing, type Memo } from './watch.js';
import { findWorkspace, packageFolderOf } from './workspaces.js';

export const CONFIG_FILE_NAMES = ['cosmic-lint.config.json', 'cosmic-lint.config.js', 'cosmic-lint.config.mjs'] as const;

export const DEFAULT_INCLUDE = ['**/*.{ts,tsx,mts,cts}'];
/**
 * Build output, declarations and tests, at any depth: a module's own `tests/builders/` or
 * `__mocks__/` is test code, not a layer. Not `testing/`: that name also holds test doubles a
 * package ships to its users, which are production code.
 */
export const DEFAULT_EXCLUDE = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/*.d.{ts,mts,cts}',
  '**/*.d.*.ts',
  '**/*.{test,spec}.*',
  '**/*.{test,spec}-d.*',
  '**/*.e2e-spec.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/test/**',
  '**/tests/**',
];

const requireModule = createRequire(import.meta.url);

/** The config file in `directory` itself, if any (the first of CONFIG_FILE_NAMES that exists). */
export function configFileIn(directory: string): string | undefined {
  dependOnListing(directory);
  return CONFIG_FILE_NAMES.map((name) => path.join(directory, name)).find((candidate) => fs.existsSync(candidate));
}

/**
 * The nearest config file at or above `directory`, or undefined. With a `cache`, the answer for
 * every folder walked is kept (and, in a watching cache, checked against the folder's listing).
 */
export function findConfigFile(directory: string, cache: Memo<string, string | undefined> = createMemo(false)): string | undefined {
  const current = path.resolve(directory);
  return cache.get(current, () => {
    const parent = path.dirname(current);
    return configFileIn(current) ?? (parent === current ? undefined : findConfigFile(parent, cache));
  });
}

/**
 * A JSON config with comments and trailing commas allowed (JSONC, as tsconfig.json and VS Code's
 * settings are); every syntax error is named with its line and column.
 */
function parseJsonc(text: string, file: string): unknown {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseJsoncText(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // The parser recurses: a value nested thousands deep is no description of a project.
    if (error instanceof RangeError) throw new CosmicError('config', 'the config file is nested too deep to read (thousands of levels of arrays or objects)', file);
    throw error;
  }
  if (errors.length === 0) return value;
  const where = (offset: number): string => {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return `${before.length}:${before.at(-1)!.length + 1}`;
  };
  const listed = errors.slice(0, 3).map((error) => `${where(error.offset)} ${describeJsonError(printParseErrorCode(error.error))}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  throw new CosmicError('config', `the config file is not valid JSON (comments and trailing commas are fine): ${listed.join('; ')}${more}`, file);
}

/** `CommaExpected` → `comma expected`. */
function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Reads a config file's raw value: JSON, or the default export of a `.js`/`.mjs` module (loaded synchronously). */
export function readConfigFile(file: string): unknown {
  dependOnContent(file);
  if (file.endsWith('.json')) {
    return parseJsonc(readRegularFile(file, 'config file'), file);
  }
  // A module is loaded by Node, which would block on a FIFO: regular files only, checked first.
  requireRegularFile(file, 'config file');
  // A process that lives on (an editor) rereads an edited CommonJS config; Node keeps ES modules for good.
  delete requireModule.cache[file];
  try {
    const loaded = requireModule(file) as { default?: unknown };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new CosmicError('config', `the config module failed to load: ${(error as Error).message}`, file);
  }
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function keyedLists<K extends string>(keys: readonly K[], value: Partial<Record<K, string | string[]>> | undefined): GlobList<K>[] {
  return keys.filter((key) => value?.[key] !== undefined).map((key) => ({ name: key, globs: asList(value![key]) }));
}

function findTsconfigs(input: CosmicConfigInput, root: string, source: string): string[] {
  const configured = asList(input.tsconfig);
  if (configured.length === 0) {
    const found = findUpward(root, 'tsconfig.json');
    return found ? [found] : [];
  }
  return configured.map((file) => {
    const absolute = path.resolve(root, file);
    dependOnListing(path.dirname(absolute));
    if (!fs.existsSync(absolute)) {
      throw new CosmicError('config', `tsconfig: "${file}" does not exist (looked for ${absolute})`, source);
    }
    return absolute;
  });
}

export interface ResolveOptions {
  /** The preset the ESLint flat config asked for, used when the description names none. */
  presetHint?: PresetName | undefined;
}

/** Fills in defaults, detects the layout when no layers are given, and picks the preset. */
export function resolveConfig(input: CosmicConfigInput, root: string, source: string, options: ResolveOptions = {}): ResolvedConfig {
  const preset = PRESETS[input.preset ?? options.presetHint ?? 'recommended'];
  const entries = layerEntries(input.layers);
  let layers: GlobList<LayerName>[] = entries.map(({ name, globs }) => ({ name, globs }));
  const customLayers = entries.flatMap(({ name, custom }) => (custom ? [{ name, mayImport: custom.mayImport ?? [], importedBy: custom.importedBy ?? [] }] : []));
  const detected: string[] = [];
  // Contexts are detected with the layers, from the same modules; a config that names its layers names its contexts too.
  const workspace = findWorkspace(root);
  let contexts: BoundedContext[] = input.contexts ? resolveContexts(input.contexts, root, source, workspace) : [];
  if (layers.length === 0) {
    const layout = detectLayout(root, workspace);
    if (layout.layers.length === 0) {
      throw new CosmicError('config', `no layers are configured and none could be detected under ${root}: add a "layers" map to cosmic-lint.config.json (see the README)`, source);
    }
    layers = layout.layers;
    if (!input.contexts) contexts = layout.contexts;
    // Configured contexts replace the detected ones, and the line about them.
    detected.push(...layout.notes.filter((note) => input.contexts === undefined || note !== layout.contextNote));
  }
  // Whatever reaches storage is infrastructure too, so a package added to persistence is kept out
  // of the domain as well; each list's `remove` applies to that list only.
  const persistenceEntries = [...PERSISTENCE_PACKAGES, ...(input.persistence?.add ?? [])];
  const persistence = packageList(persistenceEntries, input.persistence?.remove);
  const infrastructure = packageList([...INFRASTRUCTURE_PACKAGES, ...persistenceEntries, ...(input.infrastructure?.add ?? [])], input.infrastructure?.remove);
  const rules: Record<string, ResolvedConfig['rules'][string]> = { ...preset.rules };
  for (const [ruleId, setting] of Object.entries(input.rules ?? {})) rules[ruleId] = Array.isArray(setting) ? setting[0] : setting;
  if (input.unclassified) rules['cosmic/no-unclassified-files'] = input.unclassified;
  return {
    root,
    source,
    preset,
    include: input.include ?? DEFAULT_INCLUDE,
    exclude: input.exclude ?? DEFAULT_EXCLUDE,
    tsconfigs: findTsconfigs(input, root, source),
    layers,
    customLayers,
    roles: keyedLists(ROLE_KEYS, input.roles),
    contexts,
    workspace: workspace ?? null,
    infrastructure,
    persistence,
    http: httpList([...HTTP_ENTRIES, ...(input.http?.add ?? [])], input.http?.remove),
    typeImports: input.typeImports === undefined || input.typeImports === 'per-preset' ? preset.typeImports : input.typeImports,
    unclassified: input.unclassified ?? 'warn',
    rules,
    detected,
  };
}

/** Loads, validates and resolves the config file at `file`. */
export function loadConfigFile(file: string, options: ResolveOptions = {}): ResolvedConfig {
  const input = validateConfig(readConfigFile(file), file);
  return resolveConfig(input, path.dirname(file), file, options);
}

/**
 * The nearest `name` at or above `directory`, within the package: the search stops at the first
 * folder with a package.json, so a project without a tsconfig does not borrow an unrelated one.
 */
function findUpward(directory: string, name: string): string | undefined {
  for (let current = path.resolve(directory); ; current = path.dirname(current)) {
    dependOnListing(current);
    const candidate = path.join(current, name);
    if (fs.existsSync(candidate)) return candidate;
    if (fs.existsSync(path.join(current, 'package.json')) || path.dirname(current) === current) return undefined;
  }
}

/** Whether `directory` holds a package.json or a tsconfig.json: the root of a project with no config. */
function isProjectRoot(directory: string): boolean {
  dependOnListing(directory);
  return fs.existsSync(path.join(directory, 'package.json')) || fs.existsSync(path.join(directory, 'tsconfig.json'));
}

/**
 * The project root for a file with no config: the nearest folder with a package.json or
 * tsconfig.json, or, when that folder is a package of an npm/yarn/pnpm workspace, the workspace's
 * root (the packages are one project: its contexts and the imports between them).
 */
export function findProjectRoot(directory: string, cache: Memo<string, string | undefined> = createMemo(false)): string {
  const nearest = nearestProjectRoot(path.resolve(directory), cache) ?? path.resolve(directory);
  // Kept in the same memo under a key no folder can have; the workspace's manifests are what the answer depends on.
  return cache.get(`${nearest}\0workspace`, () => {
    const workspace = findWorkspace(nearest);
    return workspace && packageFolderOf(workspace, nearest) === nearest ? workspace.root : nearest;
  })!;
}

function nearestProjectRoot(directory: string, cache: Memo<string, string | undefined>): string | undefined {
  return cache.get(directory, () => {
    const parent = path.dirname(directory);
    return isProjectRoot(directory) ? directory : parent === directory ? undefined : nearestProjectRoot(parent, cache);
  });
}

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}
