import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Classification } from './classify.js';
import type { BindingUse } from './usage.js';
import { bindingUsesOfScopeManager } from './usage-estree.js';

/** ESTree positions: line 1-based, column 0-based. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type ImportForm = 'import' | 'export-from' | 'import-equals' | 'require' | 'dynamic' | 'type-query';
export type ImportKind = 'value' | 'type';

/**
 * One name an import binds: `imported` is the exported name (`default`, `*` for a namespace or a
 * whole-module form, or the name), `local` the binding in this file (absent when none is made).
 */
export interface ImportedName {
  imported: string;
  local: string | undefined;
  /** As written until resolution decides what the emit keeps (see runtime.ts): `type` when erased. */
  kind: ImportKind;
  /** How the file uses the binding (`export` for a re-export's names). */
  use: BindingUse;
}

/** One import edge as written in a file: what it names, how, and where the specifier is. */
export interface ImportRecord {
  specifier: string;
  /** As written (`type` when the statement or every name says `type`) until resolution decides what the emit keeps. */
  kind: ImportKind;
  /** The statement itself says `type` (`import type`, `export type`), not only its names. */
  typeOnlyClause: boolean;
  /** Loads the module whatever it binds: `import 'x'` and `export * from 'x'` (not `import {} from 'x'`). */
  sideEffect: boolean;
  form: ImportForm;
  range: SourceRange;
  /** The names bound; empty for a side-effect import or `export *`. */
  names: ImportedName[];
}

export type ImportTarget = { type: 'file'; path: string; classification: Classification } | { type: 'package'; name: string; builtin: boolean } | { type: 'unresolved'; reason: string };

export interface ResolvedImport extends ImportRecord {
  target: ImportTarget;
}

export function rangeOf(node: TSESTree.Node): SourceRange {
  return { line: node.loc.start.line, column: node.loc.start.column, endLine: node.loc.end.line, endColumn: node.loc.end.column };
}

function stringValue(node: TSESTree.Node | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function record(specifierNode: TSESTree.Node, kind: ImportKind, form: ImportForm, names: ImportedName[] = [], typeOnlyClause = false, sideEffect = false): ImportRecord | undefined {
  const specifier = stringValue(specifierNode);
  return specifier === undefined ? undefined : { specifier, kind, typeOnlyClause, sideEffect, form, range: rangeOf(specifierNode), names };
}

type Uses = ReadonlyMap<string, BindingUse> | undefined;

/** How the file uses a local binding: unused counts as `type` (erased); without usage facts, as `value`. */
function useOf(uses: Uses, local: string): BindingUse {
  return uses ? (uses.get(local) ?? 'type') : 'value';
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}

function importedNames(node: TSESTree.ImportDeclaration, uses: Uses): ImportedName[] {
  return node.specifiers.map((specifier) => {
    const kind: ImportKind = node.importKind === 'type' || (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') ? 'type' : 'value';
    const local = specifier.local.name;
    const use = useOf(uses, local);
    if (specifier.type === 'ImportDefaultSpecifier') return { imported: 'default', local, kind, use };
    if (specifier.type === 'ImportNamespaceSpecifier') return { imported: '*', local, kind, use };
    return { imported: nameOf((specifier as TSESTree.ImportSpecifier).imported), local, kind, use };
  });
}

function exportedNames(node: TSESTree.ExportNamedDeclaration): ImportedName[] {
  return node.specifiers.map((specifier) => ({
    imported: nameOf(specifier.local),
    local: undefined,
    kind: node.exportKind === 'type' || specifier.exportKind === 'type' ? 'type' : 'value',
    use: 'export',
  }));
}

/** An import is type-only when it says `import type`, or every one of its (one or more) specifiers says `type`. */
function importKind(node: TSESTree.ImportDeclaration): ImportKind {
  if (node.importKind === 'type') return 'type';
  const { specifiers } = node;
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') ? 'type' : 'value';
}

function exportKind(node: TSESTree.ExportNamedDeclaration): ImportKind {
  if (node.exportKind === 'type') return 'type';
  const { specifiers } = node;
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.exportKind === 'type') ? 'type' : 'value';
}

/**
 * The import record an ESTree node carries, or undefined (a computed specifier, a `require` with no
 * literal). `uses` says how the file uses each imported binding (see usage-estree.ts).
 */
export function importRecordFromEstree(node: TSESTree.Node, uses?: Uses, text?: string): ImportRecord | undefined {
  switch (node.type) {
    case 'ImportDeclaration':
      return record(node.source, importKind(node), 'import', importedNames(node, uses), node.importKind === 'type', isSideEffectImport(node, text));
    case 'ExportNamedDeclaration':
      return node.source ? record(node.source, exportKind(node), 'export-from', exportedNames(node), node.exportKind === 'type') : undefined;
    case 'ExportAllDeclaration':
      return record(node.source, node.exportKind === 'type' ? 'type' : 'value', 'export-from', [], node.exportKind === 'type', true);
    case 'TSImportEqualsDeclaration': {
      if (node.moduleReference.type !== 'TSExternalModuleReference') return undefined;
      const kind: ImportKind = node.importKind === 'type' ? 'type' : 'value';
      return record(node.moduleReference.expression, kind, 'import-equals', [{ imported: '*', local: node.id.name, kind, use: useOf(uses, node.id.name) }], node.importKind === 'type');
    }
    case 'CallExpression':
      return node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1 ? record(node.arguments[0]!, 'value', 'require') : undefined;
    case 'ImportExpression':
      return record(node.source, 'value', 'dynamic');
    case 'TSImportType':
      return record(node.source, 'type', 'type-query');
    default:
      return undefined;
  }
}

/** `import 'x'` binds nothing and says so; `import {} from 'x'` binds nothing too, but has a clause the emit may drop. */
function isSideEffectImport(node: TSESTree.ImportDeclaration, text: string | undefined): boolean {
  if (node.specifiers.length > 0) return false;
  return text === undefined || !text.slice(node.range[0], node.source.range[0]).includes('{');
}

/** The local names a file's top-level imports bind. */
function importedLocals(program: TSESTree.Program): Set<string> {
  const locals = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') for (const specifier of statement.specifiers) locals.add(specifier.local.name);
    else if (statement.type === 'TSImportEqualsDeclaration') locals.add(statement.id.name);
  }
  return locals;
}

