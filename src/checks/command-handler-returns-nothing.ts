import type { Callable } from '../project/callables.js';
import type { Project } from '../project/project.js';
import { importOf } from './bindings.js';
import type { FileFacts, Finding } from './finding.js';

export const COMMAND_HANDLER_RETURNS_NOTHING = 'cosmic/command-handler-returns-nothing';

const REASON =
  'with CQRS a command changes state and a query reads it: the handler returns nothing and the caller reads what it needs through a view, so the write model stays out of the caller and the command can go through a queue, where no return value comes back (ch. 12)';
const FIX = 'read the result through a view (a query, or a NestJS @QueryHandler); when the caller needs the new id, let it choose the id and send it in the command';

export const commandHandlerReturnsNothingMessages = {
  returnsValue: `{{handler}} handles the command {{command}} ({{how}}) and returns a value here. Why: ${REASON}. Fix: return nothing; ${FIX}.`,
  returnType: `{{handler}} handles the command {{command}} ({{how}}) and is declared to return {{type}}. Why: ${REASON}. Fix: declare \`Promise<void>\` (or \`void\`); ${FIX}.`,
} as const;

const VOID = /^(?:void|undefined|never)$/;
/** A read by its name: the CQRS read side, a query, whatever the module it sits in (ddd-forum keeps `GetPopularPosts` beside its commands). */
const READ_VERB = /^(?:get|find|list|search|fetch|query|read|load|count|view|show|lookup)(?:[A-Z_]|$)/i;

/**
 * What a written return type says a handler returns: nothing, a value, or, for a type named by an
 * alias (\`Promise<Response>\`), unknown: without the type checker the rule cannot look inside it.
 * \`Result<T, E>\` and \`Either<E, T>\` carry an error beside the value: only \`T\` counts.
 */
function returned(text: string): 'nothing' | 'value' | 'unknown' {
  let type = text;
  const promise = /^Promise<(.*)>$/.exec(type);
  if (promise) type = promise[1]!;
  if (VOID.test(type)) return 'nothing';
  const wrapper = /^(Result|Either)<(.*)>$/.exec(type);
  if (wrapper) {
    const args = splitTypeArguments(wrapper[2]!);
    const success = wrapper[1] === 'Result' ? args[0] : args[1];
    if (success === undefined) return 'unknown';
    return VOID.test(success) ? 'nothing' : 'value';
  }
  if (/^(?:any|unknown)$/.test(type)) return 'unknown';
  if (/^(?:string|number|boolean|bigint|symbol|object)$/.test(type)) return 'value';
  // A bare name is an alias or a class: which, only the type checker knows.
  if (/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(type)) return 'unknown';
  return 'value';
}

/** `A, B<C, D>, E` → the top-level arguments. */
function splitTypeArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '<' || character === '(' || character === '[' || character === '{') depth++;
    else if (character === '>' || character === ')' || character === ']' || character === '}') depth--;
    else if (character === ',' && depth === 0) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  return [...parts, text.slice(start)];
}
/** Methods that run a command in the shapes real code writes: NestJS CQRS's `execute`, and `handle`. */
const HANDLER_METHODS = new Set(['execute', 'handle']);

/** Why a callable is a command handler, or undefined when it is not one. */
function commandHandlerReason(project: Project, facts: FileFacts, callable: Callable): { command: string; how: string } | undefined {
  const parameter = callable.firstParameterType;
  const command = parameter ? (parameter.member ? `${parameter.name}.${parameter.member}` : parameter.name) : 'its command';
  if (READ_VERB.test(callable.owner ?? callable.name) || READ_VERB.test(parameter?.member ?? parameter?.name ?? '')) return undefined;
  if (callable.decorator) return callable.decorator === 'CommandHandler' && callable.name === 'execute' ? { command, how: `${callable.owner} is registered with @CommandHandler` } : undefined;
  if (facts.classification.role !== 'handlers' || !parameter || (callable.owner !== undefined && !HANDLER_METHODS.has(callable.name))) return undefined;
  const binding = importOf(facts.imports, parameter);
  if (binding && binding.imported.target.type === 'file') {
    if (binding.exported === undefined) return undefined;
    const defining = project.exports.definingFile(binding.imported.target.path, binding.exported);
    const role = project.classifier.classify(defining);
    if (role.role === 'commands') return { command, how: `its first parameter is ${command}, from the commands module ${role.file}` };
  }
  return /Command$/.test(parameter.member ?? parameter.name) ? { command, how: `its first parameter is ${command}` } : undefined;
}

/** `cosmic/command-handler-returns-nothing`: a command handler returns no value and declares no return type but void. */
export function checkCommandHandlerReturnsNothing(project: Project, facts: FileFacts): Finding[] {
  const findings: Finding[] = [];
  for (const callable of facts.callables()) {
    const known = commandHandlerReason(project, facts, callable);
    if (!known) continue;
    const handler = callable.owner ? `${callable.owner}.${callable.name}` : callable.name;
    const data = { handler, command: known.command, how: known.how };
    if (callable.returnType) {
      // The written type decides: a value is reported on it, nothing passes, and an alias the rule cannot see into is left alone.
      if (returned(callable.returnType.text) === 'value') {
        findings.push({ ruleId: COMMAND_HANDLER_RETURNS_NOTHING, messageId: 'returnType', import: undefined, range: callable.returnType.range, data: { ...data, type: callable.returnType.text } });
      }
      continue;
    }
    for (const range of callable.valueReturns) findings.push({ ruleId: COMMAND_HANDLER_RETURNS_NOTHING, messageId: 'returnsValue', import: undefined, range, data });
  }
  return findings;
}
