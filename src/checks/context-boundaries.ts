import type { BoundedContext, ResolvedConfig } from '../config/types.js';
import type { Classification } from '../project/classify.js';
import { describeSide, typeNote, type FileFacts, type Finding } from './finding.js';

export const CONTEXT_BOUNDARIES = 'cosmic/context-boundaries';

const REASON =
  'a bounded context keeps its model to itself: other contexts depend only on its published language (the messages it exchanges with them), so each model can change without breaking the others (ch. 11 and the epilogue)';

export const contextBoundariesMessages = {
  unpublished: `Import across bounded contexts {{fromContext}} → {{toContext}}: '{{specifier}}' is {{target}}, {{toSide}}, which {{toContext}} does not publish (it publishes {{publishes}}){{typeNote}}. Why: ${REASON}. Fix: {{fix}}; if other contexts are meant to use this module, add it to contexts.{{toContext}}.publishes.`,
  kernelImportsContext: `The shared kernel "{{fromContext}}" imports the {{toContext}} context: '{{specifier}}' is {{target}}{{typeNote}}. Why: every context depends on a shared kernel, so a kernel that depends on one context couples them all to it. Fix: move what the kernel needs into the kernel, or have it declare an interface that {{toContext}} implements.`,
} as const;

export type ContextBoundariesMessageId = keyof typeof contextBoundariesMessages;

/** What a context publishes, as a message says it. */
function publishedLanguage(context: BoundedContext | undefined): string {
  const entries = context?.entries?.length ? ` and its package's entry ${context.entries.join(', ')}` : '';
  if (!context?.publishes) return `its commands and events${entries}`;
  const shown = context.publishes.slice(0, 3).map((glob) => `"${glob}"`);
  return `${context.publishes.length > 3 ? `${shown.join(', ')} and ${context.publishes.length - 3} more` : shown.join(', ')}${entries}`;
}

/** `allocation's`, `orders'`. */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** How the importer gets what it needs without reaching into the other context, by what it reached for. */
function fixFor(from: Classification, to: Classification): string {
  const other = to.context!;
  const others = possessive(other);
  if (to.role === 'handlers' || to.role === 'message-bus' || to.role === 'unit-of-work' || to.layer === 'bootstrap' || to.layer === 'entrypoints') {
    return `do not drive ${other} from ${from.context}: publish an event that ${other} handles (or send it a command through its own entrypoint)`;
  }
  if (to.role === 'repository' || to.role === 'orm' || to.layer === 'adapters') {
    return `do not share ${others} storage: keep in ${from.context} a read model of what it needs, fed by ${others} events`;
  }
  if (to.role === 'views' || to.layer === 'service-layer') return `ask ${other} through what it publishes (a query or command of its published language), or keep a read model fed by its events`;
  return `hold ${others} ids and the data ${from.context} needs in its own model, taken from ${others} events, instead of ${others} classes`;
}

/**
 * `cosmic/context-boundaries`: a file of one bounded context imports from another only what that
 * one publishes; a shared kernel may be imported by every context and imports none. Type-only
 * imports count: a type of another context's model couples to that model as much as its class does.
 */
export function checkContextBoundaries(config: ResolvedConfig, facts: FileFacts): Finding[] {
  const from = facts.classification;
  if (!from.context) return [];
  const contexts = new Map(config.contexts.map((context) => [context.name, context]));
  const fromKernel = contexts.get(from.context)?.sharedKernel ?? false;
  const findings: Finding[] = [];
  for (const imported of facts.imports) {
    if (imported.target.type !== 'file') continue;
    const to = imported.target.classification;
    if (!to.context || to.context === from.context) continue;
    const toContext = contexts.get(to.context);
    if (toContext?.sharedKernel) continue;
    if (!fromKernel && to.published) continue;
    const data = {
      fromContext: from.context,
      toContext: to.context,
      specifier: imported.specifier,
      target: to.file,
      toSide: `${possessive(to.context)} ${describeSide(to)}`,
      publishes: publishedLanguage(toContext),
      typeNote: typeNote(imported),
      fix: fromKernel ? '' : fixFor(from, to),
    };
    findings.push({ ruleId: CONTEXT_BOUNDARIES, messageId: fromKernel ? 'kernelImportsContext' : 'unpublished', import: imported, data });
  }
  return findings;
}
