import path from 'node:path';
import type * as TS from 'typescript';
import { toPosix } from '../config/paths.js';
import { createMemo, dependOnEntry, dependOnListing, observing, type ObservedRead } from '../config/watch.js';
import { readTsconfig, recordingConfigHost } from './tsconfig.js';
import { typescript } from './typescript.js';
import { lazy } from './lazy.js';
import type { ImportRecord } from './imports.js';
import { emitOptionsOf, type EmitOptions } from './runtime.js';
import { builtinName, declaredPackages, isPathSpecifier, packageName } from './packages.js';
import { findWorkspace, packageFolderOf, type Workspace } from '../config/workspaces.js';
import { quickTarget } from './quick-resolve.js';

/** The form a record is resolved in (`require` for `require()` and `import x = require()`). */
export function resolutionForm(record: Pick<ImportRecord, 'form'>): 'require' | 'import' {
  return record.form === 'require' || record.form === 'import-equals' ? 'require' : 'import';
}

export type ResolvedTarget = { type: 'file'; path: string } | { type: 'package'; name: string; builtin: boolean } | { type: 'unresolved'; reason: string };

export interface ResolverDiagnostic {
  kind: 'tsconfig';
  file: string;
  message: string;
}

export interface Resolver {
  resolve(specifier: string, containingFile: string, form?: 'require' | 'import'): ResolvedTarget;
  /** Problems met while reading tsconfig files (resolution then goes on without their options). */
  readonly diagnostics: readonly ResolverDiagnostic[];
  /** What a file's emit keeps, by its compiler options (or as seeded). */
  emitOptions(file: string): EmitOptions;
  /**
   * Answers known from an earlier run whose inputs still hold (`audit --cache`): a file's imports'
   * targets and its emit options. A seeded answer is given as it is, without TypeScript.
   */
  seed(file: string, answers: ReadonlyArray<{ specifier: string; form: 'require' | 'import'; target: ResolvedTarget }>, emit: EmitOptions): void;
  /** The tsconfig problems an earlier run met, when what it read still holds: `diagnostics` then answers them without reading a tsconfig. */
  seedDiagnostics(diagnostics: readonly ResolverDiagnostic[]): void;
  /** Notes in `into` every path resolution reads from now on (undefined: stop), so a cache of its answers knows what they rest on. */
  observe(into: Map<string, ObservedRead> | undefined): void;
}

interface CompilerSetup {
  tsconfig: string | undefined;
  directory: string;
  options: TS.CompilerOptions;
  cache: TS.ModuleResolutionCache;
  aliasPatterns: RegExp[];
}

/** Options for a project without a tsconfig: resolve like a bundler would. */
function defaultOptions(ts: typeof TS): TS.CompilerOptions {
  return { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowJs: true, resolveJsonModule: true };
}

/**
 * A host for the module resolver that remembers what exists: resolution asks the same questions
 * many times. Each answer depends on the listing of the folder it is about (a file appears or
 * goes in it); a file read depends on the file.
 */
function cachingHost(ts: typeof TS, watch: boolean): TS.ModuleResolutionHost {
  const { readFile } = recordingConfigHost(ts, () => []);
  const files = createMemo<string, boolean>(watch);
  const directories = createMemo<string, boolean>(watch);
  const realpaths = createMemo<string, string>(watch);
  return {
    fileExists: (file) =>
      files.get(file, () => {
        dependOnEntry(file);
        return ts.sys.fileExists(file);
      }),
    directoryExists: (directory) =>
      directories.get(directory, () => {
        dependOnEntry(directory);
        return ts.sys.directoryExists(directory);
      }),
    realpath: (file) =>
      realpaths.get(file, () => {
        dependOnEntry(file, 'real');
        return ts.sys.realpath ? ts.sys.realpath(file) : file;
      }),
    readFile,
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  };
}

/**
 * A host on which every workspace package is installed, as a package manager would link it: a
 * path under any `node_modules/<name>` of a workspace package that does not exist on disk is read
 * from the package's folder, and its real path is that folder. So TypeScript resolves
 * `@shop/orders` through the package's own `exports`/`types`/`main` on a fresh clone, before any
 * `npm install`, exactly as it does through the installed symlink.
 */
