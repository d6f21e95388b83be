import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { createMemo, dependOnContent } from '../config/watch.js';
import type { Resolver } from './resolve.js';
import type { DeclaredKind } from './runtime.js';
import { exceedsNesting } from './nesting.js';
import { parseOptions, typescript } from './typescript.js';

type Kind = 'value' | 'type';

/**
 * What a module exports, as far as following re-exports needs: its own names (and whether each is
 * a value or only a type), forwarded names, and `export *` sources.
 */
interface ExportMap {
  declared: Map<string, Kind>;
  forwarded: Map<string, { specifier: string; imported: string; typeOnly: boolean }>;
  stars: Array<{ specifier: string; typeOnly: boolean }>;
  /** Its top-level classes by name (`default` too, for `export default class`): the base class and decorators each names. */
  classes: Map<string, ClassHeritage>;
}

/** What a class declaration says it is: the base it extends (the last name of `extends a.B<T>`: `B`) and its decorators' names. */
export interface ClassHeritage {
  extends: string | undefined;
  decorators: string[];
}

/** An export map as plain data, for the audit's cache. */
export interface ExportMapData {
  declared: Array<[string, Kind]>;
  forwarded: Array<[string, { specifier: string; imported: string; typeOnly: boolean }]>;
  stars: Array<{ specifier: string; typeOnly: boolean }>;
  classes: Array<[string, ClassHeritage]>;
}

function toData(map: ExportMap): ExportMapData {
  return { declared: [...map.declared], forwarded: [...map.forwarded], stars: map.stars, classes: [...map.classes] };
}

function fromData(data: ExportMapData): ExportMap {
  return { declared: new Map(data.declared), forwarded: new Map(data.forwarded), stars: data.stars, classes: new Map(data.classes) };
}

export interface ExportIndex {
  /** The file that defines `name` as exported by `file`, following barrels' re-exports; `file` itself when it is not re-exported. */
  definingFile(file: string, name: string): string;
  /**
   * What `name`, as exported by `file`, is where it is declared, following re-exports: a value
   * (class, function, variable, enum, namespace) or only a type (interface, type alias, a name
   * exported with `export type`); undefined when it cannot be told.
   */
  declarationKind(file: string, name: string): DeclaredKind;
  /** Hands over a file the caller has parsed already, so it is not parsed a second time (its export map is read now; the tree is not kept). */
  remember(file: string, source: TS.SourceFile): void;
  /** A remembered file's export map as plain data, for the audit's cache. */
  dataOf(file: string): ExportMapData;
  /** Hands over a file's export map taken in an earlier run (the audit's cache). */
  rememberData(file: string, data: ExportMapData): void;
  /**
   * The files a barrel re-exports, following nested barrels (`index.*`) but not parsing the
   * modules they point at: cheap enough to ask before paying for `definingFile`.
   */
  reexportedFiles(barrel: string): readonly string[];
  /** The heritage of the class `name` that `file` exports, found where it is defined; undefined when it is no class (or cannot be told). */
  classOf(file: string, name: string): ClassHeritage | undefined;
}

const MAX_DEPTH = 16;

