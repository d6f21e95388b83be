import type { FileFacts, Finding } from './finding.js';

export const ONE_AGGREGATE_PER_TRANSACTION = 'cosmic/one-aggregate-per-transaction';

const REASON =
  'an aggregate is the consistency boundary: one transaction changes one aggregate, so locks stay small and two users changing different aggregates never wait for each other; a use case that must change two does it in two steps, linked by an event (ch. 7, 11)';

export const oneAggregatePerTransactionMessages = {
  secondAggregate: `{{handler}} writes through {{second}} here after writing through {{first}} (line {{firstLine}}): two aggregates in one unit of work. Why: ${REASON}. Fix: write {{first}} here and record an event; let a handler of that event write {{second}} in its own unit of work.`,
} as const;

/**
 * `cosmic/one-aggregate-per-transaction`: a handler writes through at most one repository (one
 * aggregate kind): `uow.products.add(…)` and `uow.orders.add(…)` in one handler are two. Reads
 * (`get`, `list`) are free; the book's reallocation loads one aggregate and lets events do the rest.
 */
export function checkOneAggregatePerTransaction(facts: FileFacts): Finding[] {
  if (facts.classification.role !== 'handlers') return [];
  const findings: Finding[] = [];
  for (const callable of facts.callables()) {
    const [first] = callable.repositoryWrites;
    const second = callable.repositoryWrites.find((write) => write.repository !== first?.repository);
    if (!first || !second) continue;
    findings.push({
      ruleId: ONE_AGGREGATE_PER_TRANSACTION,
      messageId: 'secondAggregate',
      import: undefined,
      range: second.range,
      data: { handler: callable.owner ? `${callable.owner}.${callable.name}` : callable.name, first: first.repository, second: second.repository, firstLine: String(first.range.line) },
    });
  }
  return findings;
}
