import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { compareText } from './order.js';
import { relativePosix } from './paths.js';
import { dependOnContent, dependOnListing } from './watch.js';

/** The packages of an npm, yarn or pnpm workspace: each name, and the folder that holds it. */
export interface Workspace {
  root: string;
  packages: ReadonlyMap<string, string>;
}

function readJson(file: string): unknown {
  dependOnContent(file);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** `packages:` of a pnpm-workspace.yaml: the list items under it, quoted or not (the file is that simple; no YAML parser needed). */
function pnpmPatterns(file: string): string[] {
  dependOnContent(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) inPackages = true;
    else if (/^\S/.test(line)) inPackages = false;
    else if (inPackages) {
      const item = /^\s*-\s*(['"]?)([^'"#]+?)\1\s*(?:#.*)?$/.exec(line);
      if (item) patterns.push(item[2]!);
    }
  }
  return patterns;
}

/** The workspace patterns a folder declares (package.json `workspaces`, as a list or `{ packages }`, or pnpm-workspace.yaml), or undefined. */
function patternsIn(directory: string): string[] | undefined {
  dependOnListing(directory);
  if (fs.existsSync(path.join(directory, 'pnpm-workspace.yaml'))) return pnpmPatterns(path.join(directory, 'pnpm-workspace.yaml'));
  const manifest = path.join(directory, 'package.json');
  if (!fs.existsSync(manifest)) return undefined;
  const workspaces = (readJson(manifest) as { workspaces?: unknown } | undefined)?.workspaces;
  const list = Array.isArray(workspaces) ? workspaces : Array.isArray((workspaces as { packages?: unknown } | undefined)?.packages) ? (workspaces as { packages: unknown[] }).packages : undefined;
  return list?.filter((entry): entry is string => typeof entry === 'string');
}

/** Folders under `root` matching the patterns (`packages/*`, `apps/**`, a plain folder), `!` patterns taken out; never inside node_modules. */
function expand(root: string, patterns: readonly string[]): string[] {
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => pattern.replace(/^\.\//, '').replace(/\/+$/, ''));
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1).replace(/^\.\//, '').replace(/\/+$/, ''));
  const matches = picomatch(include);
  const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
  const deepest = Math.max(...include.map((pattern) => (pattern.includes('**') ? 6 : pattern.split('/').length)));
  const found: string[] = [];
  const walk = (directory: string, relative: string, depth: number): void => {
    if (depth > deepest) return;
    dependOnListing(directory);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (matches(child) && !excluded(child)) found.push(path.join(directory, entry.name));
      walk(path.join(directory, entry.name), child, depth + 1);
    }
  };
  walk(root, '', 1);
  return found.sort(compareText);
}

/** The first file an `exports` entry names, whatever the conditions (`import`, `types`, `default`, nested). */
function firstTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(firstTarget).find((target) => target !== undefined);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of ['types', 'import', 'default', 'require', 'node']) {
      const target = firstTarget(record[key]);
      if (target) return target;
    }
    return Object.values(record)
      .map(firstTarget)
      .find((target) => target !== undefined);
  }
  return undefined;
}

/**
 * A workspace package's entry points that are sources in the repository (its package.json
 * `exports["."]`, `types` or `main` when they name a TypeScript file): what the package publishes
 * to the others. Built output (`dist/index.js`) is no source, and is left out.
 */
export function packageEntries(folder: string): string[] {
  const manifest = readJson(path.join(folder, 'package.json')) as { exports?: unknown; types?: unknown; typings?: unknown; main?: unknown } | undefined;
  if (!manifest) return [];
  const exported = manifest.exports;
  const main =
    typeof exported === 'string' || Array.isArray(exported) || (exported && typeof exported === 'object' && !Object.keys(exported).some((key) => key.startsWith('.')))
      ? firstTarget(exported)
      : firstTarget((exported as Record<string, unknown> | undefined)?.['.']);
  const candidates = [main, manifest.types, manifest.typings, manifest.main].filter((entry): entry is string => typeof entry === 'string');
  return [...new Set(candidates.filter((entry) => /\.(?:[cm]?ts|tsx)$/.test(entry) && !/\.d\.[cm]?ts$/.test(entry)).map((entry) => path.join(folder, entry)))];
}

/** The workspace package holding `file` (absolute), or undefined; its own folder counts. */
export function packageFolderOf(workspace: Workspace | undefined, file: string): string | undefined {
  if (!workspace) return undefined;
  for (const folder of workspace.packages.values()) if (file === folder || file.startsWith(folder + path.sep)) return folder;
  return undefined;
}

/** The entry points (relative to `root`, POSIX) of those of a context's folders that are workspace packages: what they publish as packages. */
export function contextEntries(workspace: Workspace | undefined, root: string, folders: readonly string[]): string[] {
  return folders.flatMap((folder) => {
    const absolute = path.resolve(root, folder);
    return packageFolderOf(workspace, absolute) === absolute ? packageEntries(absolute).map((entry) => relativePosix(root, entry)) : [];
  });
}

/**
 * The workspace `directory` is in: the nearest folder at or above it that declares workspaces, with
 * each package's name (from its package.json) and folder. Undefined outside a workspace.
 */
export function findWorkspace(directory: string): Workspace | undefined {
  for (let at = path.resolve(directory); ; at = path.dirname(at)) {
    const patterns = patternsIn(at);
    if (patterns) {
      const packages = new Map<string, string>();
      for (const folder of expand(at, patterns)) {
        const name = (readJson(path.join(folder, 'package.json')) as { name?: unknown } | undefined)?.name;
        if (typeof name === 'string' && name.length > 0 && !packages.has(name)) packages.set(name, folder);
      }
      return { root: at, packages };
    }
    if (path.dirname(at) === at) return undefined;
  }
}
