import fs from 'node:fs';
import path from 'node:path';
import { relativePosix } from './paths.js';
import { LAYERS, type BoundedContext, type GlobList, type Layer } from './types.js';
import { compareText } from './order.js';
import { dependOnListing } from './watch.js';
import { contextEntries, findWorkspace, packageFolderOf, type Workspace } from './workspaces.js';

type FolderLayer = Exclude<Layer, 'bootstrap' | 'shared'>;

/** Folder spellings for each layer, normalised (lower case, no `-`/`_`): the book's and clean architecture's. */
const FOLDER_SPELLINGS: ReadonlyArray<{ layer: FolderLayer; names: readonly string[] }> = [
  { layer: 'domain', names: ['domain'] },
  // Not `services`: in NestJS and most Node code it holds anything, adapters included.
  { layer: 'service-layer', names: ['servicelayer', 'application', 'usecases'] },
  { layer: 'adapters', names: ['adapters', 'infrastructure', 'infra', 'persistence'] },
  { layer: 'entrypoints', names: ['entrypoints', 'presentation', 'interface', 'interfaces', 'api', 'controllers', 'http'] },
];
const SHARED_FOLDER = 'shared';
/** The composition root by name; a NestJS (or Angular) module (`user.module.ts`, `UserModule.ts`) registers providers, so it composes too. */
const BOOTSTRAP_FILES = ['bootstrap', 'compositionroot'];
const NEST_MODULE = /(?:\.module|[a-z0-9]Module)\.(?:[cm]?ts|tsx)$/;
/** Often the composition root, often not (a CLI, a server's start-up): named as a guess. */
const BOOTSTRAP_GUESSES = ['main', 'container'];
const SHARED_FILES = ['config', 'settings'];
/** The read side (ch. 12): the book keeps `views` beside the layer folders; it reads through the unit of work, as the service layer does. */
const VIEW_FILES = ['views'];
/** Never a module: build output, dependencies, and tests (excluded from checking by default too). */
const SKIPPED = new Set(['node_modules', 'dist', 'build', 'coverage', 'test', 'tests', '__tests__', '__mocks__']);
const SOURCE_FILE = /\.(?:[cm]?ts|tsx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
/** Deep enough for `src/Contexts/<context>/<module>/` inside an `apps/<app>/` monorepo; bounded so a stray tree stays cheap. */
const MAX_DEPTH = 8;
/** How many names a summary line shows before "and N more". */
const SHOWN = 6;

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '');
}

function stem(name: string): string {
  return normalise(name.replace(SOURCE_FILE, ''));
}

export interface DetectedLayout {
  layers: GlobList<Layer>[];
  /** Bounded contexts, when the modules make two or more (see `contextsOf`). */
  contexts: BoundedContext[];
  /** The line saying which contexts were found (in `notes` too, before what was left in no layer); undefined when none. */
  contextNote?: string | undefined;
  /**
   * What was found, one line each, for `classify` and the audit: first a summary (`3 modules (a,
   * b, c)`), then a line per layer, then what inside a module was left in no layer.
   */
  notes: string[];
}

function readEntries(directory: string): fs.Dirent[] {
  dependOnListing(directory);
  try {
    return fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
  } catch {
    return [];
  }
}

const layerOfFolder = (name: string): FolderLayer | undefined => FOLDER_SPELLINGS.find(({ names }) => names.includes(normalise(name)))?.layer;
const isSharedFolder = (name: string): boolean => normalise(name) === SHARED_FOLDER;
const isWalkable = (entry: fs.Dirent): boolean => entry.isDirectory() && !entry.name.startsWith('.') && !SKIPPED.has(entry.name);

interface Module {
  directory: string;
  /** Its layer folders, by layer. */
  folders: Array<{ layer: FolderLayer; directory: string }>;
}

/**
 * A folder is a module when it holds two layer folders (`domain` + `application`, `application` +
 * `infrastructure`, …), or a `domain` and a `shared` folder: one layer folder alone is too weak a
 * sign (`types/domain/`, `apps/api/`).
 */
