import path from 'node:path';
import { findConfigFile, findProjectRoot, loadConfigFile, resolveConfig } from '../config/load.js';
import type { PresetName, ResolvedConfig } from '../config/types.js';
import { validateConfig } from '../config/validate.js';
import { createClassifier, type Classifier } from './classify.js';
import type { ImportRecord, ImportTarget, ResolvedImport } from './imports.js';
import { createExportIndex, type ExportIndex } from './exports.js';
import { createResolver, type Resolver } from './resolve.js';
import { decideRuntime, emitOptionsOf, type DeclaredKind, type EmitOptions } from './runtime.js';

/** One described project: its config and the classification and resolution caches built from it. */
export interface Project {
  config: ResolvedConfig;
  classifier: Classifier;
  resolver: Resolver;
  /** Follows barrels' re-exports to defining files; parses other modules only when asked. */
  exports: ExportIndex;
}

export interface ProjectCache {
  configFiles: Map<string, string | null>;
  byConfigFile: Map<string, Project>;
  bySettings: WeakMap<object, Project>;
  byDetectedRoot: Map<string, Project>;
  lastUsed: number;
}

/**
 * An editor keeps the process alive while files and configs change. A lint run asks for projects
 * in quick succession; after this much idle time we assume the world may have changed and start over.
 */
const IDLE_RESET_MS = 2000;

export function createProjectCache(): ProjectCache {
  return { configFiles: new Map(), byConfigFile: new Map(), bySettings: new WeakMap(), byDetectedRoot: new Map(), lastUsed: 0 };
}

export function projectFromConfig(config: ResolvedConfig): Project {
  const resolver = createResolver(config.tsconfigs, config.root);
  return { config, classifier: createClassifier(config), resolver, exports: createExportIndex(resolver) };
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

function memo<K>(map: { get(key: K): Project | undefined; set(key: K, value: Project): unknown }, key: K, build: () => Project): Project {
  let project = map.get(key);
  if (!project) {
    project = build();
    map.set(key, project);
  }
  return project;
}

/**
 * The project a file belongs to: from `settings.cosmic`, else the nearest config file above it,
 * else the layout detected under its package root. Throws a config error when none can be made.
 */
export function projectForFile(lookup: ProjectLookup, cache: ProjectCache, now = Date.now()): Project {
  if (now - cache.lastUsed > IDLE_RESET_MS) Object.assign(cache, createProjectCache());
  cache.lastUsed = now;
  const options = { presetHint: lookup.presetHint };
  if (lookup.settings !== undefined && lookup.settings !== null) {
    const settings = lookup.settings;
    if (typeof settings !== 'object') validateConfig(settings, 'settings.cosmic');
    return memo(cache.bySettings, settings as object, () =>
      projectFromConfig(resolveConfig(validateConfig(settings, 'settings.cosmic'), lookup.cwd ?? path.dirname(lookup.file), 'settings.cosmic', options)),
    );
  }
  const configFile = findConfigFile(path.dirname(lookup.file), cache.configFiles);
  if (configFile) {
    return memo(cache.byConfigFile, `${configFile}\0${lookup.presetHint ?? ''}`, () => projectFromConfig(loadConfigFile(configFile, options)));
  }
  const root = findProjectRoot(path.dirname(lookup.file));
  return memo(cache.byDetectedRoot, `${root}\0${lookup.presetHint ?? ''}`, () =>
    projectFromConfig(resolveConfig({}, root, `detected layout (no cosmic-lint.config.json above ${root})`, options)),
  );
}

const emitOptionsCache = new WeakMap<object, EmitOptions>();

function emitOptionsFor(project: Project, file: string): EmitOptions {
  const options = project.resolver.compilerOptions(file);
  let emit = emitOptionsCache.get(options);
  if (!emit) emitOptionsCache.set(options, (emit = emitOptionsOf(options)));
  return emit;
}

/**
 * Resolves a file's import records to files (classified), packages, or unresolved, and decides
 * each record's kind the way the file's emit does under its own compiler options: `value` when
 * the JavaScript still loads the module, `type` when the compiler erases the import.
 */
export function resolveImports(project: Project, file: string, records: readonly ImportRecord[]): ResolvedImport[] {
  const emit = emitOptionsFor(project, file);
  return records.map((record) => {
    const target = project.resolver.resolve(record.specifier, file, record.form === 'require' || record.form === 'import-equals' ? 'require' : 'import');
    // Only a file we can read tells what a name is; a package or an unresolved module counts as a value.
    const declared = (name: string): DeclaredKind => (target.type === 'file' ? project.exports.declarationKind(target.path, name) : undefined);
    const resolvedTarget: ImportTarget = target.type === 'file' ? { type: 'file', path: target.path, classification: project.classifier.classify(target.path) } : target;
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
