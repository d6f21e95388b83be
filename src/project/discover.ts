import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Classifier } from './classify.js';
import { toPosix } from '../config/paths.js';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

export interface Discovery {
  /** Absolute paths of the files to check (in `include`, not in `exclude`), sorted. */
  files: string[];
  /** Paths that could not be read, with the reason. */
  unreadable: Array<{ path: string; message: string }>;
}

interface GitIgnore {
  directory: string;
  rules: Ignore;
}

function readGitIgnore(directory: string): GitIgnore | undefined {
  try {
    return { directory, rules: ignore().add(fs.readFileSync(path.join(directory, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
}

function isIgnored(gitignores: readonly GitIgnore[], file: string, isDirectory: boolean): boolean {
  return gitignores.some(({ directory, rules }) => {
    const relative = toPosix(path.relative(directory, file));
    return relative !== '' && !relative.startsWith('..') && rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}

/**
 * What is at `target`: a file, a folder, or nothing. Decided by the file system, never by the name:
 * `my.app` and `api.v2` are folders when they are folders.
 */
export function pathKind(target: string): 'file' | 'directory' | undefined {
  try {
    return fs.statSync(target).isDirectory() ? 'directory' : 'file';
  } catch {
    return undefined;
  }
}

/**
 * Walks `roots` (files or folders) for source files the classifier includes, skipping
 * node_modules, .git and whatever the .gitignore files on the way ignore.
 */
export function discoverFiles(roots: readonly string[], classifier: Classifier): Discovery {
  const files = new Set<string>();
  const unreadable: Discovery['unreadable'] = [];
  const walk = (directory: string, gitignores: readonly GitIgnore[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: directory, message: (error as Error).message });
      return;
    }
    const own = readGitIgnore(directory);
    const active = own ? [...gitignores, own] : gitignores;
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name) && !isIgnored(active, full, true)) walk(full, active);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !isIgnored(active, full, false) && classifier.classify(full).included) {
        files.add(full);
      }
    }
  };
  for (const root of roots) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(root);
    } catch (error) {
      unreadable.push({ path: root, message: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message });
      continue;
    }
    if (stat.isDirectory()) walk(path.resolve(root), []);
    else if (classifier.classify(path.resolve(root)).included) files.add(path.resolve(root));
  }
  return { files: [...files].sort(), unreadable };
}