/** Text that may hold a `require(` (also `(require)(`) or `import(` below the top level: only then is a whole-tree walk needed. */
export const DEEP_IMPORT = /\brequire\s*\)*\s*\(|\bimport\s*\(/;

/**
 * Every import record of a parsed file, in source order. Static imports and exports sit at the
 * top level, so a walk of the whole tree is only needed when the text mentions `require(` or
 * `import(` somewhere; most files skip it.
 */
export function importRecordsOfProgram(
  program: TSESTree.Program,
  text: string,
  visitorKeys: Readonly<Record<string, readonly string[] | undefined>>,
  scopeManager: TSESLint.Scope.ScopeManager | null,
): ImportRecord[] {
  const uses = scopeManager ? bindingUsesOfScopeManager(scopeManager, importedLocals(program)) : undefined;
  const records: ImportRecord[] = [];
  if (!DEEP_IMPORT.test(text)) {
    for (const statement of program.body) {
      const found = importRecordFromEstree(statement, uses, text);
      if (found) records.push(found);
    }
    return records;
  }
  walk(program, visitorKeys, (node) => {
    const found = importRecordFromEstree(node, uses, text);
    if (found) records.push(found);
  });
  return records.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
}

/** A `new` expression whose callee is an identifier (`new X()`) or a member of one (`new ns.X()`). */
export interface Construction {
  name: string;
  member: string | undefined;
  range: SourceRange;
}

/** Visits `root` and every node below it in source order, with an explicit stack; `visit` returning `false` skips the node's children. */
export function walk(root: TSESTree.Node, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>, visit: (node: TSESTree.Node) => boolean | void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
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
}

/** Every `new X()` / `new ns.X()` in a file, for the rules that care what a module constructs. */
export function constructionsOfProgram(program: TSESTree.Program, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): Construction[] {
  const found: Construction[] = [];
  walk(program, visitorKeys, (node) => {
    if (node.type !== 'NewExpression') return;
    const { callee } = node;
    if (callee.type === 'Identifier') found.push({ name: callee.name, member: undefined, range: rangeOf(callee) });
    else if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.property.type === 'Identifier' && !callee.computed) {
      found.push({ name: callee.object.name, member: callee.property.name, range: rangeOf(callee) });
    }
  });
  return found;
}
