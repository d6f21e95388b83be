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

/** The node types that can carry an import; a rule listens to exactly these. */
export const IMPORT_NODE_SELECTORS = [
  'ImportDeclaration',
  'ExportNamedDeclaration[source]',
  'ExportAllDeclaration',
  'TSImportEqualsDeclaration',
  'CallExpression[callee.type="Identifier"][callee.name="require"]',
  'ImportExpression',
  'TSImportType',
] as const;

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
      return node.arguments.length === 1 ? record(node.arguments[0]!, 'value', 'require') : undefined;
    case 'ImportExpression':
      return record(node.source, 'value', 'dynamic');
    case 'TSImportType':
      return record(node.source, 'type', 'type-query');
    default:
      return undefined;
  }
}
