import type { AuditResult } from '../results/violation.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export interface ReportOptions {
  color: boolean;
}

/** Every output format: one pure function from the result to text. Adding a format is one entry here. */
export const REPORTERS: Readonly<Record<string, (result: AuditResult, options: ReportOptions) => string>> = {
  json: (result) => formatJson(result),
  text: (result, options) => formatText(result, options),
};

export const FORMATS = Object.keys(REPORTERS);
