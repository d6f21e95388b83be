import path from 'node:path';
import picomatch from 'picomatch';
import { CosmicError } from '../config/errors.js';
import type { GlobList, Layer, ResolvedConfig, Role } from '../config/types.js';
import { toPosix } from '../config/paths.js';
import { conventionalRole } from './roles.js';

export interface Classification {
  /** POSIX path relative to the config root. */
  file: string;
  /** Inside `include` and outside `exclude`: the file is checked. */
  included: boolean;
  layer: Layer | undefined;
  /** The glob that put the file in its layer. */
  layerGlob: string | undefined;
  role: Role | undefined;
  /** Why the file has its role: the glob, or the conventional name. */
  roleReason: string | undefined;
}

export interface Classifier {
  classify(absolutePath: string): Classification;
}

type Matcher = (file: string) => boolean;

function compile<K extends string>(lists: GlobList<K>[]): Array<{ name: K; glob: string; matches: Matcher }> {
  return lists.flatMap(({ name, globs }) =>
    globs.map((glob) => ({ name, glob, matches: picomatch(glob, { dot: true }) })),
  );
}

function anyOf(globs: string[]): Matcher {
  return globs.length === 0 ? () => false : picomatch(globs, { dot: true });
}


/** Classifies files by the config's globs, caching each answer; one classifier per config. */
export function createClassifier(config: ResolvedConfig): Classifier {
  const layers = compile(config.layers);
  const roles = compile(config.roles);
  const isIncluded = anyOf(config.include);
  const isExcluded = anyOf(config.exclude);
  const cache = new Map<string, Classification>();

  function classifyRelative(file: string): Classification {
    const outside = file.startsWith('../') || path.isAbsolute(file);
    if (outside) {
      return { file, included: false, layer: undefined, layerGlob: undefined, role: undefined, roleReason: undefined };
    }
    let layer: { name: Layer; glob: string } | undefined;
    for (const candidate of layers) {
      if (!candidate.matches(file)) continue;
      if (layer && layer.name !== candidate.name) {
        throw new CosmicError(
          'config',
          `"${file}" matches two layers: "${layer.name}" by glob "${layer.glob}" and "${candidate.name}" by glob "${candidate.glob}". A file may belong to one layer only; narrow one of the globs.`,
          config.source,
        );
      }
      layer ??= candidate;
    }
    const roleByGlob = roles.find((candidate) => candidate.matches(file));
    const convention = roleByGlob ? undefined : conventionalRole(file);
    return {
      file,
      included: isIncluded(file) && !isExcluded(file),
      layer: layer?.name,
      layerGlob: layer?.glob,
      role: roleByGlob?.name ?? convention?.role,
      roleReason: roleByGlob ? `roles.${roleByGlob.name} glob "${roleByGlob.glob}"` : convention?.reason,
    };
  }

  return {
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
