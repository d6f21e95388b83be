import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cellAllows, matrixCell } from '../../src/checks/matrix.js';
import { loadConfigFile } from '../../src/config/load.js';
import { builtinName, packageName } from '../../src/project/packages.js';
import type { AuditResult, Violation } from '../../src/results/violation.js';
import { fixturePath, REPO_ROOT, runCli } from '../helpers.js';

const FIXTURES = [
  'allocation',
  'sample',
  'stages/chapter-02',
  'stages/chapter-06',
  'audit/transitive',
  'audit/one-root-cause',
  'audit/cycle',
  ...fs.readdirSync(fixturePath('violations')).map((name) => `violations/${name}`),
];

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-depcruise-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

function audit(fixture: string, engine: string): AuditResult {
  const run = runCli(['audit', fixturePath(...fixture.split('/')), '--format', 'json', '--engine', engine]);
  return JSON.parse(run.stdout) as AuditResult;
}

const comparable = (violation: Violation) => [violation.ruleId, violation.file, violation.line, violation.column, violation.to, violation.chain];

interface CruiseViolation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Plain `depcruise` (its own binary) with the ruleset cosmic-lint generated. */
function plainDepcruise(fixture: string): CruiseViolation[] {
  const root = fixturePath(...fixture.split('/'));
  const config = path.join(temporary, `${fixture.replaceAll('/', '-')}.cjs`);
  const generated = runCli(['depcruise-config', '-o', config], root);
  expect(generated.status, generated.stderr).toBe(0);
  const bin = path.join(REPO_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, '--config', config, '--output-type', 'json', 'src'], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { summary: { violations: CruiseViolation[] } }).summary.violations;
}

/** The edges our audit reports that the layer matrix (or domain purity) forbids, as `from -> to`. */
function matrixEdges(fixture: string, result: AuditResult): string[] {
  const root = fixturePath(...fixture.split('/'));
  const config = loadConfigFile(path.join(root, 'cosmic-lint.config.json'));
  const edges = result.violations.flatMap((violation) => {
    if (violation.chain.length > 0 || !violation.to) return [];
    if (violation.ruleId === 'cosmic/domain-purity') return [`${violation.file} -> ${violation.to.package}`];
    if (!violation.to.file || !violation.to.layer || !violation.from.layer) return [];
    const from = { layer: violation.from.layer, role: violation.from.role ?? undefined };
    const to = { layer: violation.to.layer, role: violation.to.role ?? undefined };
    return cellAllows(config, matrixCell(config, from, to), violation.kind ?? 'value') ? [] : [`${violation.file} -> ${violation.to.file}`];
  });
  return [...new Set(edges)].sort();
}

describe('dependency-cruiser agrees with the audit', () => {
  it.each(FIXTURES)('%s: audit --engine depcruise reports exactly what the built-in graph does', (fixture) => {
    const ours = audit(fixture, 'cosmic');
    const cruised = audit(fixture, 'depcruise');
    expect(cruised.diagnostics).toEqual(ours.diagnostics);
    expect(cruised.violations.map(comparable)).toEqual(ours.violations.map(comparable));
  });

  it.each(FIXTURES)('%s: plain depcruise with the generated config forbids the same edges', (fixture) => {
    const ours = matrixEdges(fixture, audit(fixture, 'cosmic'));
    const theirs = plainDepcruise(fixture)
      .filter((violation) => !violation.rule.name.includes('reaches') && !violation.rule.name.startsWith('cosmic-cycle-'))
      // Packages by name, as the audit names them: depcruise keeps the subpath (`fs/promises`).
      .map((violation) => `${violation.from} -> ${/\.[cm]?[jt]sx?$/.test(violation.to) ? violation.to : (builtinName(violation.to) ?? packageName(violation.to))}`);
    expect([...new Set(theirs)].sort()).toEqual(ours);
  });

  it('plain depcruise finds the cross-layer cycle and not the one inside the service layer', () => {
    const cycles = plainDepcruise('audit/cycle').filter((violation) => violation.rule.name.startsWith('cosmic-cycle-'));
    expect([...new Set(cycles.map((violation) => `${violation.from} -> ${violation.to}`))].sort()).toEqual([
      'src/domain/model.ts -> src/service-layer/message-bus.ts',
      'src/service-layer/message-bus.ts -> src/domain/model.ts',
    ]);
  });

  it('plain depcruise reaches the infrastructure package the audit finds transitively', () => {
    const reached = plainDepcruise('audit/transitive').filter((violation) => violation.rule.name === 'cosmic-domain-reaches-infrastructure');
    expect(reached.map((violation) => `${violation.from} -> ${violation.to}`)).toEqual(['src/domain/model.ts -> pg']);
  });
});
