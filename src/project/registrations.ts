import type { TSESTree } from '@typescript-eslint/utils';
import { rangeOf, walk, type SourceRange } from './imports.js';

/** The NestJS CQRS decorators that register a class as the handler of the messages they name. */
export const HANDLER_DECORATORS = ['CommandHandler', 'EventsHandler', 'QueryHandler'] as const;
export type HandlerDecorator = (typeof HANDLER_DECORATORS)[number];

/**
 * A place where a handler is registered for a message: a NestJS CQRS decorator on the handler class
 * (`@CommandHandler(Allocate)`), an entry of a `new Map([[Allocate, allocate]])`, a
 * `bus.register(Allocate, allocate)` call, or a key of a handler object (`{ [Allocate.name]:
 * allocate }`). The message is named by an identifier (`Allocate`) or a namespace member
 * (`commands.Allocate`), resolved to its declaration by the whole-program check.
 *
 * A registration whose message cannot be read without running the code (a Map built from an
 * expression, a computed key, a loop variable) has no `message`, and says why in `unreadable`: the
 * check reports it as not checked rather than guess.
 */
export interface Registration {
  via: 'decorator' | 'map' | 'register' | 'object';
  /** For a decorator, which one: it says whether the message is a command, an event or a query. */
  decorator: HandlerDecorator | undefined;
  message: { name: string; member: string | undefined } | undefined;
  /** Why the message cannot be read, when `message` is undefined. */
  unreadable?: string;
  /** The handler, when it is named: the decorated class, or the identifier registered. */
  handler: string | undefined;
  /** The message argument's range (the whole expression for an unreadable one). */
  range: SourceRange;
}

/** A message that names no declaration of the file's top level: a parameter's or a loop variable's value, known only at run time. */
export const UNBOUND = 'a message held in a variable of the code around it (a loop variable, a parameter), not a class declared or imported at the top of the file';
export const MAP_FROM_EXPRESSION = 'a Map built from an expression, not from a list of [message, handler] pairs';
export const UNREADABLE_ENTRY = 'an entry that is not a [message, handler] pair naming the message by its class';
export const COMPUTED_KEY = 'a key computed from something other than a class name (`[Allocate.name]`)';
export const COMPUTED_MESSAGE = 'a message computed at run time, not named by its class';

/**
 * A registration's message as read (`reference`: the class it names, if it names one), or why it
 * cannot be read: computed at run time, or held in a name the file's top level does not bind (a
 * loop variable, a parameter). Both trees' extractors decide it here.
 */
export function readMessage(reference: Registration['message'], topLevel: ReadonlySet<string>, computed: string): Pick<Registration, 'message' | 'unreadable'> {
  if (!reference) return { message: undefined, unreadable: computed };
  return topLevel.has(reference.name) ? { message: reference } : { message: undefined, unreadable: UNBOUND };
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

/**
 * Whether a module's text can hold a registration at all: every form names `register`, a `Map`, one
 * of the handler decorators or a computed key ending in `.name` (`[Allocate.name]`). Most modules
 * have none of these, and are not walked. Both trees' extractors ask it of the same text, so they
 * agree.
 */
export function mayRegister(text: string): boolean {
  // The key's text is bounded: a text of many `[` and no `]` (a comment, a minified bundle) is scanned in linear time.
  return /\bregister\b|\bMap\b|\b(?:CommandHandler|EventsHandler|QueryHandler)\b|\[[^\]]{0,200}?\.\s*name[\s)]*\]/.test(text);
}

/** The names a module declares or imports at its top level (a pattern's names too). */
function topLevelNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  const pattern = (node: TSESTree.Node | null | undefined): void => {
    if (!node) return;
    if (node.type === 'Identifier') names.add(node.name);
    else if (node.type === 'ObjectPattern') for (const property of node.properties) pattern(property.type === 'RestElement' ? property.argument : property.value);
    else if (node.type === 'ArrayPattern') for (const element of node.elements) pattern(element);
    else if (node.type === 'RestElement') pattern(node.argument);
    else if (node.type === 'AssignmentPattern') pattern(node.left);
  };
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'ImportDeclaration') for (const specifier of declaration.specifiers) names.add(specifier.local.name);
    else if (declaration.type === 'VariableDeclaration') for (const declarator of declaration.declarations) pattern(declarator.id);
    else if (
      (declaration.type === 'ClassDeclaration' || declaration.type === 'FunctionDeclaration' || declaration.type === 'TSEnumDeclaration' || declaration.type === 'TSImportEqualsDeclaration') &&
      declaration.id
    )
      names.add(declaration.id.name);
    else if (declaration.type === 'TSModuleDeclaration' && declaration.id.type === 'Identifier') names.add(declaration.id.name);
  }
  return names;
}

