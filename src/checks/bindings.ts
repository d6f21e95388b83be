import path from 'node:path';
import type { Classification } from '../project/classify.js';
import type { ImportKind, ResolvedImport } from '../project/imports.js';
import type { Project } from '../project/project.js';

export interface BoundTarget {
  /** The imported name (`*` for a namespace or a whole-module form). */
  name: string;
  /** The local binding, when the import makes one. */
  local: string | undefined;
  kind: ImportKind;
  /** Where the name is defined: through a barrel (`index.*`), the file that defines it. */
  classification: Classification;
}

const BARREL = /^index\.[cm]?[jt]sx?$/;

export function isBarrel(file: string): boolean {
  return BARREL.test(path.basename(file));
}

/**
 * The files an import's names come from, barrels followed to the defining file so that role checks
 * see `SqlRepository` from `adapters/index.ts` as coming from `adapters/repository.ts`.
 */
export function boundTargets(project: Project, imported: ResolvedImport, relevant: (classification: Classification) => boolean): BoundTarget[] {
  const { target } = imported;
  if (target.type !== 'file') return [];
  if (imported.names.length === 0) return [{ name: '*', local: undefined, kind: imported.kind, classification: target.classification }];
  // Resolve names through a barrel only when something it re-exports could matter to the caller.
  const follow = isBarrel(target.path) && project.exports.reexportedFiles(target.path).some((file) => relevant(project.classifier.classify(file)));
  return imported.names.map((bound) => ({
    name: bound.imported,
    local: bound.local,
    // Read on demand: whether a name is runtime may take reading the module that declares it.
    get kind() {
      return bound.kind;
    },
    classification: follow && bound.imported !== '*' ? project.classifier.classify(project.exports.definingFile(target.path, bound.imported)) : target.classification,
  }));
}

/** The member `member` of a namespace bound to a file, through a barrel when the file is one. */
export function memberTarget(project: Project, file: string, classification: Classification, member: string): Classification {
  return isBarrel(file) ? project.classifier.classify(project.exports.definingFile(file, member)) : classification;
}

export function listNames(targets: readonly BoundTarget[]): string {
  return targets.map((target) => (target.name === '*' ? 'everything' : target.name)).join(', ');
}

/** The names an import binds, for messages: `SqlRepository, Session`, or `the module`. */
export function importedNames(imported: ResolvedImport): string {
  const names = imported.names.filter((name) => name.imported !== '*').map((name) => name.imported);
  return names.length > 0 ? names.join(', ') : 'the module';
}

/**
 * The import that binds a name the file writes (`X`, or `ns.X` through `import * as ns`), with the
 * name it exports there (`X`; undefined for a namespace named whole); undefined when no import
 * binds it, so the name is declared in the file itself.
 */
export function importOf(
  imports: readonly ResolvedImport[],
  reference: { name: string; member: string | undefined },
): { imported: ResolvedImport; exported: string | undefined; throughNamespace: boolean } | undefined {
  for (const imported of imports) {
    const bound = imported.names.find((name) => name.local === reference.name);
    if (bound) return { imported, exported: bound.imported === '*' ? reference.member : bound.imported, throughNamespace: bound.imported === '*' };
  }
  return undefined;
}
