import path from 'node:path';
import { findConfigFile, findProjectRoot, loadConfigFile, resolveConfig } from '../config/load.js';
import { createMemo, type Memo } from '../config/watch.js';
import type { PresetName, ResolvedConfig } from '../config/types.js';
import { validateConfig } from '../config/validate.js';
import { createClassifier, type Classifier } from './classify.js';
import type { ImportRecord, ImportTarget, ResolvedImport } from './imports.js';
import { createExportIndex, type ExportIndex } from './exports.js';
import { createResolver, resolutionForm, type Resolver } from './resolve.js';
import { decideRuntime, erased, isDeclarationFile, type DeclaredKind, type EmitOptions } from './runtime.js';

/** One described project: its config and the classification and resolution caches built from it. */
export interface Project {
  config: ResolvedConfig;
  classifier: Classifier;
  resolver: Resolver;
  /** Follows barrels' re-exports to defining files; parses other modules only when asked. */
  exports: ExportIndex;
}

export interface ProjectCache {
  /** Kept for a process that lives on (an editor): answers are checked against what they read before reuse. */
  watch: boolean;
  /** The config file at or above each folder (undefined: none). */
  configFiles: Memo<string, string | undefined>;
  /** The nearest folder with a package.json or tsconfig.json at or above each folder (undefined: none), for files with no config file above them. */
  roots: Memo<string, string | undefined>;
  byConfigFile: Memo<string, Project>;
  bySettings: Memo<object, Project>;
  byDetectedRoot: Memo<string, Project>;
}

/**
 * The caches projects are looked up in. With `watch` (the ESLint plugin, whose process an editor
 * keeps alive while files and configs change), every answer remembers the config files, tsconfig
 * files, folders and files it was read from, and is computed again after any of them changed: the
 * next lint answers as a fresh process would. Without it (one audit), nothing is checked.
 */
export function createProjectCache(options: { watch?: boolean } = {}): ProjectCache {
  const watch = options.watch ?? false;
  return {
    watch,
    configFiles: createMemo(watch),
    roots: createMemo(watch),
    byConfigFile: createMemo(watch),
    bySettings: createMemo(watch, new WeakMap()),
    byDetectedRoot: createMemo(watch),
  };
}

export function projectFromConfig(config: ResolvedConfig, options: { watch?: boolean; deferConflicts?: boolean } = {}): Project {
  const resolver = createResolver(config.tsconfigs, config.root, { ...options, workspace: config.workspace });
  return { config, classifier: createClassifier(config, options), resolver, exports: createExportIndex(resolver, options) };
}

export interface ProjectLookup {
  /** The absolute path of the file being checked. */
  file: string;
  /** `settings.cosmic` from the ESLint config: a whole description, used instead of a config file. */
  settings?: unknown;
  /** Folder `settings.cosmic` globs are relative to (ESLint's cwd). */
  cwd?: string;
  presetHint?: PresetName | undefined;
}

/**
 * The project a file belongs to: from `settings.cosmic`, else the nearest config file above it,
 * else the layout detected under its package root. Throws a config error when none can be made.
 */
export function projectForFile(lookup: ProjectLookup, cache: ProjectCache): Project {
  const options = { presetHint: lookup.presetHint };
  const build = { watch: cache.watch };
  if (lookup.settings !== undefined && lookup.settings !== null) {
    const settings = lookup.settings;
    if (typeof settings !== 'object') validateConfig(settings, 'settings.cosmic');
    return cache.bySettings.get(settings as object, () =>
      projectFromConfig(resolveConfig(validateConfig(settings, 'settings.cosmic'), lookup.cwd ?? path.dirname(lookup.file), 'settings.cosmic', options), build),
    );
  }
  const directory = path.dirname(lookup.file);
  const configFile = findConfigFile(directory, cache.configFiles);
  if (configFile) {
    return cache.byConfigFile.get(`${configFile}\0${lookup.presetHint ?? ''}`, () => projectFromConfig(loadConfigFile(configFile, options), build));
  }
  const root = findProjectRoot(directory, cache.roots);
  return cache.byDetectedRoot.get(`${root}\0${lookup.presetHint ?? ''}`, () =>
    projectFromConfig(resolveConfig({}, root, `detected layout (no cosmic-lint.config.json above ${root})`, options), build),
  );
}

/**
 * Resolves a file's import records to files (classified), packages, or unresolved, and decides
 * each record's kind the way the file's emit does under its own compiler options: `value` when
 * the JavaScript still loads the module, `type` when the compiler erases the import.
 */
export function resolveImports(project: Project, file: string, records: readonly ImportRecord[]): ResolvedImport[] {
  const emit = project.resolver.emitOptions(file);
  const declaration = isDeclarationFile(file);
  return records.map((record) => {
    const target = project.resolver.resolve(record.specifier, file, resolutionForm(record));
    // Only a file we can read tells what a name is; a package or an unresolved module counts as a value.
    const declared = (name: string): DeclaredKind => (target.type === 'file' ? project.exports.declarationKind(target.path, name) : undefined);
    const resolvedTarget: ImportTarget = target.type === 'file' ? { type: 'file', path: target.path, classification: project.classifier.classify(target.path) } : target;
    if (declaration) return { ...erased(record), target: resolvedTarget };
    if (target.type !== 'file' || !needsDeclarations(record, emit)) return { ...decideRuntime(record, emit, declared), target: resolvedTarget };
    return lazilyDecided(record, resolvedTarget, () => decideRuntime(record, emit, declared));
  });
}

/** Whether deciding a record's kind asks what a name is where it is declared (which may mean reading that file). */
function needsDeclarations(record: ImportRecord, emit: EmitOptions): boolean {
  if (emit.verbatimModuleSyntax || record.typeOnlyClause || record.sideEffect) return false;
  return record.names.some((name) => name.kind === 'value' && (record.form === 'export-from' || (name.use !== 'value' && name.use !== 'type')));
}

/**
 * A resolved import whose kinds are decided the first time a check reads them. Most imports cross
 * no boundary where runtime and type-only differ, so the editor never reads the files that would
 * tell (a re-exported or decorator-named class) for them.
 */
function lazilyDecided(record: ImportRecord, target: ImportTarget, decide: () => ImportRecord): ResolvedImport {
  let decided: ImportRecord | undefined;
  const kindOf = (index: number | undefined) => {
    decided ??= decide();
    return index === undefined ? decided.kind : decided.names[index]!.kind;
  };
  const names = record.names.map((name, index) => {
    const lazy = { ...name };
    Object.defineProperty(lazy, 'kind', { enumerable: true, configurable: true, get: () => kindOf(index) });
    return lazy;
  });
  const resolved = { ...record, names, target } as ResolvedImport;
  Object.defineProperty(resolved, 'kind', { enumerable: true, configurable: true, get: () => kindOf(undefined) });
  return resolved;
}
