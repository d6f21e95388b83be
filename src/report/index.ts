import type { RuleMeta } from '../checks/registry.js';
import type { AuditResult } from '../results/violation.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface ReportOptions {
  /** ANSI colour (text only): the bin decides, from the TTY and NO_COLOR. */
  color: boolean;
  /** The rules that ran, for formats that describe them (SARIF descriptors, JUnit suites). */
  rules: readonly RuleMeta[];
}

export type Reporter = (result: AuditResult, options: ReportOptions) => string | Promise<string>;

/** Every output format: one pure function from the result to text. Adding a format is one entry here. */
export const REPORTERS: Readonly<Record<string, Reporter>> = {
  github: (result) => formatGithub(result),
  html: (result) => formatHtml(result),
  json: (result) => formatJson(result),
  junit: (result, options) => formatJunit(result, options.rules),
  markdown: (result) => formatMarkdown(result),
  sarif: (result, options) => formatSarif(result, options.rules),
  text: (result, options) => formatText(result, options),
};

export const FORMATS = Object.keys(REPORTERS);
