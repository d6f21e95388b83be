import { CosmicError } from '../config/errors.js';
import { compareText } from '../config/order.js';
import type { AuditResult, Violation } from './violation.js';

/** A known violation, by fingerprint; the rest is there so a reviewer can read the diff. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  target: string;
}

export interface Baseline {
  version: 1;
  tool: 'cosmic-lint';
  violations: BaselineEntry[];
}

function entryOf(violation: Violation): BaselineEntry {
  return {
    fingerprint: violation.fingerprint,
    ruleId: violation.ruleId,
    file: violation.file,
    target: violation.to?.package ?? violation.to?.file ?? violation.specifier ?? '',
  };
}

/** Reads a baseline file's text; a broken one is a config error naming the file, never an empty baseline. */
export function parseBaseline(text: string, file: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CosmicError('config', `the baseline is not valid JSON: ${(error as Error).message}`, file);
  }
  const baseline = value as Partial<Baseline>;
  if (baseline.version !== 1 || !Array.isArray(baseline.violations) || baseline.violations.some((entry) => typeof entry?.fingerprint !== 'string')) {
    throw new CosmicError('config', 'not a cosmic-lint baseline (expected { "version": 1, "violations": [{ "fingerprint": … }] })', file);
  }
  return baseline as Baseline;
}

/** Stable text for clean diffs: entries sorted by file, rule, target, fingerprint (code units, whatever the locale); two-space JSON. */
export function formatBaseline(baseline: Baseline): string {
  const violations = [...baseline.violations].sort(
    (a, b) => compareText(a.file, b.file) || compareText(a.ruleId, b.ruleId) || compareText(a.target, b.target) || compareText(a.fingerprint, b.fingerprint),
  );
  return `${JSON.stringify({ version: 1, tool: 'cosmic-lint', violations }, null, 2)}\n`;
}

/** Hides known violations (marks them `baselined`), recounts the summary, and lists entries no longer found. */
export function applyBaseline(result: AuditResult, baseline: Baseline): void {
  const known = new Map(baseline.violations.map((entry) => [entry.fingerprint, entry]));
  const matched = new Set<string>();
  for (const violation of result.violations) {
    if (known.has(violation.fingerprint)) {
      violation.baselined = true;
      matched.add(violation.fingerprint);
    }
  }
  const live = result.violations.filter((violation) => !violation.baselined);
  result.summary.errors = live.filter((violation) => violation.severity === 'error').length;
  result.summary.warnings = live.filter((violation) => violation.severity === 'warning').length;
  result.summary.baselined = result.violations.length - live.length;
  result.staleBaseline = baseline.violations.filter((entry) => !matched.has(entry.fingerprint));
}

/**
 * The baseline `--update-baseline` writes. A ratchet: entries whose violation is gone are dropped,
 * and new violations are added only with `force` (or when there was no baseline yet).
 */
export function updateBaseline(result: AuditResult, previous: Baseline | undefined, force: boolean): { baseline: Baseline; added: number; removed: number; notAdded: number } {
  const current = new Map(result.violations.map((violation) => [violation.fingerprint, entryOf(violation)]));
  const kept = (previous?.violations ?? []).filter((entry) => current.has(entry.fingerprint));
  const keptPrints = new Set(kept.map((entry) => entry.fingerprint));
  const fresh = [...current.values()].filter((entry) => !keptPrints.has(entry.fingerprint));
  const adding = force || previous === undefined;
  return {
    baseline: { version: 1, tool: 'cosmic-lint', violations: adding ? [...kept, ...fresh] : kept },
    added: adding ? fresh.length : 0,
    removed: (previous?.violations.length ?? 0) - kept.length,
    notAdded: adding ? 0 : fresh.length,
  };
}
