import path from 'node:path';
import picomatch from 'picomatch';
import { CosmicError } from '../config/errors.js';
import { isBookLayer, type GlobList, type LayerName, type ResolvedConfig, type Role, type RoleKey } from '../config/types.js';
import { leavesRoot, toPosix } from '../config/paths.js';
import { globComplexityProblem } from '../config/validate.js';
import { conventionalRole } from './roles.js';
import { compareText } from '../config/order.js';
import { contextOfFile } from '../config/contexts.js';

export interface Classification {
  /** POSIX path relative to the config root. */
  file: string;
  /** Inside `include` and outside `exclude`: the file is checked. */
  included: boolean;
  layer: LayerName | undefined;
  /** The glob that put the file in its layer. */
  layerGlob: string | undefined;
  role: Role | undefined;
  /** Why the file has its role (the glob, or the conventional name and word), or why it has none when a `roles.none` glob says so. */
  roleReason: string | undefined;
  /** What gave the role: a roles glob, the file's own name, or only a folder it sits in (`handlers/util.ts`). */
  roleFrom?: 'glob' | 'file-name' | 'folder' | undefined;
  /** What was considered and not applied: a `!` glob that took the file out of a role, a convention that does not hold here. */
  roleNotes: string[];
  /** The bounded context holding the file, when the config has contexts. */
  context?: string | undefined;
  /** Whether its context publishes it (its published language, or a shared kernel's file): other contexts may import it. */
  published?: boolean | undefined;
}

export interface Classifier {
  classify(absolutePath: string): Classification;
  /**
   * With `deferConflicts`: every pair of globs found to claim one file so far, one line each (the
   * first file, and how many more), for a run that reports them all at once.
   */
  conflicts(): string[];
  /** The layer and role globs no file classified so far has matched (`layers.adapters glob "src/adaptors/**"`), in config order. */
  unmatchedGlobs(): string[];
}

type Matcher = (file: string) => boolean;

/**
 * Compiles one glob, refusing one whose regular expression could backtrack for minutes. Validation
 * already refuses them in a config; this holds for a config built by hand through the API too.
 */
