import fs from 'node:fs';
import path from 'node:path';
import { CosmicError } from './errors.js';
import { contextFolders } from './validate.js';
import type { BoundedContext, CosmicConfigInput } from './types.js';
import { dependOnListing } from './watch.js';
import { compareText } from './order.js';
import { contextEntries, type Workspace } from './workspaces.js';

/**
 * The configured contexts, resolved: folders checked to exist (a misspelt folder would make a
 * context hold nothing, and its boundary pass unchecked), `publishes` globs made relative to the
 * config root, one per folder of the context.
 */
export function resolveContexts(input: NonNullable<CosmicConfigInput['contexts']>, root: string, source: string, workspace: Workspace | undefined): BoundedContext[] {
  return Object.entries(input)
    .map(([name, entry]) => {
      const roots = contextFolders(entry);
      for (const folder of roots) {
        const absolute = path.resolve(root, folder);
        dependOnListing(path.dirname(absolute));
        let isFolder = false;
        try {
          isFolder = fs.statSync(absolute).isDirectory();
        } catch {
          isFolder = false;
        }
        if (!isFolder) throw new CosmicError('config', `invalid configuration: contexts.${name}: "${folder}" is not a folder (looked for ${absolute})`, source);
      }
      const object = typeof entry === 'object' && !Array.isArray(entry) ? entry : undefined;
      const globs = object?.publishes === undefined ? undefined : Array.isArray(object.publishes) ? object.publishes : [object.publishes];
      const publishes = globs?.flatMap((glob) => roots.map((folder) => (folder === '.' ? glob : `${folder}/${glob.replace(/^(?:\.\/)+/, '')}`)));
      // A folder that is a workspace package publishes its entry points too (`exports["."]`).
      const entries = contextEntries(workspace, root, roots);
      return { name, roots, publishes, ...(entries.length > 0 ? { entries } : {}), sharedKernel: object?.sharedKernel ?? false };
    })
    .sort((a, b) => compareText(a.name, b.name));
}

/** The context holding a file (a POSIX path relative to the config root): the one whose folder is its nearest ancestor. */
export function contextOfFile(file: string, contexts: readonly BoundedContext[]): { context: BoundedContext; root: string } | undefined {
  let best: { context: BoundedContext; root: string } | undefined;
  for (const context of contexts) {
    for (const root of context.roots) {
      if ((root === '.' || file.startsWith(`${root}/`)) && (!best || root.length > best.root.length)) best = { context, root };
    }
  }
  return best;
}
