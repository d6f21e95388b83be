import type * as TS from 'typescript';
import type { ImportedName, ImportKind, ImportRecord } from './imports.js';

/** The compiler options that decide which imports the emitted JavaScript keeps. */
export interface EmitOptions {
  /** Every import not marked `type` is kept as written (also `import { type A }` keeps `import {}`). */
  verbatimModuleSyntax: boolean;
  /** Decorated classes keep the classes their constructor parameters (and decorated members) are typed with. */
  emitDecoratorMetadata: boolean;
  /** With it, `Repo | null` is serialized as `Object` and names no class; without it, as `Repo`. */
  strictNullChecks: boolean;
}

export function emitOptionsOf(options: TS.CompilerOptions): EmitOptions {
  return {
    verbatimModuleSyntax: options.verbatimModuleSyntax === true,
    emitDecoratorMetadata: options.emitDecoratorMetadata === true,
    strictNullChecks: options.strictNullChecks ?? options.strict === true,
  };
}

/** A declaration file (`x.d.ts`, `x.d.mts`, `x.d.cts`, `x.d.css.ts`): the compiler emits nothing for it. */
export function isDeclarationFile(file: string): boolean {
  return /\.d\.(?:[cm]?ts|[^./\\]+\.ts)$/.test(file);
}

/** A record of a file that emits nothing: every import is erased. */
export function erased(record: ImportRecord): ImportRecord {
  return { ...record, kind: 'type', names: record.names.map((name) => ({ ...name, kind: 'type' })) };
}

/** What a name is where it is declared: a value (class, function, variable, enum, namespace), a type (interface, type alias, `export type`), or unknown. */
export type DeclaredKind = 'value' | 'type' | undefined;

/** Whether the emit keeps one imported name, given how the file uses it and what it is where declared. */
function keepsName(name: ImportedName, form: ImportRecord['form'], emit: EmitOptions, declared: (imported: string) => DeclaredKind): boolean {
  if (name.kind === 'type') return false;
  if (emit.verbatimModuleSyntax) return true;
  // A re-export names the other module's export: kept exactly when that export is a value.
  if (form === 'export-from') return declared(name.imported) !== 'type';
  switch (name.use) {
    case 'value':
      return true;
    case 'export':
      return declared(name.imported) !== 'type';
    case 'metadata':
      return emit.emitDecoratorMetadata && declared(name.imported) !== 'type';
    case 'metadata-nullable':
      return emit.emitDecoratorMetadata && !emit.strictNullChecks && declared(name.imported) !== 'type';
    default:
      return false;
  }
}

/**
 * An import record with its kinds decided the way TypeScript's emit decides them: `value` when the
 * emitted JavaScript still loads the module (for the names, still binds the name), `type` when the
 * compiler erases it. `declared` answers what a name is in the imported module; an unknown answer
 * counts as a value, so a module we cannot read is never waved through as erased.
 */
export function decideRuntime(record: ImportRecord, emit: EmitOptions, declared: (imported: string) => DeclaredKind): ImportRecord {
  switch (record.form) {
    case 'require':
    case 'dynamic':
    case 'type-query':
      return record;
    default:
      break;
  }
  if (record.typeOnlyClause) return erased(record);
  // A side-effect import (`import './polyfill'`) and `export * from` are always kept; `import {} from`
  // only under verbatimModuleSyntax.
  if (record.sideEffect) return { ...record, kind: 'value' };
  const names = record.names.map((name): ImportedName => ({ ...name, kind: keepsName(name, record.form, emit, declared) ? 'value' : 'type' }));
  // Under verbatimModuleSyntax `import { type A } from 'x'` still emits `import {} from 'x'`.
  const kind: ImportKind = emit.verbatimModuleSyntax || names.some((name) => name.kind === 'value') ? 'value' : 'type';
  return { ...record, kind, names };
}
