import path from 'node:path';
import type * as TS from 'typescript';
import { readTsconfig } from './tsconfig.js';
import { typescript } from './typescript.js';
import { builtinName, isPathSpecifier, packageName } from './packages.js';

export type ResolvedTarget =
  | { type: 'file'; path: string }
  | { type: 'package'; name: string; builtin: boolean }
  | { type: 'unresolved'; reason: string };

export interface ResolverDiagnostic {
  kind: 'tsconfig';
  file: string;
  message: string;
}

export interface Resolver {
  resolve(specifier: string, containingFile: string, form?: 'require' | 'import'): ResolvedTarget;
  /** Problems met while reading tsconfig files (resolution then goes on without their options). */
  readonly diagnostics: readonly ResolverDiagnostic[];
  /** The compiler options that govern a file (its tsconfig's), which also decide what its emit keeps. */
  compilerOptions(file: string): TS.CompilerOptions;
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


/** A host for the module resolver that remembers what exists: resolution asks the same questions many times. */
function cachingHost(ts: typeof TS): TS.ModuleResolutionHost {
  const files = new Map<string, boolean>();
  const directories = new Map<string, boolean>();
  const realpaths = new Map<string, string>();
  return {
    fileExists(file) {
      let exists = files.get(file);
      if (exists === undefined) files.set(file, (exists = ts.sys.fileExists(file)));
      return exists;
    },
    directoryExists(directory) {
      let exists = directories.get(directory);
      if (exists === undefined) directories.set(directory, (exists = ts.sys.directoryExists(directory)));
      return exists;
    },
    realpath(file) {
      let real = realpaths.get(file);
      if (real === undefined) realpaths.set(file, (real = ts.sys.realpath ? ts.sys.realpath(file) : file));
      return real;
    },
    readFile: (file) => ts.sys.readFile(file),
    getCurrentDirectory: () => ts.sys.getCurrentDirectory(),
  };
}

function aliasPattern(key: string): RegExp {
  const escaped = key.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace('*', '.*');
  return new RegExp(`^${escaped}$`);
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
export function createResolver(tsconfigs: readonly string[], root: string): Resolver {
  const ts = typescript();
  const diagnostics: ResolverDiagnostic[] = [];
  const host = cachingHost(ts);
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
  const answers = new Map<string, ResolvedTarget>();

  function setupFor(file: string): CompilerSetup {
    return setups.find((setup) => file.startsWith(setup.directory + path.sep)) ?? setups.at(-1) ?? fallback;
  }

  function resolveUncached(specifier: string, containingFile: string, form: 'require' | 'import'): ResolvedTarget {
    const builtin = isPathSpecifier(specifier) ? undefined : builtinName(specifier);
    if (builtin) return { type: 'package', name: builtin, builtin: true };
    const setup = setupFor(containingFile);
    const mode = form === 'require' ? ts.ModuleKind.CommonJS : undefined;
    const { resolvedModule } = ts.resolveModuleName(specifier, containingFile, setup.options, host, setup.cache, undefined, mode);
    const name = packageName(specifier);
    if (resolvedModule) {
      if (resolvedModule.isExternalLibraryImport) {
        return { type: 'package', name: resolvedModule.packageId?.name ?? name ?? specifier, builtin: false };
      }
      return { type: 'file', path: path.resolve(resolvedModule.resolvedFileName) };
    }
    if (isPathSpecifier(specifier)) return { type: 'unresolved', reason: 'no file at that path' };
    if (setup.aliasPatterns.some((pattern) => pattern.test(specifier))) {
      return { type: 'unresolved', reason: `it matches a "paths" alias in ${path.relative(root, setup.tsconfig!) || setup.tsconfig!} but no file` };
    }
    if (name) return { type: 'package', name, builtin: false };
    return {
      type: 'unresolved',
      reason: setup.tsconfig
        ? `it is not a package name and no "paths" alias in ${path.relative(root, setup.tsconfig) || setup.tsconfig} matches it`
        : 'it looks like a path alias, but no tsconfig.json was found to define it',
    };
  }

  /**
   * What an answer depends on: a relative specifier means the same file from any importer, an
   * alias the same file from anywhere its tsconfig governs; only a package depends on the
   * importer's folder (its node_modules chain).
   */
  function cacheKey(specifier: string, containingFile: string, form: string): string {
    if (isPathSpecifier(specifier)) return `${form}\0${path.resolve(path.dirname(containingFile), specifier)}`;
    const setup = setupFor(containingFile);
    if (setup.aliasPatterns.some((pattern) => pattern.test(specifier))) return `${setup.directory}\0${form}\0alias\0${specifier}`;
    return `${packageScope(path.dirname(containingFile))}\0${form}\0${specifier}`;
  }

  /** The nearest folder with a package.json or node_modules: below it, a package resolves the same from every folder. */
  const scopes = new Map<string, string>();
  function packageScope(directory: string): string {
    let scope = scopes.get(directory);
    if (scope === undefined) {
      const parent = path.dirname(directory);
      const isBoundary =
        parent === directory || host.fileExists(path.join(directory, 'package.json')) || host.directoryExists!(path.join(directory, 'node_modules'));
      scope = isBoundary ? directory : packageScope(parent);
      scopes.set(directory, scope);
    }
    return scope;
  }

  return {
    diagnostics,
    compilerOptions: (file) => setupFor(file).options,
    resolve(specifier, containingFile, form = 'import') {
      const key = cacheKey(specifier, containingFile, form);
      let answer = answers.get(key);
      if (!answer) {
        answer = resolveUncached(specifier, containingFile, form);
        answers.set(key, answer);
      }
      return answer;
    },
  };
}