function hasExportModifier(ts: typeof TS, node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDefaultModifier(ts: typeof TS, node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
}

/** A namespace is a value only when it holds something besides types. */
function namespaceKind(ts: typeof TS, declaration: TS.ModuleDeclaration): Kind {
  const body = declaration.body;
  if (!body) return 'type';
  if (ts.isModuleDeclaration(body)) return namespaceKind(ts, body);
  if (!ts.isModuleBlock(body)) return 'value';
  return body.statements.every((statement) => ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) ? 'type' : 'value';
}

/** What a top-level declaration declares: interfaces and type aliases are types; classes, functions, variables, enums are values. */
function declarationKindOf(ts: typeof TS, statement: TS.Statement): Kind | undefined {
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return 'type';
  if (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isVariableStatement(statement) || ts.isEnumDeclaration(statement)) return 'value';
  if (ts.isModuleDeclaration(statement)) return namespaceKind(ts, statement);
  return undefined;
}

/** The last name of `X` or `a.X` (a decorator's or a base class's): `X`. */
export function lastName(ts: typeof TS, expression: TS.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  return undefined;
}

export function classHeritage(ts: typeof TS, node: TS.ClassLikeDeclaration): ClassHeritage {
  const base = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  const decorators = (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).flatMap((decorator) => {
    const expression = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    const name = lastName(ts, expression);
    return name ? [name] : [];
  });
  return { extends: base ? lastName(ts, base) : undefined, decorators };
}

/** A value wins over a type of the same name (declaration merging: `interface X` and `class X`). */
function merge(map: Map<string, Kind>, name: string, kind: Kind): void {
  if (map.get(name) !== 'value') map.set(name, kind);
}

function readExportMap(ts: typeof TS, file: string, parsed: TS.SourceFile | undefined): ExportMap {
  const map: ExportMap = { declared: new Map(), forwarded: new Map(), stars: [], classes: new Map() };
  let source = parsed;
  if (!source) {
    let text: string;
    dependOnContent(file);
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return map;
    }
    // Nested past the audit's limit: it declares nothing we can tell (the audit reports the file).
    if (exceedsNesting(ts, text, file) !== undefined) return map;
    try {
      source = ts.createSourceFile(file, text, parseOptions(ts), false);
    } catch (error) {
      // Nested deeper than the parser's stack: the audit reports the file itself; here it declares
      // nothing we can tell, so a name imported from it counts as a value (a runtime dependency).
      if (error instanceof RangeError) return map;
      throw error;
    }
  }
  const imports = new Map<string, { specifier: string; imported: string; typeOnly: boolean }>();
  const locals = new Map<string, Kind>();
  const localExports: Array<{ local: string; exported: string; typeOnly: boolean }> = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      const typeOnly = clause.isTypeOnly;
      if (clause.name) imports.set(clause.name.text, { specifier, imported: 'default', typeOnly });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { specifier, imported: '*', typeOnly });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text, typeOnly: typeOnly || element.isTypeOnly });
        }
      }
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) map.stars.push({ specifier, typeOnly: statement.isTypeOnly });
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier) map.forwarded.set(clause.name.text, { specifier, imported: '*', typeOnly: statement.isTypeOnly });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          const typeOnly = statement.isTypeOnly || element.isTypeOnly;
          if (specifier) map.forwarded.set(element.name.text, { specifier, imported: local, typeOnly });
          else localExports.push({ local, exported: element.name.text, typeOnly });
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      const expression = statement.expression;
      if (ts.isIdentifier(expression)) localExports.push({ local: expression.text, exported: 'default', typeOnly: false });
      else map.declared.set('default', 'value');
    } else {
      const kind = declarationKindOf(ts, statement);
      if (!kind) continue;
      if (ts.isClassDeclaration(statement)) {
        const heritage = classHeritage(ts, statement);
        if (statement.name) map.classes.set(statement.name.text, heritage);
        if (hasDefaultModifier(ts, statement)) map.classes.set('default', heritage);
      }
      const names: string[] = [];
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
      } else {
        const name = (statement as TS.Node & { name?: TS.Node }).name;
        if (name && ts.isIdentifier(name)) names.push(name.text);
      }
      for (const name of names) merge(locals, name, kind);
      if (hasExportModifier(ts, statement)) {
        if (hasDefaultModifier(ts, statement)) merge(map.declared, 'default', kind);
        else for (const name of names) merge(map.declared, name, kind);
      }
    }
  }
  // `export { X }` of a local declaration declares X here; of an import, forwards it.
  for (const { local, exported, typeOnly } of localExports) {
    const imported = imports.get(local);
    if (imported && !locals.has(local)) map.forwarded.set(exported, { ...imported, typeOnly: typeOnly || imported.typeOnly });
    else merge(map.declared, exported, typeOnly ? 'type' : (locals.get(local) ?? 'value'));
  }
  return map;
}

/**
 * Follows barrels (`export * from`, `export { X } from`, `import { X } …; export { X }`) to the
 * file that defines a name, parsing each module once with TypeScript's parser (no type checker).
 */