function moduleOf(directory: string, entries: readonly fs.Dirent[]): Module | undefined {
  const folders = entries.filter(isWalkable).flatMap((entry) => {
    const layer = layerOfFolder(entry.name);
    return layer ? [{ layer, directory: path.join(directory, entry.name) }] : [];
  });
  const layers = new Set(folders.map((folder) => folder.layer));
  const withShared = layers.has('domain') && entries.some((entry) => isWalkable(entry) && isSharedFolder(entry.name));
  return layers.size >= 2 || withShared ? { directory, folders } : undefined;
}

/** A `shared` folder that is itself a module (a shared kernel: `Shared/{domain,infrastructure}`) is a module, not the shared layer. */
function isSharedKernel(directory: string): boolean {
  return moduleOf(directory, readEntries(directory)) !== undefined;
}

function loneDomainModule(directory: string, entries: readonly fs.Dirent[]): Module {
  const domain = entries.find((entry) => isWalkable(entry) && layerOfFolder(entry.name) === 'domain')!;
  return { directory, folders: [{ layer: 'domain', directory: path.join(directory, domain.name) }] };
}

interface Walk {
  modules: Module[];
  /** Folders holding a `domain` folder and no other layer: a module only when nothing else is found. */
  loneDomains: Array<{ directory: string; depth: number }>;
  /** `shared` folders (not shared kernels), by the folder holding them. */
  sharedFolders: Array<{ parent: string; directory: string }>;
  /** Every folder walked, with its entries, for the files next to modules and their ancestors. */
  visited: Map<string, readonly fs.Dirent[]>;
}

/** Depth-first, sorted: every module at any depth. A module's layer folders are not entered (their files are that layer's), its other folders are. */
function walk(directory: string, depth: number, found: Walk): void {
  const entries = readEntries(directory);
  found.visited.set(directory, entries);
  const module = moduleOf(directory, entries);
  if (module) found.modules.push(module);
  else if (entries.some((entry) => isWalkable(entry) && layerOfFolder(entry.name) === 'domain')) found.loneDomains.push({ directory, depth });
  if (depth >= MAX_DEPTH) return;
  for (const entry of entries.filter(isWalkable)) {
    const child = path.join(directory, entry.name);
    if (module && layerOfFolder(entry.name)) continue;
    if (isSharedFolder(entry.name) && !isSharedKernel(child)) {
      found.sharedFolders.push({ parent: directory, directory: child });
      continue;
    }
    walk(child, depth + 1, found);
  }
}

function listed(names: readonly string[]): string {
  return names.length > SHOWN ? `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more` : names.join(', ');
}

/**
 * Finds every module under `root`, at any depth: the book's `src/allocation/{domain,service_layer,
 * adapters,entrypoints}`, vertical slices `src/modules/<name>/{domain,application,infrastructure}`,
 * bounded contexts `src/Contexts/<context>/<module>/{domain,application,infrastructure}`. Each
 * module's layer folders get a glob of their own, so no file is in two layers; bootstrap and
 * settings files are taken from the modules' folders and the folders above them. Returns no
 * layers when nothing looks like a module.
 */
