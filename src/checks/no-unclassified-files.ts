import path from 'node:path';
import { relativePosix } from '../config/paths.js';
import type { Project } from '../project/project.js';
import type { FileFacts, Finding } from './finding.js';

export const NO_UNCLASSIFIED_FILES = 'cosmic/no-unclassified-files';

export const noUnclassifiedFilesMessages = {
  unclassified: `{{file}} is checked (it matches "include") but belongs to no layer, so none of its imports, and no import of it, is checked. Why: an unchecked file is an unchecked boundary, and a boundary linter that skips what it does not recognise fails open. Fix: add it to a layer in {{source}} (layers now: {{layers}}), or add it to "exclude".`,
} as const;

export type NoUnclassifiedFilesMessageId = keyof typeof noUnclassifiedFilesMessages;

/** How many globs per layer the message names. */
const GLOBS_SHOWN = 2;

/** `cosmic/no-unclassified-files`: a file in `include` that is in no layer. */
export function checkNoUnclassifiedFiles(project: Project, facts: FileFacts): Finding[] {
  const { classification } = facts;
  if (!classification.included || classification.layer) return [];
  // A detected layout of a big repository has a glob per module: name a few, so the message stays a message.
  const layers = project.config.layers
    .map((list) => `${list.name} ${list.globs.slice(0, GLOBS_SHOWN).join(' ')}${list.globs.length > GLOBS_SHOWN ? ` (and ${list.globs.length - GLOBS_SHOWN} more)` : ''}`)
    .join('; ');
  const { source, root } = project.config;
  const where = path.isAbsolute(source) ? relativePosix(root, source) : source;
  return [{ ruleId: NO_UNCLASSIFIED_FILES, messageId: 'unclassified', import: undefined, data: { file: classification.file, source: where, layers } }];
}
