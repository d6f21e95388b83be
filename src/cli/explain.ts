// `cosmic-lint explain`: a rule (its doc page's words, so they cannot drift from the catalog) or a
// file (its layer and role, and each import's verdict with the rule that decided it). Pure: the
// command hands in the doc text and the project.
import path from 'node:path';
import { matrixCell, cellAllows } from '../checks/matrix.js';
import { ALL_RULES, FILE_CHECKS, isOn, runFileCheck } from '../checks/registry.js';
import { runsIn } from '../checks/catalog.js';
import { describeSide, formatMessage, type Finding } from '../checks/finding.js';
import { CosmicError } from '../config/errors.js';
import { onPackageList } from '../config/infrastructure.js';
import { PRESETS } from '../config/presets.js';
import { PRESET_NAMES } from '../config/types.js';
import { suggest } from '../config/validate.js';
import type { ResolvedImport } from '../project/imports.js';
import { buildProjectModel } from '../project/model.js';
import type { Project } from '../project/project.js';
import { neutralise } from '../report/escape.js';
import { layerAndRoleLines } from './classify.js';

export type ExplainSubject = { kind: 'rule'; ruleId: string } | { kind: 'file'; file: string; line: number | undefined };

/** A rule id (`cosmic/domain-purity` or `domain-purity`), else a file with an optional `:line`. */
export function explainSubject(subject: string, fileExists: (file: string) => boolean): ExplainSubject {
  const ruleId = subject.startsWith('cosmic/') ? subject : `cosmic/${subject}`;
  if (ruleId in ALL_RULES) return { kind: 'rule', ruleId };
  const withLine = /^(.*):(\d+)$/.exec(subject);
  if (withLine && fileExists(withLine[1]!)) return { kind: 'file', file: withLine[1]!, line: Number(withLine[2]) };
  if (fileExists(subject)) return { kind: 'file', file: subject, line: undefined };
  const rules = Object.keys(ALL_RULES);
  const hint = suggest(ruleId, rules);
  throw new CosmicError('config', `"${subject}" is neither a rule nor a file${hint ? ` (did you mean ${hint}?)` : ''}. Rules: ${rules.map((rule) => rule.slice('cosmic/'.length)).join(', ')}`);
}

/** The doc page's sections by heading (`## Why` → `Why`), in order. */
function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  let heading: string | undefined;
  let body: string[] = [];
  const close = () => {
    if (heading) found.set(heading, body.join('\n').trim());
  };
  for (const line of markdown.split('\n')) {
    const match = /^## (.+)$/.exec(line);
    if (match) {
      close();
      heading = match[1]!.trim();
      body = [];
    } else if (heading) {
      body.push(line);
    }
  }
  close();
  return found;
}

