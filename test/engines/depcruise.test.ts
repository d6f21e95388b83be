import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, describe, expect, it } from 'vitest';
import { cellAllows, matrixCell } from '../../src/checks/matrix.js';
import { loadConfigFile } from '../../src/config/load.js';
import { builtinName, packageName } from '../../src/project/packages.js';
import { discoverFiles } from '../../src/project/discover.js';
import { buildProjectModel } from '../../src/project/model.js';
import { projectFromConfig } from '../../src/project/project.js';
import type { AuditResult, Violation } from '../../src/results/violation.js';
import { fixturePath, REPO_ROOT, cli } from '../helpers.js';

const FIXTURES = [
  'allocation',
  'advice',
  'sample',
  'stages/chapter-02',
  'stages/chapter-06',
  'audit/transitive',
  'audit/one-root-cause',
  'audit/cycle',
  'contexts',
  'custom-layers',
  // Real projects: their configs use extglobs (`!(index|*Controller).ts`) the rules must translate as picomatch reads them.
  ...fs.readdirSync(fixturePath('real')).map((name) => `real/${name}`),
  ...fs.readdirSync(fixturePath('violations')).map((name) => `violations/${name}`),
];

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-depcruise-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

async function audit(fixture: string, engine: string): Promise<AuditResult> {
  const run = await cli(['audit', fixturePath(...fixture.split('/')), '--format', 'json', '--engine', engine]);
  return JSON.parse(run.stdout) as AuditResult;
}

const comparable = (violation: Violation) => [violation.ruleId, violation.file, violation.line, violation.column, violation.to, violation.chain];

interface CruiseViolation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Writes the ruleset cosmic-lint generates for a fixture, as a user would (`depcruise-config -o`). */
async function generatedConfig(fixture: string): Promise<string> {
  const config = path.join(temporary, `${fixture.replaceAll('/', '-')}.cjs`);
  const generated = await cli(['depcruise-config', '-o', config], fixturePath(...fixture.split('/')));
  expect(generated.status, generated.stderr).toBe(0);
  return config;
}

/** Plain `depcruise` (its own binary) with the ruleset cosmic-lint generated. */
async function plainDepcruise(fixture: string): Promise<CruiseViolation[]> {
  const config = await generatedConfig(fixture);
  const bin = path.join(REPO_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, '--config', config, '--output-type', 'json', 'src'], { cwd: fixturePath(...fixture.split('/')), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { summary: { violations: CruiseViolation[] } }).summary.violations;
}

/**
 * The same run through dependency-cruiser's documented API (the options read from the generated
 * file by its own extractDepcruiseOptions, the tsconfig by its extractTSConfig), in this process:
 * one start-up of dependency-cruiser for every fixture instead of one each. The binary runs above
 * check that the two agree.
 */
async function depcruiseApi(fixture: string): Promise<CruiseViolation[]> {
  const config = await generatedConfig(fixture);
  const options = await extractDepcruiseOptions(config);
  const tsConfig = options.tsConfig?.fileName ? extractTSConfig(options.tsConfig.fileName) : undefined;
  const cwd = process.cwd();
  process.chdir(fixturePath(...fixture.split('/')));
  try {
    const { output } = await cruise(['src'], options, undefined, { tsConfig });
    return (output as { summary: { violations: CruiseViolation[] } }).summary.violations;
  } finally {
    process.chdir(cwd);
  }
}

/** The edges our audit reports that the layer matrix, domain purity or a context boundary forbids, as `from -> to`. */
function matrixEdges(fixture: string, result: AuditResult): string[] {
  const root = fixturePath(...fixture.split('/'));
  const config = loadConfigFile(path.join(root, 'cosmic-lint.config.json'));
  const edges = result.violations.flatMap((violation) => {
    if (violation.chain.length > 0 || !violation.to) return [];
    if (violation.ruleId === 'cosmic/domain-purity') return [`${violation.file} -> ${violation.to.package}`];
    if (violation.ruleId === 'cosmic/context-boundaries' && violation.to.file) return [`${violation.file} -> ${violation.to.file}`];
    if (!violation.to.file || !violation.to.layer || !violation.from.layer) return [];
    const from = { layer: violation.from.layer, role: violation.from.role ?? undefined };
    const to = { layer: violation.to.layer, role: violation.to.role ?? undefined };
    return cellAllows(config, matrixCell(config, from, to), violation.kind ?? 'value') ? [] : [`${violation.file} -> ${violation.to.file}`];
  });
  return [...new Set(edges)].sort();
}

