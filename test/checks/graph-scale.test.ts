import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkTransitiveViolations } from '../../src/checks/graph.js';
import { loadProject } from '../../src/cli/load-project.js';
import { discoverFiles } from '../../src/project/discover.js';
import { buildProjectModel } from '../../src/project/model.js';
// The generator `npm run bench` uses for the chain curve (bench/chain.mjs).
// @ts-expect-error a plain .mjs script without types
import { generateChain } from '../../bench/chain.mjs';
import { REPO_ROOT } from '../helpers.js';

/**
 * Scale edges (issue 11, item 8): a long import chain once made the transitive search quadratic
 * (one search per file over the rest of the chain: 50,000 files took ~58 s). The search now counts
 * the hops it examines, so the bound is checked without a clock: a few times the number of edges.
 */
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function chainProject(depth: number, origins: number, end: 'adapter' | 'package') {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-chain-'));
  roots.push(root);
  (generateChain as (root: string, depth: number, origins: number, end: string) => void)(root, depth, origins, end);
  const project = loadProject({ cwd: root });
  const model = buildProjectModel(project, discoverFiles([root], project.classifier).files);
  const edges = [...model.files.values()].reduce((sum, file) => sum + file.imports.length, 0);
  return { project, model, edges };
}

it.each(['adapter', 'package'] as const)('a 1,500-file chain ending in %s is searched in near-linear work, with one finding', (end) => {
  const depth = 1500;
  const origins = 50;
  const { project, model, edges } = chainProject(depth, origins, end);
  const work = { steps: 0 };
  const findings = checkTransitiveViolations(project, model.files, work);
  // Every chain file is a shared-layer file searched from: quadratic was ~1.1 million steps here.
  // What remains is each domain origin's own walk down the chain (when the chain leads somewhere
  // the domain may not go) and a few passes over the edges.
  expect(work.steps).toBeLessThan((end === 'package' ? origins * (depth + 2) : 0) + 10 * edges);
  if (end === 'adapter') {
    // shared → adapters is the shared file's own violation (layer-direction), not the domain's.
    expect(findings).toEqual([]);
  } else {
    // The domain reaches 'pg' through 1,500 shared files: one finding, at the exit, naming all 50 origins.
    expect(findings).toHaveLength(1);
    expect(findings[0]!.data).toMatchObject({ upstream: expect.stringContaining('50 domain files reach it') });
    expect(findings[0]!.data!['path']).toMatch(/^src\/domain\/model\d+\.ts → src\/shared\/part0\/link0\.ts → .* → … 1491 more files … → .* → pg$/);
  }
});

it('a report carries the first and last hops of a long chain and how many it left out, in every format', async () => {
  const { Ajv } = await import('ajv');
  const { runAudit } = await import('../../src/cli/audit.js');
  const { REPORTERS } = await import('../../src/report/index.js');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-chain-report-'));
  roots.push(root);
  (generateChain as (root: string, depth: number, origins: number, end: string) => void)(root, 100, 2, 'package');
  const { result, rules } = await runAudit({ cwd: root, paths: [], engine: 'cosmic', now: () => 0 });
  const [transitive] = result.violations.filter((violation) => violation.ruleId === 'cosmic/no-transitive-violation');
  // model → link0 → … → link99 → 'pg': 101 hops, 40 shown.
  expect(transitive!.chain).toHaveLength(40);
  expect(transitive!.chainOmitted).toBe(61);
  expect(transitive!.chain[0]!.file).toMatch(/^src\/domain\/model[01]\.ts$/);
  expect(transitive!.chain.at(-1)).toEqual({ file: 'src/shared/part0/link99.ts', line: 1, specifier: 'pg' });
  const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'results.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(JSON.parse(await REPORTERS['json']!(result, { rules, color: false }))), JSON.stringify(validate.errors)).toBe(true);
  for (const format of ['text', 'github', 'junit', 'markdown', 'html']) {
    expect(await REPORTERS[format]!(result, { rules, color: false }), format).toContain('… 61 more hops …');
  }
  const sarif = JSON.parse(await REPORTERS['sarif']!(result, { rules, color: false })) as { runs: Array<{ results: Array<{ relatedLocations?: Array<{ id: number }> }> }> };
  const related = sarif.runs[0]!.results.find((entry) => entry.relatedLocations)!.relatedLocations!;
  expect(related.map((location) => location.id).slice(19, 21)).toEqual([20, 82]);
});
