import type { WriteSite } from '../project/writes.js';
import type { FileFacts, Finding } from './finding.js';

export const VIEWS_READ_ONLY = 'cosmic/views-read-only';

const REASON =
  'with CQRS the read side only reads: a view that writes changes state outside any command, so no handler, event or unit of work knows it happened, and reads can no longer be served from a replica or a cache (ch. 12)';

const WHAT: Record<WriteSite['kind'], string> = {
  commit: 'commits a transaction',
  'repository-write': 'writes through a repository, unit of work or ORM',
  dispatch: 'sends a message on a bus',
  sql: 'runs SQL that changes data',
};

const FIX: Record<WriteSite['kind'], string> = {
  commit: 'read without a transaction to commit (a read-only session), and move the change into a command handler',
  'repository-write': 'send a command whose handler makes the change through the unit of work',
  dispatch: 'let the entrypoint send the command; a view only answers queries',
  sql: 'keep the view to SELECT; the read model is updated by event handlers (ch. 12), never by the view that reads it',
};

export const viewsReadOnlyMessages = {
  write: `The view {{what}}: {{text}}. Why: ${REASON}. Fix: {{fix}}.`,
} as const;

/** `cosmic/views-read-only`: a views module commits nothing, writes through no repository, dispatches no message and runs no data-changing SQL. */
export function checkViewsReadOnly(facts: FileFacts): Finding[] {
  if (facts.classification.role !== 'views') return [];
  return facts.writes().map((write) => ({
    ruleId: VIEWS_READ_ONLY,
    messageId: 'write',
    import: undefined,
    range: write.range,
    data: { what: WHAT[write.kind], text: write.text, fix: FIX[write.kind] },
  }));
}