/** `explain <rule>`: what it checks, why, the presets that turn it on, and its ❌/✅ examples, from its doc page. */
export function explainRule(ruleId: string, doc: string, docUrl: string): string {
  const rule = ALL_RULES[ruleId]!;
  const presets = PRESET_NAMES.map((name) => `${name} (${PRESETS[name].rules[ruleId] ?? 'off'})`).join(', ');
  const parts = sections(doc);
  const lines = [`${ruleId}: ${rule.description}`, '', `Presets: ${presets}`, `Runs in: ${runsIn(ruleId).replaceAll('`', '')}`];
  for (const heading of ['What it checks', 'Why', '❌ Incorrect', '✅ Correct', 'When not to use it']) {
    const body = parts.get(heading);
    if (body) lines.push('', `${heading}:`, ...body.split('\n').map((line) => (line ? `  ${line}` : '')));
  }
  lines.push('', `More: ${docUrl}`);
  return `${lines.join('\n')}\n`;
}

/** Why an import no per-file rule reported is fine, in the terms of the rule that would have. */
function allowedBecause(project: Project, imported: ResolvedImport, side: Parameters<typeof describeSide>[0]): string {
  const { config } = project;
  const target = imported.target;
  if (target.type === 'unresolved') return `unresolved (${target.reason}); no-unresolved-imports ${isOn(project, 'cosmic/no-unresolved-imports') ? 'reports it' : 'is off'}`;
  if (target.type === 'package') {
    if (side.layer !== 'domain') return `a package: only the domain keeps packages out (domain-purity)`;
    return onPackageList(config.infrastructure, target.name) ? `on the infrastructure list, but domain-purity is off` : `not on the infrastructure list (domain-purity): the domain may use it`;
  }
  const to = target.classification;
  if (!side.layer || !to.layer) return `${!side.layer ? 'this file' : 'the target'} is in no layer, so no layer rule applies (no-unclassified-files reports it)`;
  const cell = matrixCell(config, side, to);
  const kind = imported.kind === 'type' ? 'type-only' : 'runtime';
  const verdict = cellAllows(config, cell, imported.kind) ? 'allowed' : 'forbidden, but its rule is off';
  return `${verdict} by the layer matrix: ${describeSide(side)} → ${describeSide(to)} is "${cell.verdict}" for a ${kind} import${cell.note ? ` (${cell.note})` : ''}`;
}

function targetText(project: Project, imported: ResolvedImport): string {
  const { target } = imported;
  switch (target.type) {
    case 'file':
      return `${path.relative(project.config.root, target.path).split(path.sep).join('/')}, ${describeSide(target.classification)}`;
    case 'package':
      return target.builtin ? `the built-in 'node:${target.name}'` : `the package '${target.name}'`;
    case 'unresolved':
      return 'nothing (unresolved)';
  }
}

/** `explain <file[:line]>`: the file's layer and role and why, then each import (on that line) with its verdict and the rule that gave it. */
export function explainFile(project: Project, file: string, line: number | undefined): string {
  const classification = project.classifier.classify(file);
  const lines = [
    `${classification.file}`,
    ...layerAndRoleLines(classification, project.config),
    `  checked: ${classification.included ? 'yes' : 'no (outside include, or in exclude): no rule looks at it'}`,
  ];
  const model = buildProjectModel(project, [file]);
  for (const diagnostic of model.diagnostics) lines.push(`  could not be checked: ${diagnostic.message}`);
  const facts = model.files.get(file);
  if (facts) {
    const findings = new Map<ResolvedImport | undefined, Array<{ finding: Finding; text: string }>>();
    for (const ruleId of Object.keys(FILE_CHECKS).filter((id) => isOn(project, id))) {
      for (const finding of runFileCheck(ruleId, project, facts)) {
        const text = formatMessage(FILE_CHECKS[ruleId]!.messages[finding.messageId] ?? finding.messageId, finding.data);
        findings.set(finding.import, [...(findings.get(finding.import) ?? []), { finding, text }]);
      }
    }
    const imports = facts.imports.filter((imported) => line === undefined || (imported.range.line <= line && line <= imported.range.endLine));
    lines.push('', line === undefined ? `imports (${imports.length}):` : `imports on line ${line} (${imports.length}):`);
    if (imports.length === 0) lines.push('  none');
    for (const imported of imports) {
      const kind = imported.kind === 'type' ? 'type-only (erased by the compiler)' : 'runtime';
      lines.push(`  ${imported.range.line}:${imported.range.column + 1}  '${imported.specifier}' → ${targetText(project, imported)} [${kind}]`);
      const reported = findings.get(imported) ?? [];
      if (reported.length === 0) lines.push(`    ✓ ${allowedBecause(project, imported, facts.classification)}`);
      for (const { finding, text } of reported) lines.push(`    ✗ ${finding.ruleId} (${project.config.rules[finding.ruleId]}): ${text}`);
    }
    const elsewhere = [...findings.entries()].filter(([imported]) => imported === undefined).flatMap(([, list]) => list);
    for (const { finding, text } of elsewhere) {
      if (line === undefined || finding.range === undefined || finding.range.line === line)
        lines.push(`  ✗ ${finding.ruleId}${finding.range ? ` at ${finding.range.line}:${finding.range.column + 1}` : ''}: ${text}`);
    }
  }
  lines.push('', 'Chains through other files (no-transitive-violation) and cycles (no-layer-cycles) need the whole graph: cosmic-lint audit shows them.');
  return `${lines.map(neutralise).join('\n')}\n`;
}
