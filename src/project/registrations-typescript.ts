import type * as TS from 'typescript';
import { rangeOf, skipParentheses, walkInOrder } from './imports-typescript.js';
import { lastName } from './exports.js';
import { mayRegister, readMessage, COMPUTED_KEY, COMPUTED_MESSAGE, isHandlerDecorator, MAP_FROM_EXPRESSION, UNREADABLE_ENTRY, type HandlerDecorator, type Registration } from './registrations.js';
import { typescript } from './typescript.js';

function reference(ts: typeof TS, argument: TS.Expression | undefined): NonNullable<Registration['message']> | undefined {
  if (!argument) return undefined;
  const node = skipParentheses(ts, argument);
  if (ts.isIdentifier(node)) return { name: node.text, member: undefined };
  if (ts.isPropertyAccessExpression(node) && !node.questionDotToken && ts.isIdentifier(node.expression) && ts.isIdentifier(node.name)) return { name: node.expression.text, member: node.name.text };
  return undefined;
}

/** The names a module declares or imports at its top level (a pattern's names too), as registrationsOfProgram reads them. */
function topLevelNames(ts: typeof TS, source: TS.SourceFile): Set<string> {
  const names = new Set<string>();
  const binding = (name: TS.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) binding(element.name);
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) names.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      else if (bindings) for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) for (const declaration of statement.declarationList.declarations) binding(declaration.name);
    else if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name) names.add(statement.name.text);
    else if (ts.isEnumDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) names.add(statement.name.text);
    else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) names.add(statement.name.text);
  }
  return names;
}

/** `X.name` or `a.X.name`: the class a handler object's computed key names. */
function nameOf(ts: typeof TS, node: TS.Expression): TS.Expression | undefined {
  const key = skipParentheses(ts, node);
  if (!ts.isPropertyAccessExpression(key) || key.questionDotToken || !ts.isIdentifier(key.name) || key.name.text !== 'name') return undefined;
  return reference(ts, key.expression) ? key.expression : undefined;
}

/** Every handler registration in a file, from TypeScript's tree (the same as registrationsOfProgram). */
export function registrationsOfSourceFile(source: TS.SourceFile): Registration[] {
  const ts = typescript();
  const found: Registration[] = [];
  if (!mayRegister(source.text)) return found;
  const topLevel = topLevelNames(ts, source);
  const unreadable = (via: Registration['via'], node: TS.Node, why: string) =>
    found.push({ via, decorator: undefined, message: undefined, unreadable: why, handler: undefined, range: rangeOf(source, ts.isParenthesizedExpression(node) ? skipParentheses(ts, node) : node) });
  const add = (via: Registration['via'], node: TS.Expression, handler: TS.Node | undefined, computed: string, decorator?: HandlerDecorator, handlerName?: string) => {
    const named = handler && ts.isExpression(handler) ? skipParentheses(ts, handler) : undefined;
    found.push({
      via,
      decorator,
      ...readMessage(reference(ts, node), topLevel, computed),
      handler: handlerName ?? (named && ts.isIdentifier(named) ? named.text : undefined),
      range: rangeOf(source, skipParentheses(ts, node)),
    });
  };
  walkInOrder(ts, source, (node) => {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && ts.canHaveDecorators(node)) {
      for (const decorator of ts.getDecorators(node) ?? []) {
        if (!ts.isCallExpression(decorator.expression)) continue;
        const name = lastName(ts, decorator.expression.expression);
        if (!isHandlerDecorator(name)) continue;
        for (const argument of decorator.expression.arguments) add('decorator', argument, undefined, COMPUTED_MESSAGE, name, node.name?.text);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Map' && node.arguments && node.arguments.length > 0) {
      const list = skipParentheses(ts, node.arguments[0]!);
      if (!ts.isArrayLiteralExpression(list)) {
        unreadable('map', list, MAP_FROM_EXPRESSION);
        return;
      }
      for (const element of list.elements) {
        const entry = skipParentheses(ts, element);
        if (!ts.isArrayLiteralExpression(entry) || entry.elements.length !== 2 || ts.isSpreadElement(entry.elements[0]!) || ts.isOmittedExpression(entry.elements[0]!)) {
          if (!ts.isOmittedExpression(element)) unreadable('map', entry, UNREADABLE_ENTRY);
          continue;
        }
        add('map', entry.elements[0]!, entry.elements[1], COMPUTED_MESSAGE);
      }
    } else if (ts.isObjectLiteralExpression(node)) {
      // A handler object: one whose computed keys name classes (`[Allocate.name]`); another computed key in it cannot be read.
      const keyed = node.properties.filter(
        (property): property is (TS.PropertyAssignment | TS.MethodDeclaration) & { name: TS.ComputedPropertyName } =>
          (ts.isPropertyAssignment(property) || ts.isMethodDeclaration(property)) && ts.isComputedPropertyName(property.name),
      );
      if (!keyed.some((property) => nameOf(ts, property.name.expression))) return;
      for (const property of keyed) {
        const named = nameOf(ts, property.name.expression);
        if (named) add('object', named, ts.isPropertyAssignment(property) ? property.initializer : undefined, COMPUTED_KEY);
        else unreadable('object', property.name.expression, COMPUTED_KEY);
      }
    } else if (
      ts.isCallExpression(node) &&
      !node.questionDotToken &&
      node.arguments.length === 2 &&
      !ts.isSpreadElement(node.arguments[0]!) &&
      // `container.register(Token, { useClass })`, `app.register(plugin, { prefix })`: options, not a handler.
      !ts.isObjectLiteralExpression(skipParentheses(ts, node.arguments[1]!))
    ) {
      const callee = skipParentheses(ts, node.expression);
      if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken || !ts.isIdentifier(callee.name) || callee.name.text !== 'register') return;
      add('register', node.arguments[0]!, node.arguments[1], COMPUTED_MESSAGE);
    }
  });
  return found;
}