export function createExportIndex(resolver: Resolver, options: { watch?: boolean } = {}): ExportIndex {
  const watch = options.watch ?? false;
  const maps = createMemo<string, ExportMap>(watch);
  const exportMap = (file: string, parsed?: TS.SourceFile): ExportMap => maps.get(file, () => readExportMap(typescript(), file, parsed));
  const target = (specifier: string, from: string): string | undefined => {
    const resolved = resolver.resolve(specifier, from);
    return resolved.type === 'file' ? resolved.path : undefined;
  };

  function find(file: string, name: string, depth: number, seen: Set<string>): string | undefined {
    if (depth > MAX_DEPTH || seen.has(`${file}\0${name}`)) return undefined;
    seen.add(`${file}\0${name}`);
    const map = exportMap(file);
    if (map.declared.has(name)) return file;
    const forwarded = map.forwarded.get(name);
    if (forwarded) {
      const next = target(forwarded.specifier, file);
      if (!next) return undefined;
      return forwarded.imported === '*' ? next : (find(next, forwarded.imported, depth + 1, seen) ?? next);
    }
    if (name === 'default') return undefined;
    for (const star of map.stars) {
      const next = target(star.specifier, file);
      const found = next && find(next, name, depth + 1, seen);
      if (found) return found;
    }
    return undefined;
  }

  function kindOf(file: string, name: string, depth: number, seen: Set<string>): DeclaredKind {
    if (depth > MAX_DEPTH || seen.has(`${file}\0${name}`)) return undefined;
    seen.add(`${file}\0${name}`);
    const map = exportMap(file);
    const declared = map.declared.get(name);
    if (declared) return declared;
    const forwarded = map.forwarded.get(name);
    if (forwarded) {
      if (forwarded.typeOnly) return 'type';
      if (forwarded.imported === '*') return 'value';
      const next = target(forwarded.specifier, file);
      return next ? kindOf(next, forwarded.imported, depth + 1, seen) : undefined;
    }
    if (name === 'default') return undefined;
    for (const star of map.stars) {
      const next = target(star.specifier, file);
      const found = next && kindOf(next, name, depth + 1, seen);
      if (found) return star.typeOnly ? 'type' : found;
    }
    return undefined;
  }

  const closures = createMemo<string, string[]>(watch);
  const following = new Set<string>();
  function reexportedFiles(barrel: string): string[] {
    // A cycle of barrels ends where it started.
    if (following.has(barrel)) return [];
    following.add(barrel);
    try {
      return closures.get(barrel, () => closureOf(barrel));
    } finally {
      following.delete(barrel);
    }
  }
  function closureOf(barrel: string): string[] {
    const closure: string[] = [];
    const map = exportMap(barrel);
    const specifiers = [...map.stars.map((star) => star.specifier), ...[...map.forwarded.values()].map((forwarded) => forwarded.specifier)];
    for (const specifier of new Set(specifiers)) {
      const next = target(specifier, barrel);
      if (!next) continue;
      closure.push(next);
      if (/^index\.[cm]?[jt]sx?$/.test(path.basename(next))) closure.push(...reexportedFiles(next));
    }
    return closure;
  }

  return {
    definingFile(file, name) {
      return find(path.resolve(file), name, 0, new Set()) ?? file;
    },
    reexportedFiles: (barrel) => reexportedFiles(path.resolve(barrel)),
    // A namespace import names the module object itself: a value.
    declarationKind: (file, name) => (name === '*' ? 'value' : kindOf(path.resolve(file), name, 0, new Set())),
    // The map is taken at once (a scan of the top-level statements), so the tree is not kept for it.
    remember(file, source) {
      exportMap(file, source);
    },
    dataOf: (file) => toData(exportMap(file)),
    rememberData(file, data) {
      maps.get(file, () => fromData(data));
    },
    classOf(file, name) {
      const defining = find(path.resolve(file), name, 0, new Set());
      return defining ? exportMap(defining).classes.get(name) : undefined;
    },
  };
}