function workspaceHost(host: TS.ModuleResolutionHost, workspace: Workspace): TS.ModuleResolutionHost {
  const linked = (file: string): string | undefined => {
    const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}`);
    if (at < 0) return undefined;
    const rest = file.slice(at + '/node_modules/'.length).split(path.sep);
    const name = rest[0]?.startsWith('@') ? rest.slice(0, 2).join('/') : rest[0];
    const folder = name === undefined ? undefined : workspace.packages.get(name);
    return folder ? path.join(folder, ...rest.slice(name!.split('/').length)) : undefined;
  };
  const isNodeModules = (directory: string) => path.basename(directory) === 'node_modules' && workspace.root.startsWith(path.dirname(directory));
  const either = <T>(real: (file: string) => T, file: string, missing: T): T => {
    const answer = real(file);
    if (answer !== missing) return answer;
    const target = linked(file);
    return target === undefined ? answer : real(target);
  };
  return {
    ...host,
    fileExists: (file) => either(host.fileExists, file, false),
    directoryExists: (directory) => isNodeModules(directory) || either(host.directoryExists!, directory, false),
    readFile: (file) => either(host.readFile, file, undefined),
    realpath: (file) => (host.fileExists(file) || host.directoryExists!(file) ? host.realpath!(file) : (linked(file) ?? host.realpath!(file))),
  };
}

/** Whether a resolved file is a workspace package's own source (not a built copy inside node_modules). */
function isWorkspaceSource(file: string, workspace: Workspace | undefined): boolean {
  return !file.split(path.sep).includes('node_modules') && packageFolderOf(workspace, file) !== undefined;
}

/**
 * The importing file as TypeScript may be told it. TypeScript reads `\` as a folder separator, so
 * on a system where it is a character of a name (`back\slash.ts`) the file would seem to sit in a
 * folder that does not exist, and its relative imports resolve to nothing; only its folder and
 * extension matter to resolution, so another name in the same folder stands in for it.
 */
function typescriptPath(file: string): string {
  const name = path.basename(file);
  if (path.sep === '\\' || !name.includes('\\')) return file;
  return path.join(path.dirname(file), `__cosmic_importer__${/\.[cm]?[jt]sx?$/.exec(name)?.[0] ?? '.ts'}`);
}

function aliasPattern(key: string): RegExp {
  const escaped = key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * The host TypeScript lists a tsconfig's files with: each folder a listed file is in, and the
 * folders between it and the tsconfig, become dependencies of the answer (a declaration file added
 * next to others is seen).
 */
function listingHost(ts: typeof TS, directory: string): TS.ParseConfigHost {
  return recordingConfigHost(ts, (...args) => {
    const files = ts.sys.readDirectory(...args);
    dependOnListing(directory);
    for (const file of files) {
      for (let folder = path.dirname(file); folder.startsWith(directory + path.sep); folder = path.dirname(folder)) dependOnListing(folder);
    }
    return files;
  });
}

function readCompilerSetup(ts: typeof TS, tsconfig: string, diagnostics: ResolverDiagnostic[]): CompilerSetup {
  const directory = path.dirname(tsconfig);
  const { parsed, problems } = readTsconfig(tsconfig);
  for (const problem of problems) diagnostics.push({ kind: 'tsconfig', file: problem.file, message: problem.message });
  const options = parsed ? { ...parsed.options, allowJs: true } : defaultOptions(ts);
  const cache = ts.createModuleResolutionCache(directory, (file) => file, options);
  return { tsconfig, directory, options, cache, aliasPatterns: Object.keys(options.paths ?? {}).map(aliasPattern) };
}

/**
 * Resolves import specifiers with TypeScript's own module resolution, driven by the project's
 * tsconfig files (`extends`, `paths`, `baseUrl`, package `exports`), and caches every answer.
 */
/**
 * `workspace`: the workspace the project is in, when the caller found it already (null: none);
 * without it, it is looked for from `root`.
 */
export function createResolver(tsconfigs: readonly string[], root: string, options: { watch?: boolean; workspace?: Workspace | null } = {}): Resolver {
  const watch = options.watch ?? false;
  // npm, yarn and pnpm workspaces: their packages resolve to their sources, as files of the project.
  const workspace = options.workspace === undefined ? findWorkspace(root) : (options.workspace ?? undefined);
  // TypeScript and the tsconfig files are read on the first question, not when the project is
  // described: a run that asks none (`--version`, a config error) never loads the 9 MB compiler.
  let observer: Map<string, ObservedRead> | undefined;
  const state = lazy(() => observing(observer, readState));
  function readState() {
    const ts = typescript();
    const diagnostics: ResolverDiagnostic[] = [];
    const host = workspace && workspace.packages.size > 0 ? workspaceHost(cachingHost(ts, watch), workspace) : cachingHost(ts, watch);
    const setups = tsconfigs.map((tsconfig) => readCompilerSetup(ts, tsconfig, diagnostics));
    // Deepest folder first, so a package's own tsconfig wins over the monorepo's.
    setups.sort((a, b) => b.directory.length - a.directory.length);
    const fallback: CompilerSetup = {
      tsconfig: undefined,
      directory: root,
      options: defaultOptions(ts),
      cache: ts.createModuleResolutionCache(root, (file) => file, defaultOptions(ts)),
      aliasPatterns: [],
    };
    return { ts, diagnostics, host, setups, fallback };
  }
  // A watching project depends on its tsconfig files: read them while it is being built, so the
  // reads are recorded on the project (config/watch.ts), not on whichever answer came first.
  if (watch) state();
  const answers = createMemo<string, ResolvedTarget>(watch);

  function setupFor(file: string): CompilerSetup {
    const { setups, fallback } = state();
    return setups.find((setup) => file.startsWith(setup.directory + path.sep)) ?? setups.at(-1) ?? fallback;
  }

  const label = (file: string): string => toPosix(path.relative(root, file)) || '.';

  /**
   * What the project's package.json files declare for a folder: each one from the folder up to the
   * config root, and the nearest one at or above the root (the package the project lives in, when
   * the config sits in a sub-folder of it). Memoised per folder, like the scopes below.
   */
  const declarations = createMemo<string, { names: ReadonlySet<string>; files: readonly string[] }>(watch);
  const declaredFor = (directory: string): { names: ReadonlySet<string>; files: readonly string[] } => declarations.get(directory, () => readDeclared(directory));
  function readDeclared(directory: string): { names: ReadonlySet<string>; files: readonly string[] } {
    const { host } = state();
    const manifestFile = path.join(directory, 'package.json');
    let own: { names: string[]; files: string[] } | undefined;
    if (host.fileExists(manifestFile)) {
      let manifest: unknown;
      try {
        manifest = JSON.parse(host.readFile(manifestFile) ?? 'null');
      } catch {
        // A package.json that does not parse declares nothing; its own tools report it.
      }
      own = { names: declaredPackages(manifest), files: [manifestFile] };
    }
    const parent = path.dirname(directory);
    const insideRoot = directory.startsWith(root + path.sep);
    const above = insideRoot || (!own && parent !== directory) ? declaredFor(parent) : { names: new Set<string>(), files: [] };
    return own ? { names: new Set([...own.names, ...above.names]), files: [...own.files, ...above.files] } : above;
  }

  /**
   * Module names the project's own declaration files declare (`declare module 'pg' { … }`, a vendored
   * typing): the compiler accepts such an import with nothing installed, so it names a package.
   * Read once per tsconfig, and only when a bare name has resolved to nothing.
   */
  const ambientModules = createMemo<CompilerSetup, { names: ReadonlySet<string>; patterns: readonly RegExp[] }>(watch);
  const ambientModulesOf = (setup: CompilerSetup): { names: ReadonlySet<string>; patterns: readonly RegExp[] } => ambientModules.get(setup, () => readAmbientModules(setup));
  function readAmbientModules(setup: CompilerSetup): { names: ReadonlySet<string>; patterns: readonly RegExp[] } {
    const { ts, host } = state();
    const names = new Set<string>();
    const patterns: RegExp[] = [];
    const read = setup.tsconfig ? ts.readConfigFile(setup.tsconfig, (file) => host.readFile(file)) : undefined;
    if (read && !read.error) {
      const { fileNames } = ts.parseJsonConfigFileContent(read.config, listingHost(ts, setup.directory), setup.directory, undefined, setup.tsconfig);
      for (const file of fileNames.filter((name) => /\.d\.[cm]?ts$/.test(name))) {
        for (const match of (host.readFile(file) ?? '').matchAll(/\bdeclare\s+module\s+(['"])([^'"\n]+)\1/g)) {
          if (match[2]!.includes('*')) patterns.push(aliasPattern(match[2]!));
          else names.add(match[2]!);
        }
      }
    }
    return { names, patterns };
  }

  /** The folder a bare specifier's first segment names at the project root, the tsconfig's folder or its baseUrl, if any. */
  function projectFolder(specifier: string, setup: CompilerSetup): string | undefined {
    const { host } = state();
    const first = specifier.split('/')[0]!;
    if (first === '' || first === '.' || first === '..') return undefined;
    const bases = [root, setup.directory, ...(setup.options.baseUrl ? [setup.options.baseUrl] : [])];
    return bases.map((base) => path.join(base, first)).find((folder) => host.directoryExists!(folder));
  }

  function resolveUncached(specifier: string, containingFile: string, form: 'require' | 'import'): ResolvedTarget {
    const { ts, host } = state();
    const builtin = isPathSpecifier(specifier) ? undefined : builtinName(specifier);
    if (builtin) return { type: 'package', name: builtin, builtin: true };
    const setup = setupFor(containingFile);
    const mode = form === 'require' ? ts.ModuleKind.CommonJS : undefined;
    // Most imports are relative or aliased and name a file that exists: answered as TypeScript
    // would, without it. Not in ESM mode: TypeScript is asked in CommonJS mode or none, never ESM.
    const quick = quickTarget(ts, specifier, containingFile, setup.options, false, (file) => host.fileExists(file));
    if (quick) return { type: 'file', path: quick };
    // TypeScript's own cache would answer from what it saw before a file appeared or went; a
    // watching resolver checks its answers instead (see config/watch.ts).
    const { resolvedModule } = ts.resolveModuleName(specifier, typescriptPath(containingFile), setup.options, host, watch ? undefined : setup.cache, undefined, mode);
    const name = packageName(specifier);
    if (resolvedModule) {
      if (resolvedModule.isExternalLibraryImport && !isWorkspaceSource(path.resolve(resolvedModule.resolvedFileName), workspace)) {
        return { type: 'package', name: resolvedModule.packageId?.name ?? name ?? specifier, builtin: false };
      }
      return { type: 'file', path: path.resolve(resolvedModule.resolvedFileName) };
    }
    if (isPathSpecifier(specifier)) return { type: 'unresolved', reason: 'no file at that path' };
    const tsconfigLabel = setup.tsconfig ? label(setup.tsconfig) : undefined;
    if (setup.aliasPatterns.some((pattern) => pattern.test(specifier))) {
      // TypeScript falls back to node_modules when an alias maps to nothing, so under a catch-all
      // alias (`"*": ["types/*"]`) a declared but uninstalled `pg` is still the package `pg`.
      if (name && declaredFor(path.dirname(containingFile)).names.has(name) && !projectFolder(specifier, setup)) return { type: 'package', name, builtin: false };
      return { type: 'unresolved', reason: `it matches a "paths" alias in ${tsconfigLabel!} but no file` };
    }
    // Fail closed: a name that resolves to nothing is a package only when the project says so. A
    // project folder (`src/adapters/orm` with no baseUrl to map it) or an alias nobody defined
    // (`@app/adapters/orm`) would otherwise pass as an npm package, and its edge go unchecked.
    const declared = name ? declaredFor(path.dirname(containingFile)) : undefined;
    const folder = projectFolder(specifier, setup);
    // Declared and not a project folder: a package, whatever the declaration files say, so they need not be read.
    if (name && !folder && declared!.names.has(name)) return { type: 'package', name, builtin: false };
    if (name) {
      const ambient = ambientModulesOf(setup);
      if (ambient.names.has(specifier) || ambient.patterns.some((pattern) => pattern.test(specifier))) return { type: 'package', name, builtin: false };
    }
    if (folder) {
      const alsoDeclared = name && declared!.names.has(name) ? `; a package.json declares a package '${name}' too, but it is not installed` : '';
      return {
        type: 'unresolved',
        reason: `'${specifier.split('/')[0]!}' is the project folder ${label(folder)}/, not a package, and no file matches it (${tsconfigLabel ? `no "baseUrl" or "paths" alias in ${tsconfigLabel} maps it` : 'there is no tsconfig.json to map it with "baseUrl" or "paths"'})${alsoDeclared}`,
      };
    }
    if (name && declared) {
      if (declared.names.has(name)) return { type: 'package', name, builtin: false };
      const looked = declared.files.length > 0 ? `looked in ${declared.files.map(label).join(', ')}` : 'no package.json was found at or above the project';
      return {
        type: 'unresolved',
        // Named by the importer's package scope, not its folder: the answer is shared by every importer in the scope, so its words must be too.
        reason: `no package.json of the project declares '${name}' (${looked}) and it is not installed (no node_modules/${name} at or above ${label(packageScope(path.dirname(containingFile)))}/)${tsconfigLabel ? `, and no "paths" alias in ${tsconfigLabel} matches it` : ''}`,
      };
    }
    return {
      type: 'unresolved',
      reason: setup.tsconfig ? `it is not a package name and no "paths" alias in ${tsconfigLabel!} matches it` : 'it looks like a path alias, but no tsconfig.json was found to define it',
    };
  }

  /**
   * What an answer depends on: a relative specifier means the same file from any importer, an
   * alias the same file from anywhere its tsconfig governs; a bare name depends on the tsconfig
   * governing the importer (its baseUrl) and on the importer's package scope (its node_modules
   * chain and the package.json files that declare what may be imported).
   */
  function cacheKey(specifier: string, containingFile: string, form: string): string {
    if (isPathSpecifier(specifier)) return `${form}\0${path.resolve(path.dirname(containingFile), specifier)}`;
    const setup = setupFor(containingFile);
    // An alias that maps to a file means the same everywhere its tsconfig governs; one that maps to
    // nothing falls back to the importer's declared packages, so the package scope is part of the key.
    if (setup.aliasPatterns.some((pattern) => pattern.test(specifier))) return `${setup.directory}\0${packageScope(path.dirname(containingFile))}\0${form}\0alias\0${specifier}`;
    return `${setup.directory}\0${packageScope(path.dirname(containingFile))}\0${form}\0${specifier}`;
  }

  /**
   * The nearest folder with a package.json or node_modules: below it, a package resolves the same
   * from every folder, and the same package.json files declare what may be imported.
   */
  const scopes = createMemo<string, string>(watch);
  function packageScope(directory: string): string {
    return scopes.get(directory, () => {
      const { host } = state();
      const parent = path.dirname(directory);
      const isBoundary = parent === directory || host.fileExists(path.join(directory, 'package.json')) || host.directoryExists!(path.join(directory, 'node_modules'));
      return isBoundary ? directory : packageScope(parent);
    });
  }

  const seeded = new Map<string, ResolvedTarget>();
  let seededDiagnostics: readonly ResolverDiagnostic[] | undefined;
  const seededEmit = new Map<string, EmitOptions>();
  const emits = new WeakMap<TS.CompilerOptions, EmitOptions>();
  const seedKey = (specifier: string, containingFile: string, form: string) => `${form}\0${containingFile}\0${specifier}`;

  return {
    get diagnostics() {
      return seededDiagnostics ?? state().diagnostics;
    },
    seedDiagnostics(diagnostics) {
      seededDiagnostics = diagnostics;
    },
    emitOptions(file) {
      const known = seededEmit.get(file);
      if (known) return known;
      const options = setupFor(file).options;
      let emit = emits.get(options);
      if (!emit) emits.set(options, (emit = emitOptionsOf(options)));
      return emit;
    },
    seed(file, known, emit) {
      for (const { specifier, form, target } of known) seeded.set(seedKey(specifier, file, form), target);
      seededEmit.set(file, emit);
    },
    observe(into) {
      observer = into;
    },
    resolve(specifier, containingFile, form = 'import') {
      return (
        seeded.get(seedKey(specifier, containingFile, form)) ??
        observing(observer, () => answers.get(cacheKey(specifier, containingFile, form), () => resolveUncached(specifier, containingFile, form)))
      );
    },
  };
}
