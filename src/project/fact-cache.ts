import { createHash } from 'node:crypto';
import { compareText } from '../config/order.js';
import type { ImportRecord } from './imports.js';
import type { FactName } from './model.js';
import type { ExportMapData } from './exports.js';
import type { StoredResolution, StoredTarget } from './resolution-cache.js';

/**
 * What the audit keeps of one file between runs, keyed by its path relative to the config root and
 * valid while its content hashes the same: its import records and export map (what other files'
 * verdicts ask of it), the facts the checks took, or the reason it could not be parsed. Resolution,
 * classification, verdicts and the graph checks are never cached: they depend on other files,
 * tsconfig and the config, and are computed again on every run.
 */
export interface CachedFile {
  hash: string;
  problem?: { line?: number; message: string };
  records?: ImportRecord[];
  exports?: ExportMapData;
  facts?: Partial<Record<FactName, unknown>>;
  /** Its records' targets, in order, and its emit options: valid while the cache's resolution holds. */
  targets?: StoredTarget[];
  emit?: string;
}

export interface FactCache {
  lookup(file: string, hash: string): CachedFile | undefined;
  store(file: string, entry: CachedFile): void;
  /** The cache to write back: the files of this run only, so deleted and renamed files leave it. */
  serialize(): string;
  /** Whether the cache to write back differs from the one read: an entry stored, a file gone, or no cache read. */
  readonly changed: boolean;
  /** What resolution read in the run that wrote the cache (its answers are in the entries). */
  readonly resolution: StoredResolution | undefined;
  /** What resolution read in this run, to write back. */
  keepResolution(resolution: StoredResolution): void;
  readonly hits: number;
  readonly misses: number;
}

/** What makes a cache readable: the same format, tool version and parser (TypeScript) version. */
export interface CacheVersion {
  tool: string;
  typescript: string;
}

/** Raised whenever what a file's facts hold changes (shape, or what an extractor reads), so a cache from a build of the same version that took other facts is not trusted. */
const FORMAT = 4;
/** How every cache this tool writes starts: a file that does not is someone else's. */
export const CACHE_PREFIX = '{"format":';

export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The caches written by the shards of one audit (`audit --shard k/n`), as one read-only cache for
 * `merge`. Unlike a cache, a part that is not one, or comes from another version, is an error: a
 * merged report must not silently rest on a shard it could not read.
 */
export function mergeParts(parts: ReadonlyArray<{ file: string; text: string }>, version: CacheVersion): { cache: FactCache; problems: string[] } {
  const files: Record<string, CachedFile> = {};
  const problems: string[] = [];
  for (const part of parts) {
    const read = readCache(part.text, version);
    if ('problem' in read) problems.push(`${part.file}: ${read.problem}`);
    else for (const [file, entry] of read.entries) files[file] = entry;
  }
  return { cache: cacheOf(new Map(Object.entries(files)), version, false), problems };
}

/** A cache's entries, or why it cannot be trusted. */
function readCache(text: string, version: CacheVersion): { entries: Map<string, CachedFile>; resolution?: StoredResolution } | { problem: string; outdated: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed) || parsed['format'] !== FORMAT || !isRecord(parsed['files'])) return { problem: 'the cache file is not one this tool wrote (corrupt or truncated)', outdated: false };
  if (parsed['tool'] !== version.tool || parsed['typescript'] !== version.typescript)
    return {
      problem: `the cache was written by cosmic-lint ${String(parsed['tool'])} with TypeScript ${String(parsed['typescript'])}; this is ${version.tool} with ${version.typescript}`,
      outdated: true,
    };
  const resolution = parsed['resolution'];
  const stored =
    isRecord(resolution) && typeof resolution['key'] === 'string' && isRecord(resolution['deps']) && Array.isArray(resolution['diagnostics']) ? (resolution as unknown as StoredResolution) : undefined;
  return {
    entries: new Map(Object.entries(parsed['files']).filter((entry): entry is [string, CachedFile] => isRecord(entry[1]) && typeof entry[1]['hash'] === 'string')),
    ...(stored ? { resolution: stored } : {}),
  };
}

/**
 * A cache read from `previous` (the file's text; undefined when there is none). A cache that does
 * not parse, has another format, or was written by another version of the tool or of TypeScript
 * is not trusted: the run starts empty and `warning` says why, once.
 */
export function createFactCache(previous: string | undefined, version: CacheVersion): { cache: FactCache; warning: string | undefined } {
  const read = previous === undefined ? { entries: new Map<string, CachedFile>() } : readCache(previous, version);
  if ('problem' in read) {
    return { cache: cacheOf(new Map(), version, true), warning: `${read.problem}${read.outdated ? ': it is rebuilt' : '; it is ignored and rebuilt'}` };
  }
  return { cache: cacheOf(read.entries, version, previous === undefined, read.resolution), warning: undefined };
}

/** A cache answering from `entries`, keeping the entries this run used or stored; `fresh`: there was none to read (it is to be written whatever happens). */
function cacheOf(entries: ReadonlyMap<string, CachedFile>, version: CacheVersion, fresh: boolean, resolution?: StoredResolution): FactCache {
  const used = new Map<string, CachedFile>();
  let hits = 0;
  let misses = 0;
  let stored = fresh;
  let kept = resolution;
  const cache: FactCache = {
    lookup(file, hash) {
      const entry = entries.get(file);
      if (entry && entry.hash === hash) {
        hits++;
        used.set(file, entry);
        return entry;
      }
      misses++;
      return undefined;
    },
    store(file, entry) {
      stored = true;
      used.set(file, entry);
    },
    resolution,
    keepResolution(next) {
      if (JSON.stringify(next) !== JSON.stringify(kept)) stored = true;
      kept = next;
    },
    serialize: () =>
      `${JSON.stringify({
        format: FORMAT,
        tool: version.tool,
        typescript: version.typescript,
        ...(kept ? { resolution: kept } : {}),
        files: Object.fromEntries([...used].sort(([a], [b]) => compareText(a, b))),
      })}\n`,
    get changed() {
      return stored || used.size !== entries.size;
    },
    get hits() {
      return hits;
    },
    get misses() {
      return misses;
    },
  };
  return cache;
}
