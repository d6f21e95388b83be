import Module, { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type * as TypeScript from 'typescript';
import { CosmicError } from '../config/errors.js';

let loaded: typeof TypeScript | undefined;

const require = createRequire(import.meta.url);

function cannotLoad(error: unknown): CosmicError {
  return new CosmicError(
    'config',
    `the "typescript" package could not be loaded (${(error as Error).message.split('\n')[0]}): cosmic-lint resolves imports with TypeScript's module resolution; reinstall cosmic-lint (\`npm install --save-dev cosmic-lint\`) so its dependencies are complete`,
  );
}

/** The version of the TypeScript `typescript()` loads, read from its package.json without loading it (9 MB of JavaScript). */
export function typescriptVersion(): string {
  try {
    return (require('typescript/package.json') as { version: string }).version;
  } catch (error) {
    throw cannotLoad(error);
  }
}

/**
 * Where V8's compiled code for TypeScript is kept between runs (`audit`, with `--cache` or not),
 * and the script that loaded it: compiling the bundle costs ~0.1 s of every run, a code cache a
 * third of that.
 */
interface CodeCache {
  folder: string;
  /** The file in `folder`, named when TypeScript is loaded (a run that never loads it names none). */
  file?: string;
  script?: vm.Script;
  /** Whether the file held code V8 accepted: then there is nothing to write. */
  accepted?: boolean;
}
let codeCache: CodeCache | undefined;

/**
 * Keep TypeScript's compiled code in `folder` between runs, from the next load of TypeScript on
 * (the audit calls this before anything is parsed, with its `--cache` folder or, without one, the
 * user's compile-cache folder): V8's code cache for TypeScript's bundle, in a file named by
 * TypeScript's and V8's versions and by which install it is (V8 also refuses code compiled by
 * another build or with other flags, and then it is compiled and written again). On
 * Node ≥ 22.1 the binary has turned on Node's own compile cache, for every module, and this does
 * nothing.
 */
export function keepTypescriptCompiled(folder: string): void {
  if (loaded || nodeKeepsCompiledCode()) return;
  codeCache = { folder };
}

/** Whether this Node has its own compile cache (≥ 22.1), which the binary turns on for every module. */
export function nodeKeepsCompiledCode(): boolean {
  return typeof (Module as unknown as { enableCompileCache?: unknown }).enableCompileCache === 'function';
}

/**
 * Which copy of TypeScript's bundle, as a short name: its path, size and time. V8 checks a code
 * cache against the source's length only, so a copy patched in place (patch-package) or another
 * install of the same version must not find this one's code.
 */
function installOf(entry: string): string {
  const { size, mtimeMs } = fs.statSync(entry);
  return createHash('sha1').update(`${entry}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 12);
}

/** The code cache to write once the work is done (it then holds every function the run compiled), or undefined when the one read was used. */
export function typescriptCodeCache(): { file: string; data: Buffer } | undefined {
  if (!codeCache?.script || !codeCache.file || codeCache.accepted) return undefined;
  return { file: codeCache.file, data: codeCache.script.createCachedData() };
}

/** TypeScript's bundle compiled with the code cache's help, registered as `require('typescript')` so that any later require gets this copy. */
function loadWithCodeCache(cache: CodeCache): typeof TypeScript {
  const entry = require.resolve('typescript');
  const already = require.cache[entry];
  if (already?.loaded) return already.exports as typeof TypeScript;
  cache.file = path.join(cache.folder, `typescript-${typescriptVersion()}-v8-${process.versions.v8}-${process.arch}-${installOf(entry)}.code-cache`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cache.file);
  } catch {
    // No cache yet (or unreadable): compiled from source, and written after the run.
  }
  const script = new vm.Script(Module.wrap(fs.readFileSync(entry, 'utf8')), { filename: entry, ...(cachedData ? { cachedData } : {}) });
  cache.script = script;
  cache.accepted = cachedData !== undefined && !script.cachedDataRejected;
  const module = new Module(entry);
  module.filename = entry;
  const moduleRequire = createRequire(entry);
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, moduleRequire, module, entry, path.dirname(entry));
  module.loaded = true;
  require.cache[entry] = module;
  return module.exports as typeof TypeScript;
}

/**
 * The TypeScript cosmic-lint ships (a dependency, >=5.5 <6.1: the project's own when that is in
 * range, else a copy of ours beside it, so a project on TypeScript 7, which has no JavaScript API,
 * still works), loaded on first use with `require`: an ESM import of the 9 MB CommonJS bundle
 * makes Node scan it for exports and module syntax, costing ~0.3 s.
 */
export function typescript(): typeof TypeScript {
  if (!loaded) {
    try {
      loaded = codeCache ? loadWithCodeCache(codeCache) : (require('typescript') as typeof TypeScript);
    } catch (error) {
      throw cannotLoad(error);
    }
  }
  return loaded;
}

/**
 * How every file is parsed: the latest syntax, and documentation comments left as comments, as
 * typescript-eslint's parser leaves them without type information. Nothing taken from a file reads
 * a JSDoc node, and not building them makes parsing ~15 % faster on well-documented code.
 */
export function parseOptions(ts: typeof TypeScript): TypeScript.CreateSourceFileOptions {
  return { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
}
