import type * as TS from 'typescript';
import { rangeOf, skipParentheses, walkInOrder } from './imports-typescript.js';
import { typescript } from './typescript.js';
import { callWrite, sqlText, WRITING_SQL, type WriteSite } from './writes.js';

export function chain(ts: typeof TS, expression: TS.Expression): string[] | undefined {
  const node = skipParentheses(ts, expression);
  if (ts.isIdentifier(node)) return [node.text];
  if (node.kind === ts.SyntaxKind.ThisKeyword) return ['this'];
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
    const object = chain(ts, node.expression);
    return object ? [...object, node.name.text] : undefined;
  }
  return undefined;
}

/** Every write in a file, from TypeScript's tree (the same as writesOfProgram). */
export function writesOfSourceFile(source: TS.SourceFile): WriteSite[] {
  const ts = typescript();
  const found: WriteSite[] = [];
  walkInOrder(ts, source, (node) => {
    if (ts.isCallExpression(node)) {
      const callee = skipParentheses(ts, node.expression);
      if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name)) return;
      const names = chain(ts, callee.expression);
      const kind = names ? callWrite(names, callee.name.text) : undefined;
      if (kind) found.push({ kind, text: `${names!.join('.')}.${callee.name.text}(…)`, range: rangeOf(source, callee.name) });
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (WRITING_SQL.test(node.text)) found.push({ kind: 'sql', text: sqlText(node.text), range: rangeOf(source, node) });
    } else if (ts.isTemplateExpression(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('${…}');
      if (WRITING_SQL.test(text)) found.push({ kind: 'sql', text: sqlText(text), range: rangeOf(source, node) });
    }
  });
  return found;
}
