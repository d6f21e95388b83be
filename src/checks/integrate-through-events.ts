import type { ResolvedConfig } from '../config/types.js';
import type { Classification } from '../project/classify.js';
import type { Project } from '../project/project.js';
import { boundTargets, listNames, type BoundTarget } from './bindings.js';
import { describeSide, type FileFacts, type Finding } from './finding.js';
import { possessive } from './context-boundaries.js';

export const INTEGRATE_THROUGH_EVENTS = 'cosmic/integrate-through-events';

export const integrateThroughEventsMessages = {
  drivesOtherContext: `The {{from}} of {{fromContext}} calls into {{toContext}}: {{names}} from '{{specifier}}' is {{toSide}} ({{target}}). Why: contexts integrate through events; a direct call ties the two contexts' transactions, failures and releases together, where an event lets each handle it in its own time (ch. 11 and the epilogue). Fix: have {{fromContext}} publish an event (its event publisher, or its bus and an external broker) and let {{toContext}} consume it in a handler of its own; keep only the event's type here.`,
  sharesPersistence: `{{fromContext}} uses the persistence of {{toContext}}: {{names}} from '{{specifier}}' is {{toSide}} ({{target}}){{typeNote}}. Why: shared tables are a hidden coupling: {{toContext}} can no longer change its storage without breaking {{fromContext}} (ch. 11 and the epilogue). Fix: keep in {{fromContext}} a read model of what it needs, fed by the events {{toContext}} publishes, behind a repository of its own.`,
} as const;

export type IntegrateThroughEventsMessageId = keyof typeof integrateThroughEventsMessages;

const drives = (classification: Classification) => classification.role === 'handlers' || classification.role === 'message-bus' || classification.layer === 'bootstrap';
const persists = (classification: Classification) => classification.role === 'repository' || classification.role === 'orm' || classification.role === 'unit-of-work';

/**
 * `cosmic/integrate-through-events` (strict): a context's handlers and entrypoints do not call
 * another context's handlers, message bus or bootstrap, and no context uses another's repositories,
 * ORM mapping or unit of work, even through what that one publishes (a barrel re-exporting them is
 * followed to the defining file). What `context-boundaries` already reports on an edge (an
 * unpublished module) is left to it.
 */
export function checkIntegrateThroughEvents(project: Project, config: ResolvedConfig, facts: FileFacts): Finding[] {
  const from = facts.classification;
  if (!from.context) return [];
  const kernels = new Set(config.contexts.filter((context) => context.sharedKernel).map((context) => context.name));
  const caller = from.role === 'handlers' || from.layer === 'entrypoints';
  const findings: Finding[] = [];
  for (const imported of facts.imports) {
    if (imported.target.type !== 'file') continue;
    const to = imported.target.classification;
    if (!to.context || to.context === from.context || kernels.has(to.context)) continue;
    const bound = boundTargets(project, imported, (classification) => drives(classification) || persists(classification)).filter((target) => target.classification.context === to.context);
    const driven = caller ? bound.filter((target) => drives(target.classification) && target.kind === 'value') : [];
    const persisted = bound.filter((target) => persists(target.classification));
    const report = (messageId: IntegrateThroughEventsMessageId, targets: BoundTarget[]) => {
      const first = targets[0]!.classification;
      findings.push({
        ruleId: INTEGRATE_THROUGH_EVENTS,
        messageId,
        import: imported,
        data: {
          from: describeSide(from),
          fromContext: from.context!,
          toContext: to.context!,
          names: listNames(targets),
          specifier: imported.specifier,
          toSide: `${possessive(to.context!)} ${describeSide(first)}`,
          target: first.file,
          typeNote: targets.every((target) => target.kind === 'type') ? ' (type-only imports count too)' : '',
        },
      });
    };
    if (driven.length > 0) report('drivesOtherContext', driven);
    else if (persisted.length > 0) report('sharesPersistence', persisted);
  }
  return findings;
}
