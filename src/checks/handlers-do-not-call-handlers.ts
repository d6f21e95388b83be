import type { Classification } from '../project/classify.js';
import type { Project } from '../project/project.js';
import { boundTargets, isBarrel, listNames, type BoundTarget } from './bindings.js';
import type { FileFacts, Finding } from './finding.js';

export const HANDLERS_DO_NOT_CALL_HANDLERS = 'cosmic/handlers-do-not-call-handlers';

const REASON =
  'a handler that calls another handler runs two use cases in one unit of work and hides the second behind the first, where the bus would run each in its own transaction and retry it alone (ch. 9)';

export const handlersDoNotCallHandlersMessages = {
  handlerImportsHandler: `The handler imports the handler {{names}} from '{{specifier}}' ({{target}}) at runtime, to call it. Why: ${REASON}. Fix: have this handler record an event (on the aggregate, or published through the bus) and register {{names}} for that event in bootstrap; with NestJS CQRS, publish through EventBus and handle it in an @EventsHandler. Import only types from the other handler here.`,
} as const;

export type HandlersDoNotCallHandlersMessageId = keyof typeof handlersDoNotCallHandlersMessages;

const HANDLER_NAME = /handler$/i;
/** A PascalCase name is a class (or a constructor): in a handler module, an error (`InvalidSku`) or a DTO, unless it says Handler. */
const CLASS_NAME = /^[A-Z]/;

/**
 * A name bound from another handler module that is a handler: one that says so (`AllocateHandler`,
 * `allocateHandler`), or, from a module that is a handler module by a roles glob or its own file
 * name, a function (`allocate`) or the whole module. A module that is one only by its folder
 * (`handlers/util.ts`) may hold helpers, so from it only names that say handler count.
 */
function isHandler(bound: BoundTarget): boolean {
  const { classification, name } = bound;
  if (classification.role !== 'handlers') return false;
  if (HANDLER_NAME.test(name)) return true;
  return classification.roleFrom !== 'folder' && !CLASS_NAME.test(name);
}

/** `cosmic/handlers-do-not-call-handlers`: a handler module does not import another handler module's handlers at runtime. */
export function checkHandlersDoNotCallHandlers(project: Project, facts: FileFacts): Finding[] {
  const self: Classification = facts.classification;
  // An index that collects a folder's handlers (a NestJS module's provider list) and a helper that
  // is a handler module only by its folder call nothing: they list or serve the handlers.
  if (self.role !== 'handlers' || self.roleFrom === 'folder' || isBarrel(self.file)) return [];
  const findings: Finding[] = [];
  for (const imported of facts.imports) {
    if (imported.target.type !== 'file' || imported.kind !== 'value') continue;
    const handlers = boundTargets(project, imported, (classification) => classification.role === 'handlers').filter(
      (bound) => bound.kind === 'value' && bound.classification.file !== self.file && isHandler(bound),
    );
    if (handlers.length === 0) continue;
    findings.push({
      ruleId: HANDLERS_DO_NOT_CALL_HANDLERS,
      messageId: 'handlerImportsHandler',
      import: imported,
      data: { names: listNames(handlers), specifier: imported.specifier, target: handlers[0]!.classification.file },
    });
  }
  return findings;
}
