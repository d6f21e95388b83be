/**
 * Ordering by UTF-16 code units (`'B.ts' < '_x.ts' < 'a.ts'`): the same on every machine, whatever
 * LANG, LC_ALL or the ICU data say. Never `localeCompare` or `Intl.Collator` for anything that
 * orders output: a committed baseline would churn between machines.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