export function detectLayout(root: string, workspace: Workspace | undefined = findWorkspace(root)): DetectedLayout {
  const found: Walk = { modules: [], loneDomains: [], sharedFolders: [], visited: new Map() };
  walk(root, 0, found);
  // The book's first chapters have a domain and nothing else yet: with no module anywhere, the
  // shallowest folder holding a lone `domain` folder is one.
  const lone = found.modules.length === 0 ? [...found.loneDomains].sort((a, b) => a.depth - b.depth || compareText(a.directory, b.directory))[0] : undefined;
  const modules = lone ? [loneDomainModule(lone.directory, found.visited.get(lone.directory)!)] : [...found.modules];
  if (modules.length === 0) return { layers: [], contexts: [], notes: [] };
  modules.sort((a, b) => compareText(a.directory, b.directory));

  const relative = (target: string): string => relativePosix(root, target);
  // Folders that hold a module, at any distance (`src/` for `src/modules/user`): their own files may be bootstrap or settings.
  const holders = new Set<string>();
  for (const module of modules) {
    for (let at = module.directory; ; at = path.dirname(at)) {
      holders.add(at);
      if (at === root || path.dirname(at) === at) break;
    }
  }

  const globs = new Map<Layer, string[]>(LAYERS.map((layer) => [layer, []]));
  const folderNotes = new Map<Layer, string[]>(LAYERS.map((layer) => [layer, []]));
  for (const module of modules) {
    for (const folder of module.folders) {
      globs.get(folder.layer)!.push(`${relative(folder.directory)}/**`);
      folderNotes.get(folder.layer)!.push(`${relative(folder.directory)}/`);
    }
  }
  for (const shared of found.sharedFolders.filter((candidate) => holders.has(candidate.parent))) {
    globs.get('shared')!.push(`${relative(shared.directory)}/**`);
    folderNotes.get('shared')!.push(`${relative(shared.directory)}/`);
  }

  const bootstrapNotes: string[] = [];
  const settingsFiles: string[] = [];
  const viewFiles: string[] = [];
  for (const directory of [...holders].sort()) {
    for (const entry of found.visited.get(directory) ?? readEntries(directory)) {
      if (!entry.isFile() || !SOURCE_FILE.test(entry.name) || DECLARATION.test(entry.name)) continue;
      const file = relative(path.join(directory, entry.name));
      if (BOOTSTRAP_FILES.includes(stem(entry.name)) || NEST_MODULE.test(entry.name)) {
        globs.get('bootstrap')!.push(file);
        bootstrapNotes.push(NEST_MODULE.test(entry.name) ? `${file} (a NestJS module: it wires providers and controllers)` : file);
      } else if (BOOTSTRAP_GUESSES.includes(stem(entry.name))) {
        globs.get('bootstrap')!.push(file);
        bootstrapNotes.push(`${file} (a guess from its name: confirm it in a config file)`);
      } else if (VIEW_FILES.includes(stem(entry.name)) && modules.some((module) => module.directory === directory)) {
        globs.get('service-layer')!.push(file);
        viewFiles.push(file);
      } else if (SHARED_FILES.includes(stem(entry.name))) {
        globs.get('shared')!.push(file);
        settingsFiles.push(file);
      }
    }
  }

  // What sits in a module's own folder and matched nothing: its files will be in no layer.
  const assigned = new Set([...globs.values()].flat());
  const unrecognised = modules.flatMap((module) =>
    (found.visited.get(module.directory) ?? []).flatMap((entry) => {
      const target = path.join(module.directory, entry.name);
      if (entry.isDirectory()) {
        const isLayer = module.folders.some((folder) => folder.directory === target) || found.sharedFolders.some((shared) => shared.directory === target);
        return isWalkable(entry) && !isLayer && !holders.has(target) ? [`${relative(target)}/`] : [];
      }
      return entry.isFile() && SOURCE_FILE.test(entry.name) && !DECLARATION.test(entry.name) && !assigned.has(relative(target)) && !/\.(?:test|spec)\./.test(entry.name) ? [relative(target)] : [];
    }),
  );

  const names = modules.map((module) => relative(module.directory) || '.');
  const notes = [`${modules.length} ${modules.length === 1 ? 'module' : 'modules'} (${listed(names)})${lone ? ": a domain folder alone, as in the book's first chapters" : ''}`];
  for (const layer of LAYERS) {
    const folders = folderNotes.get(layer)!;
    const parts: string[] = [];
    if (folders.length > 0) parts.push(`${folders.length === 1 ? 'folder' : 'folders'} ${folders.join(', ')}`);
    if (layer === 'bootstrap' && bootstrapNotes.length > 0) parts.push(`${bootstrapNotes.length === 1 ? 'file' : 'files'} ${bootstrapNotes.join(', ')}`);
    if (layer === 'service-layer' && viewFiles.length > 0) parts.push(`${viewFiles.length === 1 ? 'file' : 'files'} ${viewFiles.join(', ')} (the read side: views)`);
    if (layer === 'shared' && settingsFiles.length > 0) parts.push(`${settingsFiles.length === 1 ? 'file' : 'files'} ${settingsFiles.join(', ')} (settings read from the environment)`);
    if (parts.length > 0) notes.push(`${layer}: ${parts.join('; ')}`);
  }
  const contexts = contextsOf(root, modules, workspace);
  let contextNote: string | undefined;
  if (contexts.length > 0) {
    const described = contexts.map((context) => `${context.name}${context.sharedKernel ? ' (shared kernel)' : ''}: ${context.roots.map((folder) => `${folder}/`).join(', ')}`);
    contextNote = `contexts: ${listed(described)} (each publishes its commands and events; name them under "contexts" in a config file to change that)`;
    notes.push(contextNote);
  }
  if (unrecognised.length > 0) notes.push(`in no layer: ${listed(unrecognised)} (name them under "layers" in a config file)`);
  return { layers: LAYERS.filter((layer) => globs.get(layer)!.length > 0).map((layer) => ({ name: layer, globs: globs.get(layer)! })), contexts, contextNote, notes };
}

