import type { Project } from '../project/project.js';
import { describeSide, type FileFacts, type Finding } from './finding.js';

export const BOOTSTRAP_ONLY_FROM_ENTRYPOINTS = 'cosmic/bootstrap-only-from-entrypoints';

export const bootstrapOnlyFromEntrypointsMessages = {
  importsBootstrap: `{{from}} imports bootstrap ('{{specifier}}', {{target}}){{typeNote}}. Why: bootstrap is the composition root, and anything but an entrypoint importing it recreates the coupling that dependency injection removed (ch. 13). Fix: receive the message bus or the dependencies as parameters, from the entrypoint that called bootstrap.`,
} as const;

export type BootstrapOnlyFromEntrypointsMessageId = keyof typeof bootstrapOnlyFromEntrypointsMessages;

/** `cosmic/bootstrap-only-from-entrypoints`: only entrypoints (and tests, outside `include`) import bootstrap, not even for its types. */
export function checkBootstrapOnlyFromEntrypoints(_project: Project, facts: FileFacts): Finding[] {
  const from = facts.classification;
  if (from.layer === 'entrypoints' || from.layer === 'bootstrap') return [];
  return facts.imports
    .filter((imported) => imported.target.type === 'file' && imported.target.classification.layer === 'bootstrap')
    .map((imported) => ({
      ruleId: BOOTSTRAP_ONLY_FROM_ENTRYPOINTS,
      messageId: 'importsBootstrap',
      import: imported,
      data: {
        from: describeSide(from),
        specifier: imported.specifier,
        target: imported.target.type === 'file' ? imported.target.classification.file : '',
        typeNote: imported.kind === 'type' ? ' (type-only imports count too: take the type from where it is defined)' : ' at runtime',
      },
    }));
}
