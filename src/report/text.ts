import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import type { Diagnostic } from '../project/model.js';
import { chainItems, type AuditResult, type Violation } from '../results/violation.js';
import { neutralise } from './escape.js';
import { hopsLeftOut, plural } from './words.js';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24], green: [32, 39] } as const;
type Style = keyof typeof CODES;

function painter(color: boolean): (style: Style, text: string) => string {
  return color ? (style, text) => `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : (_style, text) => text;
}

/** The summary line's marks. A file heading that starts with one shows it as `\u2714`/`\u2716`, so no file name passes for the summary. */
const SUMMARY_MARK = /^(\s*)([✔✖])/;

function heading(file: string): string {
  return neutralise(file).replace(SUMMARY_MARK, (_whole, space: string, mark: string) => `${space}\\u${mark.charCodeAt(0).toString(16)}`);
}

/**
 * ESLint-stylish text: violations grouped by file, chains hop by hop, a summary line. Every project
 * string goes through `neutralise`, so a file name can neither recolour the terminal nor forge a line;
 * the only escape sequences in the output are our own colours.
 */
export function formatText(result: AuditResult, options: TextOptions): string {
  const paint = painter(options.color);
  const lines: string[] = [];
  const byFile = new Map<string, Violation[]>();
  for (const violation of result.violations.filter((candidate) => !candidate.baselined)) {
    byFile.set(violation.file, [...(byFile.get(violation.file) ?? []), violation]);
  }
  for (const [file, violations] of byFile) {
    lines.push('', paint('underline', heading(file)));
    for (const violation of violations) {
      const severity = violation.severity === 'error' ? paint('red', 'error  ') : paint('yellow', 'warning');
      lines.push(`  ${`${violation.line}:${violation.column}`.padEnd(7)} ${severity}  ${neutralise(violation.message)}  ${paint('dim', neutralise(violation.ruleId))}`);
      for (const item of chainItems(violation)) {
        lines.push(paint('dim', 'hop' in item ? `           ↳ ${neutralise(item.hop.file)}:${item.hop.line}  '${neutralise(item.hop.specifier)}'` : `           ↳ ${hopsLeftOut(item.omitted)}`));
      }
    }
  }
  const { errors, warnings, files, baselined } = result.summary;
  const problems = errors + warnings;
  const tail = [
    `${plural(files, 'file')} checked`,
    ...(baselined > 0 ? [`${baselined} baselined`] : []),
    ...(result.summary.outsideChange !== undefined ? [`${plural(result.summary.outsideChange, 'finding')} outside the change left out`] : []),
    ...(result.diagnostics.length > 0 ? [plural(result.diagnostics.length, 'diagnostic')] : []),
    ...(result.summary.durationMs !== undefined ? [`${result.summary.durationMs} ms`] : []),
  ].join(', ');
  lines.push('');
  // No success mark when the check could not do its whole job: a diagnostic means exit 2.
  if (problems === 0 && result.diagnostics.length > 0) lines.push(paint('red', paint('bold', `✖ no problems found, but the check is incomplete: ${tail} (see stderr)`)));
  else if (problems === 0) lines.push(paint('green', `✔ no problems (${tail})`));
  else lines.push(paint(errors > 0 ? 'red' : 'yellow', paint('bold', `✖ ${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) · ${tail}`)));
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

/** The line on stderr after a report went to a file (`--output`), so a finished run never looks like a hang. */
export function formatOutputNote(result: AuditResult, format: string, file: string, exitCode: number): string {
  const { errors, warnings, baselined } = result.summary;
  const counts = [
    plural(errors, 'error'),
    plural(warnings, 'warning'),
    ...(baselined > 0 ? [`${baselined} baselined`] : []),
    ...(result.diagnostics.length > 0 ? [plural(result.diagnostics.length, 'diagnostic')] : []),
  ];
  return `cosmic-lint: wrote the ${format} report to ${neutralise(file)}: ${counts.join(', ')} (exit ${exitCode})\n`;
}

/** Diagnostics for stderr: what kept the tool from checking everything, with the file and the reason. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map(
      (diagnostic) => `cosmic-lint: ${diagnostic.kind}: ${diagnostic.file ? `${neutralise(diagnostic.file)}${diagnostic.line ? `:${diagnostic.line}` : ''}: ` : ''}${neutralise(diagnostic.message)}\n`,
    )
    .join('');
}

/**
 * The run's first line on stderr: which config file, or which detected layout, the audit used
 * (detection's first note is its summary, `3 modules (…)`), and how many checked files it left in
 * no layer, so a surprising result can be traced to its cause before reading any finding.
 */
export function formatRunHeader(config: ResolvedConfig, unclassified: readonly string[], unmatchedGlobs: readonly string[] = []): string {
  const detected = config.detected[0];
  const preset = `preset ${config.preset.name}`;
  const used = path.isAbsolute(config.source)
    ? `config ${config.source} (${preset})${detected ? `; it has no "layers", so detected under ${config.root}: ${detected}` : ''}`
    : `no config file; detected layout under ${config.root} (${preset}): ${detected ?? 'nothing'}`;
  const left = unclassified.length > 0 ? `; ${plural(unclassified.length, 'file')} in no layer (e.g. ${unclassified[0]!}; run cosmic-lint classify <file>)` : '';
  const unmatched = unmatchedGlobs.map((glob) => `cosmic-lint: ${neutralise(glob)} matches no checked file: a typo, or a folder that is gone?\n`).join('');
  return `cosmic-lint: ${neutralise(`${used}${left}`)}\n${unmatched}`;
}
