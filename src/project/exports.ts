import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import type { Resolver } from './resolve.js';
import { typescript } from './typescript.js';

/** What a module exports, as far as following re-exports needs: its own names, forwarded names, and `export *` sources. */
interface ExportMap {
  declared: Set<string>;
  forwarded: Map<string, { specifier: string; imported: string }>;
  stars: string[];
}

export interface ExportIndex {
  /** The file that defines `name` as exported by `file`, following barrels' re-exports; `file` itself when it is not re-exported. */
  definingFile(file: string, name: string): string;
  /**
   * The files a barrel re-exports, following nested barrels (`index.*`) but not parsing the
   * modules they point at: cheap enough to ask before paying for `definingFile`.
   */
  reexportedFiles(barrel: string): readonly string[];
}

const MAX_DEPTH = 16;

function hasExportModifier(ts: typeof TS, node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function readExportMap(ts: typeof TS, file: string): ExportMap {
  const map: ExportMap = { declared: new Set(), forwarded: new Map(), stars: [] };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return map;
  }
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const imports = new Map<string, { specifier: string; imported: string }>();
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name) imports.set(clause.name.text, { specifier, imported: 'default' });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { specifier, imported: '*' });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) imports.set(element.name.text, { specifier, imported: (element.propertyName ?? element.name).text });
      }
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) map.stars.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier) map.forwarded.set(clause.name.text, { specifier, imported: '*' });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          const forwardedFrom = specifier ? { specifier, imported: local } : imports.get(local);
          if (forwardedFrom) map.forwarded.set(element.name.text, forwardedFrom);
          else map.declared.add(element.name.text);
        }
      }
    } else if (hasExportModifier(ts, statement)) {
      const named = statement as TS.Node & { name?: TS.Node };
      if (named.name && ts.isIdentifier(named.name)) map.declared.add(named.name.text);
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) map.declared.add(declaration.name.text);
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      map.declared.add('default');
    }
  }
  return map;
}

/**
 * Follows barrels (`export * from`, `export { X } from`, `import { X } …; export { X }`) to the
 * file that defines a name, parsing each module once with TypeScript's parser (no type checker).
 */
export function createExportIndex(resolver: Resolver): ExportIndex {
  const maps = new Map<string, ExportMap>();
  const exportMap = (file: string): ExportMap => {
    let map = maps.get(file);
    if (!map) maps.set(file, (map = readExportMap(typescript(), file)));
    return map;
  };
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
      const next = target(star, file);
      const found = next && find(next, name, depth + 1, seen);
      if (found) return found;
    }
    return undefined;
  }

  const closures = new Map<string, string[]>();
  function reexportedFiles(barrel: string): string[] {
    let closure = closures.get(barrel);
    if (closure) return closure;
    closures.set(barrel, (closure = []));
    const map = exportMap(barrel);
    const specifiers = [...map.stars, ...[...map.forwarded.values()].map((forwarded) => forwarded.specifier)];
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
  };
}
