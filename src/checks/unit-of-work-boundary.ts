import type { Classification } from '../project/classify.js';
import type { Project } from '../project/project.js';
import { boundTargets, listNames } from './bindings.js';
import { describeSide, type FileFacts, type Finding } from './finding.js';

export const UNIT_OF_WORK_BOUNDARY = 'cosmic/unit-of-work-boundary';

export const unitOfWorkBoundaryMessages = {
  repositoryOutsideUnitOfWork: `{{from}} imports {{names}} from the repository module '{{specifier}}' ({{target}}) at runtime. Why: repositories are reached through the unit of work, which owns the transaction and collects the aggregates' events (ch. 6, 8). Fix: import the concrete repository only in the unit of work (or bootstrap), use \`uow.<repository>\` here, and import only types from the repository module.`,
  unitOfWorkImportsDispatch: `The unit of work imports the {{role}} '{{specifier}}' ({{target}}){{typeNote}}. Why: the unit of work collects new events and the message bus dispatches them; a unit of work that knows the bus or the handlers ties the transaction to the dispatch and makes a cycle (ch. 6, 8). Fix: let the message bus pull new events from the unit of work (\`uow.collectNewEvents()\`) instead.`,
} as const;

export type UnitOfWorkBoundaryMessageId = keyof typeof unitOfWorkBoundaryMessages;

const isDispatch = (classification: Classification) => classification.role === 'message-bus' || classification.role === 'handlers';

/** `cosmic/unit-of-work-boundary`: only the unit of work (and bootstrap) import concrete repositories; the unit of work imports neither the bus nor handlers. */
export function checkUnitOfWorkBoundary(project: Project, facts: FileFacts): Finding[] {
  const from = facts.classification;
  const findings: Finding[] = [];
  if (from.role === 'unit-of-work') {
    for (const imported of facts.imports) {
      if (imported.target.type !== 'file') continue;
      const dispatch = boundTargets(project, imported, isDispatch).find((bound) => bound.classification.role === 'message-bus' || bound.classification.role === 'handlers');
      if (!dispatch) continue;
      findings.push({
        ruleId: UNIT_OF_WORK_BOUNDARY,
        messageId: 'unitOfWorkImportsDispatch',
        import: imported,
        data: {
          role: dispatch.classification.role === 'handlers' ? 'handlers' : 'message bus',
          specifier: imported.specifier,
          target: dispatch.classification.file,
          typeNote: imported.kind === 'type' ? ' (even type-only)' : '',
        },
      });
    }
    return findings;
  }
  // Bootstrap wires repositories; repository implementations may extend the abstract one.
  if (from.layer === 'bootstrap' || from.role === 'repository') return findings;
  for (const imported of facts.imports) {
    // A barrel re-exporting the repository does not use it; whoever imports through the barrel is checked.
    if (imported.kind !== 'value' || imported.form === 'export-from' || imported.target.type !== 'file') continue;
    const repositories = boundTargets(project, imported, (classification) => classification.role === 'repository').filter((bound) => bound.kind === 'value' && bound.classification.role === 'repository');
    if (repositories.length === 0) continue;
    findings.push({
      ruleId: UNIT_OF_WORK_BOUNDARY,
      messageId: 'repositoryOutsideUnitOfWork',
      import: imported,
      data: { from: describeSide(from), names: listNames(repositories), specifier: imported.specifier, target: repositories[0]!.classification.file },
    });
  }
  return findings;
}
