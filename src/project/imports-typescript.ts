import type * as TS from 'typescript';
import { DEEP_IMPORT, type Construction, type ImportedName, type ImportKind, type ImportRecord, type SourceRange } from './imports.js';
import { typescript } from './typescript.js';
import type { BindingUse } from './usage.js';
import { bindingUsesOfSourceFile } from './usage-typescript.js';

/** The local names a file's top-level imports bind. */
function importedLocals(ts: typeof TS, source: TS.SourceFile): Set<string> {
  const locals = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name) locals.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) locals.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) locals.add(element.name.text);
    } else if (ts.isImportEqualsDeclaration(statement)) {
      locals.add(statement.name.text);
    }
  }
  return locals;
}

/** A node's range in ESTree terms (line 1-based, column 0-based), so both extractors agree. */
export function rangeOf(source: TS.SourceFile, node: TS.Node): SourceRange {
  const start = source.getLineAndCharacterOfPosition(node.getStart(source));
  const end = source.getLineAndCharacterOfPosition(node.getEnd());
  return { line: start.line + 1, column: start.character, endLine: end.line + 1, endColumn: end.character };
}

/**
 * Import records from a TypeScript syntax tree, the same records the ESLint rules build from
 * ESTree: same forms, kinds, names, uses and specifier ranges (line 1-based, column 0-based).
 */
export function importRecordsOfSourceFile(source: TS.SourceFile): ImportRecord[] {
  const ts = typescript();
  const uses = bindingUsesOfSourceFile(source, importedLocals(ts, source));
  const useOf = (local: string): BindingUse => uses.get(local) ?? 'type';
  const records: ImportRecord[] = [];
  const literal = (node: TS.Node | undefined): string | undefined => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined);
  const push = (node: TS.Node | undefined, kind: ImportKind, form: ImportRecord['form'], names: ImportedName[] = [], typeOnlyClause = false, sideEffect = false): void => {
    const specifier = literal(node);
    if (specifier !== undefined) records.push({ specifier, kind, typeOnlyClause, sideEffect, form, range: rangeOf(source, node!), names });
  };

  const visitStatement = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const clauseIsType = clause?.isTypeOnly ?? false;
      const names: ImportedName[] = [];
      if (clause?.name) names.push({ imported: 'default', local: clause.name.text, kind: clauseIsType ? 'type' : 'value', use: useOf(clause.name.text) });
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push({ imported: '*', local: bindings.name.text, kind: clauseIsType ? 'type' : 'value', use: useOf(bindings.name.text) });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          names.push({
            imported: (element.propertyName ?? element.name).text,
            local: element.name.text,
            kind: clauseIsType || element.isTypeOnly ? 'type' : 'value',
            use: useOf(element.name.text),
          });
        }
      }
      const kind: ImportKind = clauseIsType || (names.length > 0 && names.every((name) => name.kind === 'type')) ? 'type' : 'value';
      push(node.moduleSpecifier, kind, 'import', names, clauseIsType, clause === undefined);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const clause = node.exportClause;
      const names: ImportedName[] = [];
      if (clause && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          names.push({ imported: (element.propertyName ?? element.name).text, local: undefined, kind: node.isTypeOnly || element.isTypeOnly ? 'type' : 'value', use: 'export' });
        }
      }
      const kind: ImportKind = node.isTypeOnly || (names.length > 0 && names.every((name) => name.kind === 'type')) ? 'type' : 'value';
      push(node.moduleSpecifier, kind, 'export-from', names, node.isTypeOnly, clause === undefined || ts.isNamespaceExport(clause));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const kind: ImportKind = node.isTypeOnly ? 'type' : 'value';
      push(node.moduleReference.expression, kind, 'import-equals', [{ imported: '*', local: node.name.text, kind, use: useOf(node.name.text) }], node.isTypeOnly);
    }
  };

  const visitDeep = (node: TS.Node): void => {
    visitStatement(node);
    if (ts.isCallExpression(node) && node.arguments.length >= 1) {
      // `import('x', { with: … })` takes options; `(require)('x')` is still require.
      const callee = skipParentheses(ts, node.expression);
      if (callee.kind === ts.SyntaxKind.ImportKeyword) push(node.arguments[0], 'value', 'dynamic');
      else if (ts.isIdentifier(callee) && callee.text === 'require' && node.arguments.length === 1) push(node.arguments[0], 'value', 'require');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      push(node.argument.literal, 'type', 'type-query');
    }
  };

  if (DEEP_IMPORT.test(source.text)) walkInOrder(ts, source, visitDeep);
  else source.statements.forEach(visitStatement);
  return records.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

export function skipParentheses(ts: typeof TS, node: TS.Expression): TS.Expression {
  return ts.isParenthesizedExpression(node) ? skipParentheses(ts, node.expression) : node;
}

/**
 * Visits every node in source order with an explicit stack: generated code and minified bundles
 * nest deeper than the call stack allows a recursive walk to go. `visit` returning `false` skips the
 * node's children.
 */
export function walkInOrder(ts: typeof TS, root: TS.Node, visit: (node: TS.Node) => boolean | void): void {
  const stack: TS.Node[] = [root];
  const children: TS.Node[] = [];
  const collect = (child: TS.Node): undefined => {
    children.push(child);
    return undefined;
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    children.length = 0;
    ts.forEachChild(node, collect);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
}

/** Every `new X()` / `new ns.X()` in a TypeScript syntax tree. */
export function constructionsOfSourceFile(source: TS.SourceFile): Construction[] {
  const ts = typescript();
  const found: Construction[] = [];
  walkInOrder(ts, source, (node) => {
    if (!ts.isNewExpression(node)) return;
    const callee = skipParentheses(ts, node.expression);
    if (ts.isIdentifier(callee)) found.push({ name: callee.text, member: undefined, range: rangeOf(source, callee) });
    else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && ts.isIdentifier(callee.name)) {
      found.push({ name: callee.expression.text, member: callee.name.text, range: rangeOf(source, callee) });
    }
  });
  return found;
}

/** The first syntax error TypeScript's parser recovered from, if any (line 1-based). */
export function firstParseError(source: TS.SourceFile): { line: number; column: number; message: string } | undefined {
  const ts = typescript();
  const diagnostics = (source as TS.SourceFile & { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const position = source.getLineAndCharacterOfPosition(first.start);
  return { line: position.line + 1, column: position.character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, '; ') };
}
