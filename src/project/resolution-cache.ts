import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compareText } from '../config/order.js';
import { relativePosix } from '../config/paths.js';
import type { ObservedRead, ReadKind } from '../config/watch.js';
import type { ResolvedConfig } from '../config/types.js';
import type { ResolvedTarget, Resolver, ResolverDiagnostic } from './resolve.js';
import type { EmitOptions } from './runtime.js';

/**
 * Resolution kept between runs (`audit --cache`). Resolving imports with TypeScript is most of what
 * a run with every file cached still does (and the only reason it loads the compiler), so the
 * answers are kept too, valid while everything resolution read still reads the same: the listing
 * of every folder it looked in (a file that appears or goes), every file it read (a tsconfig, a
 * package.json), and for installed packages their `node_modules` folder with the package manager's
 * record of what it installed. Signatures are content, never times, so a cache restored on another
 * machine (CI) is as valid as on this one.
 */
export interface StoredResolution {
  /** What else decides resolution: the tsconfig files named, the workspace's packages. */
  key: string;
  /** What was asked of a path (`exists:`, `real:`, `content:`, `listing:` and the path relative to the config's folder) → what it was. */
  deps: Record<string, string>;
  /** The tsconfig problems the resolver met (files relative to the config's folder). */
  diagnostics: Array<{ file: string; message: string }>;
}

/** A target as kept: a file relative to the config's folder. */
export type StoredTarget = { type: 'file'; path: string } | { type: 'package'; name: string; builtin: boolean } | { type: 'unresolved'; reason: string };

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/** What a package manager writes on every install into `node_modules`: it changes when a package is upgraded in place. */
const INSTALL_RECORDS = ['.package-lock.json', '.modules.yaml', '.yarn-state.yml', '.yarn-integrity'];

function installRecords(modules: string): string {
  return INSTALL_RECORDS.map((name) => {
    try {
      return sha1(fs.readFileSync(path.join(modules, name)));
    } catch {
      return '-';
    }
  }).join(',');
}

/** A path that could not be read, by why (`!EACCES`): never equal to what it holds when it can be. */
function unreadable(error: unknown): string {
  return `!${(error as NodeJS.ErrnoException).code ?? 'error'}`;
}

/** What a path holds now, for what was asked of it: whether it exists and as what, where it really is, a file's content hash, a folder's sorted names; `-` for nothing. */
export function signature(file: string, kind: ReadKind, root: string): string {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return '-';
    if (kind === 'exists') return stat.isDirectory() ? 'd' : stat.isFile() ? 'f' : 'o';
    if (kind === 'real') return `r:${relativePosix(root, fs.realpathSync(file))}`;
    if (!stat.isDirectory()) return `f:${sha1(fs.readFileSync(file))}`;
    const names = fs.readdirSync(file).sort().join('\n');
    const modules = path.basename(file) === 'node_modules' ? file : path.basename(path.dirname(file)) === 'node_modules' ? path.dirname(file) : undefined;
    return `d:${sha1(modules ? `${names}\n${installRecords(modules)}` : names)}`;
  } catch (error) {
    return unreadable(error);
  }
}

const KINDS: readonly ReadKind[] = ['exists', 'real', 'content', 'listing'];

/** A dependency's key in the cache: what was asked, and the path relative to the config's folder. */
function dependencyKey(kind: ReadKind, relative: string): string {
  return `${kind}:${relative}`;
}

function parseKey(key: string): { kind: ReadKind; relative: string } | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon) as ReadKind;
  return KINDS.includes(kind) ? { kind, relative: key.slice(colon + 1) } : undefined;
}

export function resolutionKey(config: ResolvedConfig): string {
  const relative = (file: string) => relativePosix(config.root, file);
  const packages = config.workspace ? [...config.workspace.packages].map(([name, folder]) => [name, relative(folder)]).sort() : null;
  return sha1(JSON.stringify({ tsconfigs: config.tsconfigs.map(relative), packages }));
}

/** Whether every path resolution read still holds what it held. */
function stillHolds(stored: StoredResolution, root: string): boolean {
  for (const [key, held] of Object.entries(stored.deps)) {
    const parsed = parseKey(key);
    if (!parsed || signature(path.resolve(root, parsed.relative), parsed.kind, root) !== held) return false;
  }
  return true;
}

export interface ResolutionSession {
  /** The stored answers may be used: nothing resolution read has changed. */
  valid: boolean;
  /** The stored tsconfig problems, absolute, when valid. */
  diagnostics: ResolverDiagnostic[] | undefined;
  /** Ends the observation: what to store for the next run. */
  finish(diagnostics: readonly ResolverDiagnostic[] | undefined): StoredResolution;
}

/** Starts observing what resolution reads, and says whether the stored answers still hold. */
export function startResolution(config: ResolvedConfig, resolver: Resolver, stored: StoredResolution | undefined): ResolutionSession {
  const key = resolutionKey(config);
  const valid = stored !== undefined && stored.key === key && stillHolds(stored, config.root);
  const observed = new Map<string, ObservedRead>();
  resolver.observe(observed);
  const absolute = (diagnostic: { file: string; message: string }): ResolverDiagnostic => ({ kind: 'tsconfig', file: path.resolve(config.root, diagnostic.file), message: diagnostic.message });
  return {
    valid,
    diagnostics: valid ? stored!.diagnostics.map(absolute) : undefined,
    finish(diagnostics) {
      resolver.observe(undefined);
      const deps: Record<string, string> = valid ? { ...stored!.deps } : {};
      for (const { path: file, kind } of observed.values()) {
        const key = dependencyKey(kind, relativePosix(config.root, file));
        if (!(key in deps)) deps[key] = signature(file, kind, config.root);
      }
      const sorted = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => compareText(a, b)));
      const kept = valid ? stored!.diagnostics : (diagnostics ?? []).map((diagnostic) => ({ file: relativePosix(config.root, diagnostic.file), message: diagnostic.message }));
      return { key, deps: sorted, diagnostics: kept };
    },
  };
}

export function storeTarget(target: ResolvedTarget, root: string): StoredTarget {
  return target.type === 'file' ? { type: 'file', path: relativePosix(root, target.path) } : target;
}

export function readTarget(target: StoredTarget, root: string): ResolvedTarget {
  return target.type === 'file' ? { type: 'file', path: path.resolve(root, target.path) } : target;
}

/** Emit options as three flags: verbatimModuleSyntax, emitDecoratorMetadata, strictNullChecks. */
export function storeEmit(emit: EmitOptions): string {
  return [emit.verbatimModuleSyntax, emit.emitDecoratorMetadata, emit.strictNullChecks].map((flag) => (flag ? '1' : '0')).join('');
}

export function readEmit(flags: string): EmitOptions {
  return { verbatimModuleSyntax: flags[0] === '1', emitDecoratorMetadata: flags[1] === '1', strictNullChecks: flags[2] === '1' };
}