/** Folders that hold one folder per bounded context: `src/Contexts/<context>/<module>/`, `bounded-contexts/<context>/…`. */
const CONTEXT_HOLDERS = ['contexts', 'boundedcontexts'];
/** A context by one of these names is a shared kernel: `Shared/{domain,infrastructure}`, `shared-kernel/`, a `libs/` of building blocks every module uses. */
const SHARED_KERNELS = ['shared', 'sharedkernel', 'kernel', 'common', 'lib', 'libs'];

/**
 * The bounded contexts the modules make: a module under a `contexts` (or `bounded-contexts`) folder
 * belongs to the context folder it sits in (`src/Contexts/Mooc/Courses` is context Mooc), any other
 * module is a context of its own; folders of one name are one context (`src/lib/bounded-contexts/iam`
 * and `src/bounded-contexts/iam`). Fewer than two contexts make none: one context has no boundary.
 */
function contextsOf(root: string, modules: readonly Module[], workspace: Workspace | undefined): BoundedContext[] {
  const byName = new Map<string, Set<string>>();
  for (const module of modules) {
    const parts = relativePosix(root, module.directory).split('/');
    const holder = parts.findIndex((part, index) => index < parts.length - 1 && CONTEXT_HOLDERS.includes(normalise(part)));
    // In a workspace, a package holding modules is one context (`packages/orders/src/{domain,…}` is orders).
    const inPackage = packageFolderOf(workspace, module.directory);
    let folder = inPackage ? relativePosix(root, inPackage) : holder >= 0 ? parts.slice(0, holder + 2).join('/') : parts.join('/');
    // A module folder named for what it is (`src`, `lib`) says nothing of its context: its parent does.
    while (GENERIC_FOLDERS.includes(normalise(folder.split('/').at(-1) ?? '')) && folder.includes('/')) folder = folder.slice(0, folder.lastIndexOf('/'));
    if (folder === '' || folder.startsWith('..')) return [];
    const name = folder.split('/').at(-1)!;
    byName.set(name, (byName.get(name) ?? new Set()).add(folder));
  }
  if (byName.size < 2) return [];
  return [...byName.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, folders]) => {
      const roots = [...folders].sort(compareText);
      const entries = contextEntries(workspace, root, roots);
      return { name, roots, publishes: undefined, ...(entries.length > 0 ? { entries } : {}), sharedKernel: SHARED_KERNELS.includes(normalise(name)) };
    });
}

/** Folder names that say what a folder holds, not which context it is. */
const GENERIC_FOLDERS = ['src', 'source', 'lib', 'app'];
