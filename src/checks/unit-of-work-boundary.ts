import type { Classification } from '../project/classify.js';
import type { Project } from '../project/project.js';
import { boundTargets, listNames } from './bindings.js';
import { describeSide, type FileFacts, type Finding } from './finding.js';

export const UNIT_OF_WORK_BOUNDARY = 'cosmic/unit-of-work-boundary';

export const unitOfWorkBoundaryMessages = {
  repositoryOutsideUnitOfWork: `{{from}} imports {{names}} from the repository module '{{specifier}}' ({{target}}) at runtime. Why: repositories are reached through the unit of work, which owns the transaction and collects the aggregates' events (ch. 6, 8). Fix: {{fix}}.`,
  unitOfWorkImportsDispatch: `The unit of work imports the {{role}} '{{specifier}}' ({{target}}){{typeNote}}. Why: the unit of work collects new events and the message bus dispatches them; a unit of work that knows the bus or the handlers ties the transaction to the dispatch and makes a cycle (ch. 6, 8). Fix: let the message bus pull new events from the unit of work (\`uow.collectNewEvents()\`) instead.`,
} as const;

const FIX = {
  'service-layer': 'import the concrete repository only in the unit of work (or bootstrap), use `uow.<repository>` here, and import only types from the repository module',
  entrypoints: 'send a command whose handler loads and saves through `uow.<repository>`, or read through a view; import only types from the repository module here',
} as const;

export type UnitOfWorkBoundaryMessageId = keyof typeof unitOfWorkBoundaryMessages;

const isDispatch = (classification: Classification) => classification.role === 'message-bus' || classification.role === 'handlers';

/**
 * Who may not import a concrete repository at runtime: the service layer (but the unit of work)
 * and entrypoints, the code that should go through `uow.<repository>`. Not the domain, which may
 * not know the adapters at all (that is layer-direction, with advice for the domain); not adapters,
 * which may use each other (a connection pool registering repositories); not bootstrap, which wires
 * them; not a repository implementation extending the abstract one.
 */
function judgesRepositoryImports(from: Classification): boolean {
  return (from.layer === 'service-layer' || from.layer === 'entrypoints') && from.role !== 'repository' && from.role !== 'unit-of-work';
}

/** Whether the rule can find anything in a file so classified. */
export function unitOfWorkBoundaryAppliesTo(classification: Classification): boolean {
  return classification.role === 'unit-of-work' || judgesRepositoryImports(classification);
}

/**
 * `cosmic/unit-of-work-boundary`: the service layer and entrypoints reach repositories through the
 * unit of work, not by importing them at runtime; the unit of work imports neither the bus nor handlers.
 */
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
  if (!judgesRepositoryImports(from)) return findings;
  for (const imported of facts.imports) {
    // A barrel re-exporting the repository does not use it; whoever imports through the barrel is checked.
    if (imported.form === 'export-from' || imported.target.type !== 'file') continue;
    const repositories = boundTargets(project, imported, (classification) => classification.role === 'repository').filter(
      (bound) => bound.classification.role === 'repository' && bound.kind === 'value',
    );
    if (repositories.length === 0 || imported.kind !== 'value') continue;
    findings.push({
      ruleId: UNIT_OF_WORK_BOUNDARY,
      messageId: 'repositoryOutsideUnitOfWork',
      import: imported,
      data: {
        from: describeSide(from),
        names: listNames(repositories),
        specifier: imported.specifier,
        target: repositories[0]!.classification.file,
        fix: FIX[from.layer === 'entrypoints' ? 'entrypoints' : 'service-layer'],
      },
    });
  }
  return findings;
}
