import type { AuditResult } from '../results/violation.js';
import { chainLines } from './words.js';
import { neutralise } from './escape.js';

/** GitHub's escaping for a workflow command's message. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** …and for its properties, where `:` and `,` are separators too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/**
 * A project string in a workflow command: control and bidi characters shown as `\uXXXX` first (the
 * runner prints the log to a terminal-like viewer that honours ESC), then GitHub's own escaping.
 * A name with such a character does not anchor its annotation to the file; it is still reported.
 */
const data = (text: string) => escapeData(neutralise(text));
const property = (text: string) => escapeProperty(neutralise(text));

/** GitHub Actions workflow commands: an annotation per violation, on the pull request's diff. */
export function formatGithub(result: AuditResult): string {
  const lines = result.violations
    .filter((violation) => !violation.baselined)
    .map((violation) => {
      const chain = chainLines(violation)
        .map((line) => `\n  ${line}`)
        .join('');
      const properties = [
        `file=${property(violation.file)}`,
        `line=${violation.line}`,
        `endLine=${violation.endLine}`,
        `col=${violation.column}`,
        `endColumn=${violation.endColumn}`,
        `title=${property(violation.ruleId)}`,
      ].join(',');
      return `::${violation.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(neutralise(violation.message) + chain)}`;
    });
  for (const diagnostic of result.diagnostics) {
    lines.push(
      `::error ${diagnostic.file ? `file=${property(diagnostic.file)},${diagnostic.line ? `line=${diagnostic.line},` : ''}` : ''}title=${property(`cosmic-lint ${diagnostic.kind}`)}::${data(diagnostic.message)}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
