import fs from 'node:fs';
import path from 'node:path';
import { relativePosix } from './paths.js';
import type { GlobList, Layer } from './types.js';

/** Folder spellings for each layer, normalised (lower case, no `-`/`_`). */
const FOLDER_SPELLINGS: ReadonlyArray<{ layer: Layer; names: string[] }> = [
  { layer: 'domain', names: ['domain'] },
  { layer: 'service-layer', names: ['servicelayer', 'application', 'usecases', 'services'] },
  { layer: 'adapters', names: ['adapters', 'infrastructure', 'infra'] },
  { layer: 'entrypoints', names: ['entrypoints', 'api', 'http', 'controllers'] },
  { layer: 'shared', names: ['shared'] },
];
const BOOTSTRAP_FILES = ['bootstrap', 'compositionroot'];
const BOOTSTRAP_GUESSES = ['container', 'main'];
const SHARED_FILES = ['config', 'settings'];
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage', 'test', 'tests', '__tests__']);
const SOURCE_FILE = /\.(?:[cm]?ts|tsx)$/;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

export interface DetectedLayout {
  layers: GlobList<Layer>[];
  /** What was found, one line each, for `classify` and the error when nothing was found. */
  notes: string[];
}

function readEntries(directory: string): fs.Dirent[] {
  try {
    return fs.readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

function candidateDirectories(root: string): string[] {
  const found = [root];
  let frontier = [root];
  for (let depth = 0; depth < 3; depth++) {
    frontier = frontier.flatMap((directory) =>
      readEntries(directory)
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name))
        .map((entry) => path.join(directory, entry.name)),
    );
    found.push(...frontier);
  }
  return found;
}

function layoutOf(directory: string, root: string): DetectedLayout {
  const prefix = relativePosix(root, directory);
  const at = (name: string) => (prefix ? `${prefix}/${name}` : name);
  const layers: GlobList<Layer>[] = [];
  const notes: string[] = [];
  const taken = new Set<Layer>();
  const entries = readEntries(directory);
  for (const { layer, names } of FOLDER_SPELLINGS) {
    const entry = entries.find((candidate) => candidate.isDirectory() && names.includes(normalise(candidate.name)));
    if (!entry) continue;
    layers.push({ name: layer, globs: [`${at(entry.name)}/**`] });
    notes.push(`${layer}: folder ${at(entry.name)}/`);
    taken.add(layer);
  }
  const files = entries.filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name));
  const stem = (name: string) => normalise(name.replace(SOURCE_FILE, ''));
  const bootstrap =
    files.find((entry) => BOOTSTRAP_FILES.includes(stem(entry.name))) ??
    files.find((entry) => BOOTSTRAP_GUESSES.includes(stem(entry.name)));
  if (bootstrap) {
    const guess = BOOTSTRAP_GUESSES.includes(stem(bootstrap.name));
    layers.push({ name: 'bootstrap', globs: [at(bootstrap.name)] });
    notes.push(`bootstrap: file ${at(bootstrap.name)}${guess ? ' (a guess from its name: confirm it in a config file)' : ''}`);
  }
  const settings = files.filter((entry) => SHARED_FILES.includes(stem(entry.name)));
  if (settings.length > 0) {
    const shared = layers.find((list) => list.name === 'shared');
    const globs = settings.map((entry) => at(entry.name));
    if (shared) shared.globs.push(...globs);
    else layers.push({ name: 'shared', globs });
    notes.push(`shared: ${globs.join(', ')} (settings read from the environment)`);
  }
  return { layers, notes };
}

/**
 * Finds the folder under `root` (itself, or up to three levels down, e.g. `src/allocation/`)
 * whose children look most like the book's layers, and maps them. Needs a `domain` folder or
 * two recognised layers to count; returns no layers otherwise.
 */
export function detectLayout(root: string): DetectedLayout {
  let best: DetectedLayout = { layers: [], notes: [] };
  let bestScore = 0;
  for (const directory of candidateDirectories(root)) {
    const layout = layoutOf(directory, root);
    const folderLayers = layout.layers.filter((list) => list.name !== 'bootstrap' && list.name !== 'shared');
    const score = folderLayers.length + (folderLayers.some((list) => list.name === 'domain') ? 1 : 0);
    if (score > bestScore && (score >= 2)) [best, bestScore] = [layout, score];
  }
  return best;
}
