import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Classifier } from './classify.js';
import { leavesRoot, toPosix } from '../config/paths.js';

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
  // The real paths of the folders being walked: a symbolic link to one of them is a cycle, not entered.
  const walking = new Set<string>();
  const walk = (directory: string, gitignores: readonly GitIgnore[]): void => {
    let entries: fs.Dirent[];
    let real: string;
    try {
      real = fs.realpathSync(directory);
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: directory, message: (error as Error).message });
      return;
    }
    const own = readGitIgnore(directory);
    const active = own ? [...gitignores, own] : gitignores;
    walking.add(real);
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      let kind: 'file' | 'directory' | 'other' = entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        // Followed inside the project (classified where the link is), reported when it leaves it or leads nowhere.
        if (ALWAYS_SKIPPED.has(entry.name) || isIgnored(active, full, false)) continue;
        let real: string;
        try {
          real = fs.realpathSync(full);
          kind = fs.statSync(real).isDirectory() ? 'directory' : 'file';
        } catch (error) {
          if (SOURCE.test(entry.name))
            unreadable.push({ path: full, message: `is a symbolic link that leads nowhere (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); not checked` });
          continue;
        }
        if (kind === 'directory' && walking.has(real)) continue;
        const relative = classifier.classify(real).file;
        if (leavesRoot(relative)) {
          if (kind === 'directory' || SOURCE.test(entry.name))
            unreadable.push({ path: full, message: `is a symbolic link to ${real}, outside the project; its ${kind === 'directory' ? 'files are' : 'imports are'} not checked` });
          continue;
        }
      }
      if (kind === 'directory') {
        if (!ALWAYS_SKIPPED.has(entry.name) && !isIgnored(active, full, true)) walk(full, active);
      } else if (kind === 'file' && SOURCE.test(entry.name) && !isIgnored(active, full, false) && classifier.classify(full).included) {
        files.add(full);
      }
    }
    walking.delete(real);
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
