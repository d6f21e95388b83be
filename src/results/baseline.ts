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
  const baseline = value as { version?: unknown; violations?: unknown };
  if (baseline === null || typeof baseline !== 'object' || baseline.version !== 1 || !Array.isArray(baseline.violations)) {
    throw new CosmicError('config', 'not a cosmic-lint baseline (expected { "version": 1, "violations": [{ "fingerprint": … }] })', file);
  }
  return { version: 1, tool: 'cosmic-lint', violations: baseline.violations.map((entry: unknown, index) => parseEntry(entry, index, file)) };
}

const READABLE_FIELDS = ['ruleId', 'file', 'target'] as const;

/**
 * One entry: the fingerprint is what matches, so it is required; the readable fields are optional
 * (a hand-made baseline may list fingerprints only) and read as "" when missing, but a field that
 * is there must be a string. `--update-baseline` fills in missing fields of the entries it keeps.
 */
function parseEntry(entry: unknown, index: number, file: string): BaselineEntry {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    throw new CosmicError('config', `violations[${index}]: expected an object with a "fingerprint", got ${JSON.stringify(entry)}`, file);
  }
  const record = entry as Record<string, unknown>;
  if (typeof record['fingerprint'] !== 'string' || record['fingerprint'] === '') {
    throw new CosmicError('config', `violations[${index}]: expected "fingerprint" to be a non-empty string, got ${JSON.stringify(record['fingerprint']) ?? 'nothing'}`, file);
  }
  const parsed: BaselineEntry = { fingerprint: record['fingerprint'], ruleId: '', file: '', target: '' };
  for (const field of READABLE_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      throw new CosmicError('config', `violations[${index}] (fingerprint ${parsed.fingerprint}): expected "${field}" to be a string, got ${JSON.stringify(value)}`, file);
    }
    parsed[field] = value;
  }
  return parsed;
}

/** How a stale entry is shown: rule, file and target, or its fingerprint when the baseline did not record them. */
export function describeEntry(entry: BaselineEntry): string {
  return entry.ruleId === '' && entry.file === '' && entry.target === ''
    ? `fingerprint ${entry.fingerprint}`
    : `${entry.ruleId || '(no rule)'} ${entry.file || '(no file)'} → ${entry.target || '(no target)'}`;
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
  // A kept entry keeps its own fields; any the baseline did not record are filled in from today's violation.
  const kept = (previous?.violations ?? [])
    .filter((entry) => current.has(entry.fingerprint))
    .map((entry) => {
      const now = current.get(entry.fingerprint)!;
      return { fingerprint: entry.fingerprint, ruleId: entry.ruleId || now.ruleId, file: entry.file || now.file, target: entry.target || now.target };
    });
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
