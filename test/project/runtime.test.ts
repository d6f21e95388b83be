import { describe, expect, it } from 'vitest';
import type { ImportRecord } from '../../src/project/imports.js';
import { decideRuntime, emitOptionsOf, type DeclaredKind, type EmitOptions } from '../../src/project/runtime.js';
import type { BindingUse } from '../../src/project/usage.js';

const plain: EmitOptions = { verbatimModuleSyntax: false, emitDecoratorMetadata: false, strictNullChecks: true };
const nest: EmitOptions = { ...plain, emitDecoratorMetadata: true };

function record(form: ImportRecord['form'], names: Array<[string, BindingUse, ('value' | 'type')?]>, extra: Partial<ImportRecord> = {}): ImportRecord {
  return {
    specifier: './x',
    kind: names.length > 0 && names.every(([, , kind]) => kind === 'type') ? 'type' : 'value',
    typeOnlyClause: false,
    sideEffect: false,
    form,
    range: { line: 1, column: 0, endLine: 1, endColumn: 5 },
    names: names.map(([imported, use, kind]) => ({ imported, local: imported, kind: kind ?? 'value', use })),
    ...extra,
  };
}

const declaredAs = (kinds: Record<string, DeclaredKind>) => (name: string) => kinds[name];
const kinds = (decided: ImportRecord) => [decided.kind, ...decided.names.map((name) => `${name.imported}:${name.kind}`)];

describe('decideRuntime: the kind of an import is what the emit keeps', () => {
  it('keeps a binding used as a value and erases one used only as a type or not at all', () => {
    expect(
      kinds(
        decideRuntime(
          record('import', [
            ['Repo', 'value'],
            ['Port', 'type'],
          ]),
          plain,
          declaredAs({}),
        ),
      ),
    ).toEqual(['value', 'Repo:value', 'Port:type']);
    expect(
      kinds(
        decideRuntime(
          record('import', [
            ['Port', 'type'],
            ['Unused', 'type'],
          ]),
          plain,
          declaredAs({}),
        ),
      ),
    ).toEqual(['type', 'Port:type', 'Unused:type']);
  });

  it('keeps a re-exported or metadata-named binding only when it is a value where declared; unknown counts as a value', () => {
    const declared = declaredAs({ Repo: 'value', Port: 'type' });
    expect(
      kinds(
        decideRuntime(
          record('import', [
            ['Repo', 'export'],
            ['Port', 'export'],
          ]),
          plain,
          declared,
        ),
      ),
    ).toEqual(['value', 'Repo:value', 'Port:type']);
    expect(
      kinds(
        decideRuntime(
          record('export-from', [
            ['Repo', 'export'],
            ['Port', 'export'],
          ]),
          plain,
          declared,
        ),
      ),
    ).toEqual(['value', 'Repo:value', 'Port:type']);
    expect(kinds(decideRuntime(record('import', [['Port', 'metadata']]), nest, declared))).toEqual(['type', 'Port:type']);
    expect(kinds(decideRuntime(record('import', [['Repo', 'metadata']]), nest, declared))).toEqual(['value', 'Repo:value']);
    expect(kinds(decideRuntime(record('import', [['Client', 'metadata']]), nest, declared))).toEqual(['value', 'Client:value']);
  });

  it('counts decorator metadata only with emitDecoratorMetadata, and `X | null` only without strictNullChecks', () => {
    const declared = declaredAs({ Repo: 'value' });
    expect(decideRuntime(record('import', [['Repo', 'metadata']]), plain, declared).kind).toBe('type');
    expect(decideRuntime(record('import', [['Repo', 'metadata-nullable']]), nest, declared).kind).toBe('type');
    expect(decideRuntime(record('import', [['Repo', 'metadata-nullable']]), { ...nest, strictNullChecks: false }, declared).kind).toBe('value');
  });

  it('keeps every import not marked `type` under verbatimModuleSyntax, `import { type A }` included', () => {
    const verbatim = { ...plain, verbatimModuleSyntax: true };
    expect(kinds(decideRuntime(record('import', [['Port', 'type']]), verbatim, declaredAs({})))).toEqual(['value', 'Port:value']);
    expect(kinds(decideRuntime(record('import', [['Port', 'type', 'type']]), verbatim, declaredAs({})))).toEqual(['value', 'Port:type']);
    expect(decideRuntime(record('import', [['Port', 'type', 'type']], { typeOnlyClause: true }), verbatim, declaredAs({})).kind).toBe('type');
  });

  it('always keeps side-effect imports, `export *`, require() and import(); never `typeof import()`', () => {
    expect(decideRuntime(record('import', [], { sideEffect: true }), plain, declaredAs({})).kind).toBe('value');
    expect(decideRuntime(record('import', []), plain, declaredAs({})).kind).toBe('type');
    expect(decideRuntime(record('export-from', [], { sideEffect: true }), plain, declaredAs({})).kind).toBe('value');
    expect(decideRuntime(record('require', []), plain, declaredAs({})).kind).toBe('value');
    expect(decideRuntime(record('dynamic', []), plain, declaredAs({})).kind).toBe('value');
    expect(decideRuntime({ ...record('type-query', []), kind: 'type' }, plain, declaredAs({})).kind).toBe('type');
  });

  it('reads the emit options off the compiler options (`strict` implies strictNullChecks unless it is turned off)', () => {
    expect(emitOptionsOf({ strict: true })).toEqual({ verbatimModuleSyntax: false, emitDecoratorMetadata: false, strictNullChecks: true });
    expect(emitOptionsOf({ strict: true, strictNullChecks: false, emitDecoratorMetadata: true }).strictNullChecks).toBe(false);
    expect(emitOptionsOf({ verbatimModuleSyntax: true }).verbatimModuleSyntax).toBe(true);
  });
});
