import type { AuditResult } from '../results/violation.js';

/** The results contract, as is (results.schema.json describes it). */
export function formatJson(result: AuditResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
