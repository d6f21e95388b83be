import type { Project } from '../project/project.js';
import { boundTargets, listNames } from './bindings.js';
import type { FileFacts, Finding } from './finding.js';

export const MESSAGE_BUS_DECOUPLED = 'cosmic/message-bus-decoupled';

export const messageBusDecoupledMessages = {
  busImportsHandlers: `The message bus imports handlers at runtime: {{names}} from '{{specifier}}' ({{target}}). Why: handlers are injected at bootstrap and the bus only routes messages to them, so it can be tested with fakes and reused (ch. 13). Fix: take the command and event handler maps as constructor parameters, build them in bootstrap, and import only handler types here.`,
} as const;

export type MessageBusDecoupledMessageId = keyof typeof messageBusDecoupledMessages;

/** `cosmic/message-bus-decoupled`: the message bus does not import handlers at runtime. */
export function checkMessageBusDecoupled(project: Project, facts: FileFacts): Finding[] {
  if (facts.classification.role !== 'message-bus') return [];
  const findings: Finding[] = [];
  for (const imported of facts.imports) {
    if (imported.target.type !== 'file') continue;
    const handlers = boundTargets(project, imported, (classification) => classification.role === 'handlers').filter((bound) => bound.classification.role === 'handlers' && bound.kind === 'value');
    if (handlers.length === 0 || imported.kind !== 'value') continue;
    findings.push({
      ruleId: MESSAGE_BUS_DECOUPLED,
      messageId: 'busImportsHandlers',
      import: imported,
      data: { names: listNames(handlers), specifier: imported.specifier, target: handlers[0]!.classification.file },
    });
  }
  return findings;
}
