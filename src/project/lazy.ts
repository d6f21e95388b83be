/** A fact computed on its first use and kept: most checks need only some of a file's facts. */
export function lazy<T>(compute: () => T): () => T {
  let value: { of: T } | undefined;
  return () => (value ??= { of: compute() }).of;
}