function matcher(glob: string | string[], where: string, source: string): Matcher {
  for (const one of Array.isArray(glob) ? glob : [glob]) {
    const problem = globComplexityProblem(one);
    if (problem) throw new CosmicError('config', `invalid configuration: ${where}: ${problem}`, source);
  }
  const matches = picomatch(glob, { dot: true });
  // picomatch's `*` is a regex `.`, which stops at a line break: a file named `a\nb.ts` would fall in
  // no layer and pass unchecked. Line breaks are matched as any other character of a name.
  return (file) => matches(LINE_BREAK.test(file) ? file.replace(LINE_BREAKS, '\u001f') : file);
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
const LINE_BREAKS = /[\n\r\u2028\u2029]/g;

function compile<K extends string>(lists: GlobList<K>[], source: string): Array<{ name: K; glob: string; matches: Matcher }> {
  return lists.flatMap(({ name, globs }) => globs.map((glob) => ({ name, glob, matches: matcher(glob, `layers.${name}`, source) })));
}

function anyOf(globs: string[], where: string, source: string): Matcher {
  return globs.length === 0 ? () => false : matcher(globs, where, source);
}

interface RoleGlobs {
  name: RoleKey;
  take: Array<{ glob: string; matches: Matcher }>;
  /** `!` globs: files they match are taken out of this list's other globs. */
  leave: Array<{ glob: string; matches: Matcher }>;
}

function compileRoles(lists: GlobList<RoleKey>[], source: string): RoleGlobs[] {
  return lists.map(({ name, globs }) => ({
    name,
    take: globs.filter((glob) => !glob.startsWith('!')).map((glob) => ({ glob, matches: matcher(glob, `roles.${name}`, source) })),
    leave: globs.filter((glob) => glob.startsWith('!')).map((glob) => ({ glob, matches: matcher(glob.slice(1), `roles.${name}`, source) })),
  }));
}

const entryName = (name: RoleKey) => (name === 'none' ? 'none (no role)' : name);

/**
 * Classifies files by the config's globs, caching each answer; one classifier per config. A file
 * two layers (or two roles) claim is a config error: at once, or with `deferConflicts` collected
 * (the first glob wins meanwhile) so that a whole-project run names every overlap in one go.
 */
export function createClassifier(config: ResolvedConfig, options: { deferConflicts?: boolean } = {}): Classifier {
  const conflicts = new Map<string, { file: string; claim: string; more: number }>();
  const conflict = (key: string, file: string, claim: string): void => {
    if (!options.deferConflicts) throw new CosmicError('config', `"${file}" ${claim}`, config.source);
    const known = conflicts.get(key);
    if (known) known.more += 1;
    else conflicts.set(key, { file, claim, more: 0 });
  };
  const layers = compile(config.layers, config.source);
  const roles = compileRoles(config.roles, config.source);
  // A role listed in `roles` comes from its globs only; its naming convention is off.
  const configured = new Set(config.roles.map((list) => list.name).filter((name): name is Role => name !== 'none'));
  const matched = new Set<string>();
  const isIncluded = anyOf(config.include, 'include', config.source);
  const isExcluded = anyOf(config.exclude, 'exclude', config.source);
  const cache = new Map<string, Classification>();
  const published = new Map(config.contexts.flatMap((context) => (context.publishes ? [[context.name, anyOf(context.publishes, `contexts.${context.name}.publishes`, config.source)] as const] : [])));

  function classifyRelative(file: string): Classification {
    const outside = leavesRoot(file);
    if (outside) {
      return { file, included: false, layer: undefined, layerGlob: undefined, role: undefined, roleReason: undefined, roleNotes: [] };
    }
    let layer: { name: LayerName; glob: string } | undefined;
    for (const candidate of layers) {
      if (!candidate.matches(file)) continue;
      matched.add(`layers.${candidate.name}\0${candidate.glob}`);
      if (layer && layer.name !== candidate.name) {
        conflict(
          `layers\0${layer.glob}\0${candidate.glob}`,
          file,
          `matches two layers: "${layer.name}" by glob "${layer.glob}" and "${candidate.name}" by glob "${candidate.glob}". A file may belong to one layer only; narrow one of the globs.`,
        );
      }
      layer ??= candidate;
    }
    const roleNotes: string[] = [];
    let roleByGlob: { name: RoleKey; glob: string } | undefined;
    for (const list of roles) {
      const taken = list.take.find((candidate) => candidate.matches(file));
      if (!taken) continue;
      for (const candidate of list.take) if (candidate.matches(file)) matched.add(`roles.${list.name}\0${candidate.glob}`);
      const left = list.leave.find((candidate) => candidate.matches(file));
      if (left) {
        roleNotes.push(`roles.${list.name} glob "${taken.glob}" matches, but "${left.glob}" takes the file out`);
        continue;
      }
      if (roleByGlob && roleByGlob.name !== list.name) {
        conflict(
          `roles\0${roleByGlob.glob}\0${taken.glob}`,
          file,
          `matches two entries of roles: ${entryName(roleByGlob.name)} by glob "${roleByGlob.glob}" and ${entryName(list.name)} by glob "${taken.glob}". A file may have one role (or none) only; narrow one of the globs, or take the file out of one with a "!" glob.`,
        );
      }
      roleByGlob ??= { name: list.name, glob: taken.glob };
    }
    let role: Role | undefined;
    let roleReason: string | undefined;
    let roleFrom: Classification['roleFrom'];
    if (roleByGlob?.name === 'none') {
      roleReason = `roles.none glob "${roleByGlob.glob}": no role, and no convention applies`;
    } else if (roleByGlob) {
      role = roleByGlob.name;
      roleReason = `roles.${roleByGlob.name} glob "${roleByGlob.glob}"`;
      roleFrom = 'glob';
    } else {
      // Roles by name live in the book's layers only: a custom layer's files get theirs from globs.
      const convention = conventionalRole(file, isBookLayer(layer?.name) ? layer.name : undefined, configured);
      role = convention.role;
      roleReason = convention.reason;
      roleFrom = convention.from;
      roleNotes.push(...convention.notes);
    }
    const classification: Classification = {
      file,
      included: isIncluded(file) && !isExcluded(file),
      layer: layer?.name,
      layerGlob: layer?.glob,
      role,
      roleReason,
      roleFrom,
      roleNotes,
    };
    const inContext = contextOfFile(file, config.contexts);
    if (inContext) {
      const { context } = inContext;
      const publishes = published.get(context.name);
      classification.context = context.name;
      classification.published = context.sharedKernel || (context.entries?.includes(file) ?? false) || (publishes ? publishes(file) : role === 'commands' || role === 'events');
    }
    return classification;
  }

  return {
    unmatchedGlobs: () =>
      [
        ...layers.map((candidate) => ({ where: `layers.${candidate.name}`, glob: candidate.glob })),
        ...roles.flatMap((list) => list.take.map((candidate) => ({ where: `roles.${list.name}`, glob: candidate.glob }))),
      ]
        .filter(({ where, glob }) => !matched.has(`${where}\0${glob}`))
        .map(({ where, glob }) => `${where} glob "${glob}"`),
    conflicts: () => [...conflicts.values()].map(({ file, claim, more }) => `"${file}"${more > 0 ? ` (and ${more} more ${more === 1 ? 'file' : 'files'})` : ''} ${claim}`).sort(compareText),
    classify(absolutePath) {
      let classification = cache.get(absolutePath);
      if (!classification) {
        classification = classifyRelative(toPosix(path.relative(config.root, absolutePath)));
        cache.set(absolutePath, classification);
      }
      return classification;
    },
  };
}
