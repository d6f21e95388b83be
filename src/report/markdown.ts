import { chainItems, type AuditResult } from '../results/violation.js';
import { compareText } from '../config/order.js';
import { neutralise } from './escape.js';
import { hopsLeftOut, plural } from './words.js';

/**
 * Text safe inside a Markdown table cell or list item: no raw HTML, no cell breaks, one line, and
 * no control or bidi character (shown as `\uXXXX`, whose backslash is then escaped to show as is).
 */
export function escapeMarkdown(text: string): string {
  return neutralise(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1');
}

/** A code span for a project string: neutralised, `|` escaped for tables, fenced by more backticks than it holds. */
export function codeSpan(text: string): string {
  const inner = neutralise(text).replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = inner.startsWith('`') || inner.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/** A pull request comment: totals, a table per rule and per layer pair, then every violation with its chain. */
export function formatMarkdown(result: AuditResult): string {
  const live = result.violations.filter((violation) => !violation.baselined);
  const { errors, warnings, files, baselined } = result.summary;
  const lines = [
    `## cosmic-lint: ${live.length === 0 ? '✅ no problems' : `❌ ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`}`,
    '',
    `${plural(files, 'file')} checked${baselined > 0 ? `, ${baselined} known violations hidden by the baseline` : ''}${result.summary.outsideChange !== undefined ? `, ${plural(result.summary.outsideChange, 'finding')} in files the change does not touch left out` : ''}${result.diagnostics.length > 0 ? `, **${plural(result.diagnostics.length, 'diagnostic')}: the check is incomplete**` : ''}.`,
  ];
  if (live.length > 0) {
    const byRule = new Map<string, { errors: number; warnings: number }>();
    for (const violation of live) {
      const counts = byRule.get(violation.ruleId) ?? { errors: 0, warnings: 0 };
      counts[violation.severity === 'error' ? 'errors' : 'warnings'] += 1;
      byRule.set(violation.ruleId, counts);
    }
    lines.push('', '| rule | errors | warnings |', '|---|---:|---:|');
    for (const [ruleId, counts] of [...byRule].sort(([a], [b]) => compareText(a, b))) lines.push(`| ${codeSpan(ruleId)} | ${counts.errors} | ${counts.warnings} |`);
    const pairs = result.layerEdges.filter((edge) => edge.violations > 0);
    if (pairs.length > 0) {
      lines.push('', '| from → to | imports | violations |', '|---|---:|---:|');
      for (const edge of pairs) lines.push(`| ${edge.from} → ${edge.to} | ${edge.imports} | ${edge.violations} |`);
    }
    const crossings = (result.contextEdges ?? []).filter((edge) => edge.violations > 0);
    if (crossings.length > 0) {
      lines.push('', '| context → context | imports | published | violations |', '|---|---:|---:|---:|');
      for (const edge of crossings) lines.push(`| ${escapeMarkdown(`${edge.from} → ${edge.to}`)} | ${edge.imports} | ${edge.published} | ${edge.violations} |`);
    }
    lines.push('', '### Violations', '');
    for (const violation of live) {
      const context = violation.from.context
        ? ` (${escapeMarkdown(violation.to?.context && violation.to.context !== violation.from.context ? `${violation.from.context} → ${violation.to.context}` : violation.from.context)})`
        : '';
      lines.push(
        `- **${violation.severity}** ${codeSpan(violation.ruleId)} ${escapeMarkdown(`${violation.file}:${violation.line}:${violation.column}`)}${context}: ${escapeMarkdown(violation.message)}`,
      );
      for (const item of chainItems(violation)) {
        lines.push('hop' in item ? `  - ↳ ${escapeMarkdown(`${item.hop.file}:${item.hop.line}`)} imports ${escapeMarkdown(`'${item.hop.specifier}'`)}` : `  - ↳ ${hopsLeftOut(item.omitted)}`);
      }
    }
  }
  if (result.diagnostics.length > 0) {
    lines.push('', '### Diagnostics', '');
    for (const diagnostic of result.diagnostics)
      lines.push(`- ${escapeMarkdown(`${diagnostic.kind}${diagnostic.file ? ` ${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}` : ''}: ${diagnostic.message}`)}`);
  }
  if (result.staleBaseline && result.staleBaseline.length > 0) {
    lines.push('', `### Fixed since the baseline (${result.staleBaseline.length}): run with \`--update-baseline\` to drop them`, '');
    for (const entry of result.staleBaseline) {
      // A baseline may record fingerprints only: then the fingerprint is all there is to show.
      lines.push(entry.ruleId === '' && entry.file === '' ? `- fingerprint ${codeSpan(entry.fingerprint)}` : `- ${codeSpan(entry.ruleId)} ${escapeMarkdown(`${entry.file} → ${entry.target}`)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
