import { createHash } from 'node:crypto';
import type { Violation } from './violation.js';

/**
 * Fingerprints survive line moves and reworded messages: rule + importer + target + kind, plus an
 * ordinal among violations sharing those, in file order.
 */
export function assignFingerprints(violations: Violation[]): void {
  const seen = new Map<string, number>();
  for (const violation of violations) {
    const target = violation.to?.package ?? violation.to?.file ?? violation.specifier ?? '';
    const identity = [violation.ruleId, violation.file, target, violation.kind ?? ''].join('\0');
    const ordinal = seen.get(identity) ?? 0;
    seen.set(identity, ordinal + 1);
    violation.fingerprint = createHash('sha256').update(`${identity}\0${ordinal}`).digest('hex').slice(0, 20);
  }
}
