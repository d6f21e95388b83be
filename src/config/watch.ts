import fs from 'node:fs';
import path from 'node:path';

/**
 * What a cached answer was computed from, so a long-lived process (an editor's ESLint server) can
 * tell when the answer is stale without rereading anything.
 *
 * Every read of the file system that an answer depends on is recorded while the answer is computed:
 * the listing of a folder (a file or folder appearing, disappearing or being replaced in it changes
 * the folder's own stat) or the content of a file (its stat). A memo created with `watch` keeps that
 * record with each answer and, the first time the answer is reused in a later lint, compares it with
 * the file system's stat, one `stat` per distinct path per lint. An answer whose record no longer
 * holds is computed again, so the next lint after a change answers as a fresh process would, and a
 * lint after no change costs a few `stat` calls.
 *
 * A one-shot process (the audit, the CLI) creates its memos without `watch`: nothing is recorded and
 * nothing is checked.
 */

/** Recorded dependencies: each path (a folder for its listing, a file for its content) and the stat it had. */
export type Dependencies = Map<string, string>;

const open: Dependencies[] = [];
let lint = 0;
const statsThisLint = new Map<string, string>();

/** Starts a new lint: from now on each dependency is checked against the file system once more. */
export function beginLint(): void {
  lint += 1;
  statsThisLint.clear();
}

function statSignature(file: string): string {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return '-';
    return `${stat.ino}:${stat.mode}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}`;
  } catch (error) {
    return `!${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

/** The stat of a path as it is now (once per lint). */
function current(file: string): string {
  let signature = statsThisLint.get(file);
  if (signature === undefined) statsThisLint.set(file, (signature = statSignature(file)));
  return signature;
}

const NODE_MODULES = `${path.sep}node_modules${path.sep}`;

/**
 * What stands for a path inside an installed package: the listing of its `node_modules` folder (or
 * of its `@scope` folder), which changes when the package is installed, upgraded or removed, since
 * package managers replace a package's folder whole. One `stat` per lint instead of one per file
 * read in the package.
 */
function standIn(file: string): string {
  const at = file.lastIndexOf(NODE_MODULES);
  if (at < 0) return file;
  const modules = file.slice(0, at + NODE_MODULES.length - 1);
  const rest = file.slice(at + NODE_MODULES.length);
  const slash = rest.indexOf(path.sep);
  if (slash < 0) return modules;
  return rest.startsWith('@') ? path.join(modules, rest.slice(0, slash)) : modules;
}

function record(file: string): void {
  const frame = open.at(-1)!;
  const key = standIn(file);
  if (!frame.has(key)) frame.set(key, current(key));
}

/** What a path read tells: whether it exists (and as what), what a file holds, or which entries a folder holds. */
export type ReadKind = 'exists' | 'real' | 'content' | 'listing';

/** A path read, and what was asked of it. */
export interface ObservedRead {
  path: string;
  kind: ReadKind;
}

/** Where every path read is also noted (by kind and path), whatever memo is computing (`observing`). */
let observed: Map<string, ObservedRead> | undefined;

/**
 * Runs `compute` noting in `into` every path it reads and what it asked of it. Inside an installed
 * package, the path noted is its `node_modules` folder, for its listing (package managers replace a
 * package's folder whole). A one-shot run records this way what all of its resolutions together
 * were read from (`audit --cache`): an answer a memo gave twice was computed once, in this run, so
 * the union is complete.
 */
export function observing<T>(into: Map<string, ObservedRead> | undefined, compute: () => T): T {
  if (!into) return compute();
  const outer = observed;
  observed = into;
  try {
    return compute();
  } finally {
    observed = outer;
  }
}

function note(file: string, kind: ReadKind): void {
  if (!observed) return;
  const key = standIn(file);
  const noted = key === file ? kind : 'listing';
  observed.set(`${noted}:${key}`, { path: key, kind: noted });
}

/** The answer being computed depends on which entries `directory` holds (whether a file in it exists). */
export function dependOnListing(directory: string): void {
  note(directory, 'listing');
  if (open.length > 0) record(directory);
}

/**
 * The answer being computed depends on whether `file` exists (as a file or a folder), or with
 * `real`, on where it really is (the links on its way resolved). A watching memo records its
 * folder's listing (one stat tells); an observation notes the path itself, so that an unrelated
 * file appearing beside it (in the home folder, say) changes nothing.
 */
export function dependOnEntry(file: string, what: 'exists' | 'real' = 'exists'): void {
  note(file, what);
  if (open.length > 0) record(path.dirname(file));
}

/** The answer being computed depends on what `file` holds. */
export function dependOnContent(file: string): void {
  note(file, 'content');
  if (open.length > 0) record(file);
}

function stillHolds(dependencies: Dependencies): boolean {
  for (const [key, signature] of dependencies) if (current(key) !== signature) return false;
  return true;
}

/** An answer used inside another's computation: the outer answer depends on what the inner one did. */
function inherit(dependencies: Dependencies): void {
  const frame = open.at(-1);
  if (!frame) return;
  for (const [key, signature] of dependencies) if (!frame.has(key)) frame.set(key, signature);
}

interface Entry<V> {
  value: V;
  dependencies: Dependencies | undefined;
  /** The lint in which the dependencies were last found to hold. */
  checked: number;
}

interface Store<K, V> {
  get(key: K): Entry<V> | undefined;
  set(key: K, entry: Entry<V>): unknown;
}

export interface Memo<K, V> {
  /** The cached answer for `key`, or `compute()`'s, cached; with `watch`, computed again once what it read has changed. */
  get(key: K, compute: () => V): V;
}

/** A cache of answers; with `watch`, each answer is kept with the file-system reads it came from. */
export function createMemo<K, V>(watch: boolean, store: Store<K, V> = new Map<K, Entry<V>>()): Memo<K, V> {
  if (!watch) {
    return {
      get(key, compute) {
        let entry = store.get(key);
        if (!entry) store.set(key, (entry = { value: compute(), dependencies: undefined, checked: 0 }));
        return entry.value;
      },
    };
  }
  return {
    get(key, compute) {
      const entry = store.get(key);
      if (entry && (entry.checked === lint || stillHolds(entry.dependencies!))) {
        entry.checked = lint;
        inherit(entry.dependencies!);
        return entry.value;
      }
      const dependencies: Dependencies = new Map();
      open.push(dependencies);
      let value: V;
      try {
        value = compute();
      } finally {
        open.pop();
      }
      store.set(key, { value, dependencies, checked: lint });
      inherit(dependencies);
      return value;
    },
  };
}