/** The imports the audit takes for type-only (erased by the emit) that the statement itself does not mark `type`, as `from -> to`. */
function wholeProgramErased(fixture: string): Set<string> {
  const root = fixturePath(...fixture.split('/'));
  const project = projectFromConfig(loadConfigFile(path.join(root, 'cosmic-lint.config.json')));
  const model = buildProjectModel(project, discoverFiles([root], project.classifier).files);
  const edges = new Set<string>();
  for (const file of model.files.values()) {
    for (const imported of file.imports) {
      if (imported.kind !== 'type' || imported.typeOnlyClause || imported.target.type !== 'file') continue;
      if (imported.names.length > 0 && imported.names.every((name) => name.kind === 'type' && name.use !== 'value')) {
        edges.add(`${path.relative(root, file.path).split(path.sep).join('/')} -> ${path.relative(root, imported.target.path).split(path.sep).join('/')}`);
      }
    }
  }
  return edges;
}

describe('dependency-cruiser agrees with the audit', () => {
  it.each(FIXTURES)('%s: audit --engine depcruise reports exactly what the built-in graph does', async (fixture) => {
    const ours = audit(fixture, 'cosmic');
    const cruised = audit(fixture, 'depcruise');
    expect((await cruised).diagnostics).toEqual((await ours).diagnostics);
    expect((await cruised).violations.map(comparable)).toEqual((await ours).violations.map(comparable));
  });

  it.each(FIXTURES)('%s: depcruise with the generated config forbids the same edges', async (fixture) => {
    const ours = await matrixEdges(fixture, await audit(fixture, 'cosmic'));
    const theirs = (await depcruiseApi(fixture))
      .filter((violation) => !violation.rule.name.includes('reaches') && !violation.rule.name.startsWith('cosmic-cycle-'))
      // Packages by name, as the audit names them: depcruise keeps the subpath (`fs/promises`).
      .map((violation) => `${violation.from} -> ${/\.[cm]?[jt]sx?$/.test(violation.to) ? violation.to : (builtinName(violation.to) ?? packageName(violation.to))}`);
    // dependency-cruiser transpiles each file on its own (as isolatedModules would), so an import
    // only the whole program shows to be erased (an interface named in a decorated constructor
    // under emitDecoratorMetadata) stays a runtime import there. Those, and only those, may differ.
    const erased = wholeProgramErased(fixture);
    const extra = [...new Set(theirs)].filter((edge) => !ours.includes(edge));
    expect(extra.filter((edge) => !erased.has(edge))).toEqual([]);
    expect([...new Set(theirs)].filter((edge) => !erased.has(edge)).sort()).toEqual(ours.filter((edge) => !erased.has(edge)));
  });

  it('the binary and the API read the generated file the same way', async () => {
    for (const fixture of ['audit/transitive', 'violations/domain-adapter-alias']) expect(await plainDepcruise(fixture), fixture).toEqual(await depcruiseApi(fixture));
  });

  it('plain depcruise finds the cross-layer cycle and not the one inside the service layer', async () => {
    const cycles = (await plainDepcruise('audit/cycle')).filter((violation) => violation.rule.name.startsWith('cosmic-cycle-'));
    expect([...new Set(cycles.map((violation) => `${violation.from} -> ${violation.to}`))].sort()).toEqual([
      'src/domain/model.ts -> src/service-layer/message-bus.ts',
      'src/service-layer/message-bus.ts -> src/domain/model.ts',
    ]);
  });

  it('plain depcruise reaches the infrastructure package the audit finds transitively', async () => {
    const reached = (await plainDepcruise('audit/transitive')).filter((violation) => violation.rule.name === 'cosmic-domain-reaches-infrastructure');
    expect(reached.map((violation) => `${violation.from} -> ${violation.to}`)).toEqual(['src/domain/model.ts -> pg']);
  });
});
