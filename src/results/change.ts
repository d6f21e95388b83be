import type { AuditResult, Violation } from './violation.js';

/** Fail-closed findings kept whatever the change: a deleted or renamed file breaks its importers, which the change does not list. */
const ALWAYS_KEPT = new Set(['cosmic/no-unresolved-imports']);

/** Whether a violation involves a changed file: where it is, what it imports, or a hop of its chain. */
function touches(violation: Violation, changed: ReadonlySet<string>): boolean {
  if (changed.has(violation.file) || ALWAYS_KEPT.has(violation.ruleId)) return true;
  if (violation.to?.file && changed.has(violation.to.file)) return true;
  return violation.chain.some((hop) => changed.has(hop.file));
}

/**
 * Keeps the violations a change touches (`--changed-since`): the whole project was checked, so a
 * chain or an import into a changed file is still found from an unchanged one; the others are left
 * out and counted in `summary.outsideChange`. Diagnostics are never left out.
 */
export function limitToChange(result: AuditResult, changed: ReadonlySet<string>): void {
  const kept = result.violations.filter((violation) => touches(violation, changed));
  const live = kept.filter((violation) => !violation.baselined);
  result.summary.outsideChange = result.violations.filter((violation) => !violation.baselined).length - live.length;
  result.violations = kept;
  result.summary.errors = live.filter((violation) => violation.severity === 'error').length;
  result.summary.warnings = live.filter((violation) => violation.severity === 'warning').length;
  result.summary.baselined = kept.length - live.length;
}
