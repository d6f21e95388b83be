import type { AuditResult } from '../results/violation.js';

/** GitHub's escaping for a workflow command's message. */
export function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** …and for its properties, where `:` and `,` are separators too. */
export function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions workflow commands: an annotation per violation, on the pull request's diff. */
export function formatGithub(result: AuditResult): string {
  const lines = result.violations
    .filter((violation) => !violation.baselined)
    .map((violation) => {
      const chain = violation.chain.length > 0 ? `\n${violation.chain.map((hop) => `  ↳ ${hop.file}:${hop.line} '${hop.specifier}'`).join('\n')}` : '';
      const properties = [
        `file=${escapeProperty(violation.file)}`,
        `line=${violation.line}`,
        `endLine=${violation.endLine}`,
        `col=${violation.column}`,
        `endColumn=${violation.endColumn}`,
        `title=${escapeProperty(violation.ruleId)}`,
      ].join(',');
      return `::${violation.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(violation.message + chain)}`;
    });
  for (const diagnostic of result.diagnostics) {
    lines.push(`::error ${diagnostic.file ? `file=${escapeProperty(diagnostic.file)},${diagnostic.line ? `line=${diagnostic.line},` : ''}` : ''}title=${escapeProperty(`cosmic-lint ${diagnostic.kind}`)}::${escapeData(diagnostic.message)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
