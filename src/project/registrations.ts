import type { TSESTree } from '@typescript-eslint/utils';
import { rangeOf, walk, type SourceRange } from './imports.js';

/** The NestJS CQRS decorators that register a class as the handler of the messages they name. */
export const HANDLER_DECORATORS = ['CommandHandler', 'EventsHandler', 'QueryHandler'] as const;
export type HandlerDecorator = (typeof HANDLER_DECORATORS)[number];

/**
 * A place where a handler is registered for a message: a NestJS CQRS decorator on the handler class
 * (`@CommandHandler(Allocate)`), an entry of a `new Map([[Allocate, allocate]])`, or a
 * `bus.register(Allocate, allocate)` call. The message is named by an identifier (`Allocate`) or a
 * namespace member (`commands.Allocate`), resolved to its declaration by the whole-program check.
 */
export interface Registration {
  via: 'decorator' | 'map' | 'register';
  /** For a decorator, which one: it says whether the message is a command, an event or a query. */
  decorator: HandlerDecorator | undefined;
  message: { name: string; member: string | undefined };
  /** The handler, when it is named: the decorated class, or the identifier registered. */
  handler: string | undefined;
  /** The message argument's range. */
  range: SourceRange;
}

function reference(node: TSESTree.Node | null | undefined): Registration['message'] | undefined {
  if (!node) return undefined;
  if (node.type === 'Identifier') return { name: node.name, member: undefined };
  if (node.type === 'MemberExpression' && !node.computed && !node.optional && node.object.type === 'Identifier' && node.property.type === 'Identifier')
    return { name: node.object.name, member: node.property.name };
  return undefined;
}

/** The last name of `X` or `a.X` (a decorator's or a base class's): `X`. */
export function lastName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  return undefined;
}

export const isHandlerDecorator = (name: string | undefined): name is HandlerDecorator => (HANDLER_DECORATORS as readonly string[]).includes(name ?? '');

/** Every handler registration in a file, from ESTree, in source order. */
export function registrationsOfProgram(program: TSESTree.Program, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): Registration[] {
  const found: Registration[] = [];
  walk(program, visitorKeys, (node) => {
    if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.decorators.length > 0) {
      for (const decorator of node.decorators) {
        if (decorator.expression.type !== 'CallExpression') continue;
        const name = lastName(decorator.expression.callee);
        if (!isHandlerDecorator(name)) continue;
        for (const argument of decorator.expression.arguments) {
          const message = reference(argument);
          if (message) found.push({ via: 'decorator', decorator: name, message, handler: node.id?.name, range: rangeOf(argument) });
        }
      }
    } else if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Map' && node.arguments[0]?.type === 'ArrayExpression') {
      for (const entry of node.arguments[0].elements) {
        if (entry?.type !== 'ArrayExpression' || entry.elements.length !== 2) continue;
        const message = reference(entry.elements[0]);
        const handler = entry.elements[1];
        if (message) found.push({ via: 'map', decorator: undefined, message, handler: handler?.type === 'Identifier' ? handler.name : undefined, range: rangeOf(entry.elements[0]!) });
      }
    } else if (
      node.type === 'CallExpression' &&
      !node.optional &&
      node.callee.type === 'MemberExpression' &&
      !node.callee.computed &&
      !node.callee.optional &&
      node.callee.property.type === 'Identifier' &&
      node.callee.property.name === 'register' &&
      node.arguments.length === 2
    ) {
      const message = reference(node.arguments[0]);
      const handler = node.arguments[1];
      if (message) found.push({ via: 'register', decorator: undefined, message, handler: handler?.type === 'Identifier' ? handler.name : undefined, range: rangeOf(node.arguments[0]!) });
    }
  });
  return found;
}
