import type * as TS from 'typescript';
import { rangeOf, skipParentheses, walkInOrder } from './imports-typescript.js';
import { lastName } from './exports.js';
import { isHandlerDecorator, type Registration } from './registrations.js';
import { typescript } from './typescript.js';

function reference(ts: typeof TS, argument: TS.Expression | undefined): Registration['message'] | undefined {
  if (!argument) return undefined;
  const node = skipParentheses(ts, argument);
  if (ts.isIdentifier(node)) return { name: node.text, member: undefined };
  if (ts.isPropertyAccessExpression(node) && !node.questionDotToken && ts.isIdentifier(node.expression) && ts.isIdentifier(node.name)) return { name: node.expression.text, member: node.name.text };
  return undefined;
}

/** Every handler registration in a file, from TypeScript's tree (the same as registrationsOfProgram). */
export function registrationsOfSourceFile(source: TS.SourceFile): Registration[] {
  const ts = typescript();
  const found: Registration[] = [];
  walkInOrder(ts, source, (node) => {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && ts.canHaveDecorators(node)) {
      for (const decorator of ts.getDecorators(node) ?? []) {
        if (!ts.isCallExpression(decorator.expression)) continue;
        const name = lastName(ts, decorator.expression.expression);
        if (!isHandlerDecorator(name)) continue;
        for (const argument of decorator.expression.arguments) {
          const message = reference(ts, argument);
          if (message) found.push({ via: 'decorator', decorator: name, message, handler: node.name?.text, range: rangeOf(source, skipParentheses(ts, argument)) });
        }
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Map' && node.arguments?.[0] && ts.isArrayLiteralExpression(node.arguments[0])) {
      for (const entry of node.arguments[0].elements) {
        if (!ts.isArrayLiteralExpression(entry) || entry.elements.length !== 2) continue;
        const message = reference(ts, entry.elements[0]);
        const handler = skipParentheses(ts, entry.elements[1]!);
        if (message)
          found.push({ via: 'map', decorator: undefined, message, handler: ts.isIdentifier(handler) ? handler.text : undefined, range: rangeOf(source, skipParentheses(ts, entry.elements[0]!)) });
      }
    } else if (ts.isCallExpression(node) && !node.questionDotToken && node.arguments.length === 2) {
      const callee = skipParentheses(ts, node.expression);
      if (!ts.isPropertyAccessExpression(callee) || callee.questionDotToken || !ts.isIdentifier(callee.name) || callee.name.text !== 'register') return;
      const message = reference(ts, node.arguments[0]);
      const handler = skipParentheses(ts, node.arguments[1]!);
      if (message)
        found.push({ via: 'register', decorator: undefined, message, handler: ts.isIdentifier(handler) ? handler.text : undefined, range: rangeOf(source, skipParentheses(ts, node.arguments[0]!)) });
    }
  });
  return found;
}
