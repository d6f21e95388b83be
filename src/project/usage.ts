/**
 * How a file uses a name it imports, as far as TypeScript's emit cares. The emit keeps an import
 * specifier when its binding is used as a value; drops it when the binding is used only in type
 * positions or not at all; and, in between, keeps it only when the name is a value where it is
 * declared: when the file re-exports it (`export { X }`, `export default X`) or when decorator
 * metadata names it (the type of a decorated class's constructor parameter, with
 * `emitDecoratorMetadata`). Ordered from the strongest use to the weakest; a name used several
 * ways counts by its strongest use.
 *
 * - `value`: referenced where a value is read (a call, `new`, `extends`, a decorator, an argument).
 * - `export`: re-exported; kept when the name is a value where it is declared.
 * - `metadata`: named by decorator metadata; kept with `emitDecoratorMetadata` when it is a value.
 * - `metadata-nullable`: named by decorator metadata only once `null`/`undefined` are dropped from a
 *   union (`Repo | null`), which the compiler does only without `strictNullChecks`.
 * - `type`: only in type positions (annotations, `implements`, generics, `typeof X` in a type), or unused.
 */
export type BindingUse = 'value' | 'export' | 'metadata' | 'metadata-nullable' | 'type';

const STRENGTH: Readonly<Record<BindingUse, number>> = { value: 4, export: 3, metadata: 2, 'metadata-nullable': 1, type: 0 };

export function strongerUse(a: BindingUse | undefined, b: BindingUse): BindingUse {
  return a === undefined || STRENGTH[b] > STRENGTH[a] ? b : a;
}

/** Records one more use of `name` in a map of uses, keeping the strongest. */
export function addUse(uses: Map<string, BindingUse>, name: string, use: BindingUse): void {
  uses.set(name, strongerUse(uses.get(name), use));
}