/** `X.name` or `a.X.name`: the class a handler object's computed key names. */
function nameOf(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type !== 'MemberExpression' || node.computed || node.optional || node.property.type !== 'Identifier' || node.property.name !== 'name') return undefined;
  return reference(node.object) ? node.object : undefined;
}

/** Every handler registration in a file, from ESTree, in source order. */
export function registrationsOfProgram(program: TSESTree.Program, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, text: string): Registration[] {
  const found: Registration[] = [];
  if (!mayRegister(text)) return found;
  const topLevel = topLevelNames(program);
  const unreadable = (via: Registration['via'], node: TSESTree.Node, why: string) =>
    found.push({ via, decorator: undefined, message: undefined, unreadable: why, handler: undefined, range: rangeOf(node) });
  const add = (via: Registration['via'], node: TSESTree.Node, handler: TSESTree.Node | null | undefined, computed: string, decorator?: HandlerDecorator, handlerName?: string) =>
    found.push({
      via,
      decorator,
      ...readMessage(reference(node), topLevel, computed),
      handler: handlerName ?? (handler?.type === 'Identifier' ? handler.name : undefined),
      range: rangeOf(node),
    });
  walk(program, visitorKeys, (node) => {
    if ((node.type === 'ClassDeclaration' || node.type === 'ClassExpression') && node.decorators.length > 0) {
      for (const decorator of node.decorators) {
        if (decorator.expression.type !== 'CallExpression') continue;
        const name = lastName(decorator.expression.callee);
        if (!isHandlerDecorator(name)) continue;
        for (const argument of decorator.expression.arguments) add('decorator', argument, undefined, COMPUTED_MESSAGE, name, node.id?.name);
      }
    } else if (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Map' && node.arguments.length > 0) {
      const list = node.arguments[0]!;
      if (list.type !== 'ArrayExpression') {
        unreadable('map', list, MAP_FROM_EXPRESSION);
        return;
      }
      for (const entry of list.elements) {
        if (entry?.type !== 'ArrayExpression' || entry.elements.length !== 2 || !entry.elements[0] || entry.elements[0].type === 'SpreadElement') {
          if (entry) unreadable('map', entry, UNREADABLE_ENTRY);
          continue;
        }
        add('map', entry.elements[0], entry.elements[1], COMPUTED_MESSAGE);
      }
    } else if (node.type === 'ObjectExpression') {
      // A handler object: one whose computed keys name classes (`[Allocate.name]`); another computed key in it cannot be read.
      const keyed = node.properties.filter((property): property is TSESTree.Property => property.type === 'Property' && property.computed && property.kind === 'init');
      if (!keyed.some((property) => nameOf(property.key))) return;
      for (const property of keyed) {
        const named = nameOf(property.key);
        if (named) add('object', named, property.method ? undefined : property.value, COMPUTED_KEY);
        else unreadable('object', property.key, COMPUTED_KEY);
      }
    } else if (
      node.type === 'CallExpression' &&
      !node.optional &&
      node.callee.type === 'MemberExpression' &&
      !node.callee.computed &&
      !node.callee.optional &&
      node.callee.property.type === 'Identifier' &&
      node.callee.property.name === 'register' &&
      node.arguments.length === 2 &&
      node.arguments[0]!.type !== 'SpreadElement' &&
      // `container.register(Token, { useClass })`, `app.register(plugin, { prefix })`: options, not a handler.
      node.arguments[1]!.type !== 'ObjectExpression'
    ) {
      add('register', node.arguments[0]!, node.arguments[1], COMPUTED_MESSAGE);
    }
  });
  return found;
}
