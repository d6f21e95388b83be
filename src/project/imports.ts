import type { TSESTree } from '@typescript-eslint/utils';
import type { Classification } from './classify.js';

/** ESTree positions: line 1-based, column 0-based. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ImportForm = 'import' | 'export-from' | 'import-equals' | 'require' | 'dynamic' | 'type-query';
export type ImportKind = 'value' | 'type';

/** One import edge as written in a file: what it names, how, and where the specifier is. */
export interface ImportRecord {
  specifier: string;
  kind: ImportKind;
  form: ImportForm;
  range: SourceRange;
}

export type ImportTarget =
  | { type: 'file'; path: string; classification: Classification }
  | { type: 'package'; name: string; builtin: boolean }
  | { type: 'unresolved'; reason: string };

export interface ResolvedImport extends ImportRecord {
  target: ImportTarget;
}

function rangeOf(node: TSESTree.Node): SourceRange {
  return { line: node.loc.start.line, column: node.loc.start.column, endLine: node.loc.end.line, endColumn: node.loc.end.column };
}

function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function record(specifierNode: TSESTree.Node, kind: ImportKind, form: ImportForm): ImportRecord | undefined {
  const specifier = stringValue(specifierNode);
  return specifier === undefined ? undefined : { specifier, kind, form, range: rangeOf(specifierNode) };
}

/** An import is type-only when it says `import type`, or every one of its (one or more) specifiers says `type`. */
function importKind(node: TSESTree.ImportDeclaration): ImportKind {
  if (node.importKind === 'type') return 'type';
  const { specifiers } = node;
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && specifier.importKind === 'type')
    ? 'type'
    : 'value';
}

function exportKind(node: TSESTree.ExportNamedDeclaration): ImportKind {
  if (node.exportKind === 'type') return 'type';
  const { specifiers } = node;
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.exportKind === 'type') ? 'type' : 'value';
}

/** The import record an ESTree node carries, or undefined (a computed specifier, a `require` with no literal). */
export function importRecordFromEstree(node: TSESTree.Node): ImportRecord | undefined {
  switch (node.type) {
    case 'ImportDeclaration':
      return record(node.source, importKind(node), 'import');
    case 'ExportNamedDeclaration':
      return node.source ? record(node.source, exportKind(node), 'export-from') : undefined;
    case 'ExportAllDeclaration':
      return record(node.source, node.exportKind === 'type' ? 'type' : 'value', 'export-from');
    case 'TSImportEqualsDeclaration':
      return node.moduleReference.type === 'TSExternalModuleReference'
        ? record(node.moduleReference.expression, node.importKind === 'type' ? 'type' : 'value', 'import-equals')
        : undefined;
    case 'CallExpression':
      return node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1
        ? record(node.arguments[0]!, 'value', 'require')
        : undefined;
    case 'ImportExpression':
      return record(node.source, 'value', 'dynamic');
    case 'TSImportType':
      return record(node.source, 'type', 'type-query');
    default:
      return undefined;
  }
}

const DEEP_IMPORT = /\brequire\s*\(|\bimport\s*\(/;

/**
 * Every import record of a parsed file, in source order. Static imports and exports sit at the
 * top level, so a walk of the whole tree is only needed when the text mentions `require(` or
 * `import(` somewhere; most files skip it.
 */
export function importRecordsOfProgram(
  program: TSESTree.Program,
  text: string,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
): ImportRecord[] {
  const records: ImportRecord[] = [];
  if (!DEEP_IMPORT.test(text)) {
    for (const statement of program.body) {
      const found = importRecordFromEstree(statement);
      if (found) records.push(found);
    }
    return records;
  }
  const stack: TSESTree.Node[] = [program];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const found = importRecordFromEstree(node);
    if (found) records.push(found);
    const keys = visitorKeys[node.type] ?? [];
    for (let index = keys.length - 1; index >= 0; index--) {
      const child = (node as unknown as Record<string, unknown>)[keys[index]!];
      if (Array.isArray(child)) {
        for (let item = child.length - 1; item >= 0; item--) if (child[item]) stack.push(child[item] as TSESTree.Node);
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return records.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}
