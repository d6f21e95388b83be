import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { expect, it } from 'vitest';
import { contextDiagramSource } from '../../src/report/html.js';
import type { AuditResult } from '../../src/results/violation.js';
import { cli, fixturePath, REPO_ROOT } from '../helpers.js';
import { validateSarif } from './sarif-schema.js';

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'results.schema.json'), 'utf8')) as object);
const root = fixturePath('violations', 'context-boundaries');

it('the JSON report carries the contexts, the context map and each end of a violation, valid against results.schema.json', async () => {
  const run = await cli(['audit', root, '--format', 'json']);
  const result = JSON.parse(run.stdout) as AuditResult;
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  expect(result.contexts).toEqual([
    { name: 'allocation', roots: ['src/allocation'], sharedKernel: false, files: 5, layerEdges: [{ from: 'adapters', to: 'domain', imports: 1, violations: 0 }] },
    { name: 'kernel', roots: ['src/kernel'], sharedKernel: true, files: 1, layerEdges: [] },
    { name: 'orders', roots: ['src/orders'], sharedKernel: false, files: 4, layerEdges: [{ from: 'service-layer', to: 'domain', imports: 1, violations: 0 }] },
  ]);
  expect(result.contextEdges).toEqual([
    { from: 'kernel', to: 'orders', imports: 1, published: 0, violations: 1 },
    { from: 'orders', to: 'allocation', imports: 5, published: 2, violations: 3 },
    { from: 'orders', to: 'kernel', imports: 1, published: 1, violations: 0 },
  ]);
  expect(result.violations[1]!.from).toEqual({ layer: 'adapters', role: 'repository', context: 'orders' });
  expect(result.violations[1]!.to).toMatchObject({ file: 'src/allocation/adapters/repository.ts', context: 'allocation' });
});

it('a project without contexts keeps the report it had: no context fields at all', async () => {
  const result = JSON.parse((await cli(['audit', fixturePath('violations', 'adapters-entrypoints'), '--format', 'json'])).stdout) as AuditResult;
  expect(result.contexts).toBeUndefined();
  expect(result.contextEdges).toBeUndefined();
  expect(result.violations[0]!.from).not.toHaveProperty('context');
  expect(result.violations[0]!.to).not.toHaveProperty('context');
});

it('Markdown tables the forbidden context pairs and names the contexts of each finding; SARIF keeps them as properties', async () => {
  const markdown = (await cli(['audit', root, '--format', 'markdown'])).stdout;
  expect(markdown).toContain('| context → context | imports | published | violations |\n|---|---:|---:|---:|\n| kernel → orders | 1 | 0 | 1 |\n| orders → allocation | 5 | 2 | 3 |');
  expect(markdown).toContain('src/orders/domain/order.ts:2:28 (orders → allocation): Import across bounded contexts');
  const sarif = JSON.parse((await cli(['audit', root, '--format', 'sarif'])).stdout) as { runs: Array<{ results: Array<{ properties?: Record<string, unknown> }> }> };
  expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
  expect(sarif.runs[0]!.results.map((result) => result.properties)).toEqual([
    { context: 'kernel', targetContext: 'orders' },
    { context: 'orders', targetContext: 'allocation' },
    { context: 'orders', targetContext: 'allocation' },
    { context: 'orders', targetContext: 'allocation' },
  ]);
});

it('the HTML report draws the context map: a box per context (the kernel dashed), arrows red where imports break the boundary', async () => {
  const source = contextDiagramSource(
    [
      { name: 'orders', roots: ['src/orders'], sharedKernel: false, files: 4, layerEdges: [] },
      { name: 'kernel', roots: ['src/kernel'], sharedKernel: true, files: 1, layerEdges: [] },
      { name: 'allocation', roots: ['src/allocation'], sharedKernel: false, files: 1, layerEdges: [] },
    ],
    [
      { from: 'orders', to: 'allocation', imports: 5, published: 2, violations: 3 },
      { from: 'orders', to: 'kernel', imports: 1, published: 1, violations: 0 },
      { from: 'allocation', to: 'orders', imports: 3, published: 2, violations: 0 },
    ],
  );
  expect(source).toContain('"c1" [id="context-1", class="context", label="kernel\n(shared kernel)\n1 file", style="rounded,filled,dashed"];');
  expect(source).toContain('"c0" -> "c2" [class="forbidden", label="3 forbidden / 5", color="#d1242f"');
  expect(source).toContain('"c0" -> "c1" [class="allowed", label="1 published", color="#8c959f"');
  expect(source).toContain('"c2" -> "c0" [class="allowed", label="2 published / 3"');
  const html = (await cli(['audit', root, '--format', 'html'])).stdout;
  expect(html).toContain('<h2>Bounded contexts: the context map</h2>');
  const map = html.slice(html.indexOf('<div id="context-map">'), html.indexOf('<details class="context-layers">'));
  // kernel → orders and orders → allocation break the boundary; orders → kernel does not.
  expect(map.match(/class="edge forbidden"/g)).toHaveLength(2);
  expect(map.match(/class="edge allowed"/g)).toHaveLength(1);
  expect(html).toContain('forbidden context pairs');
  // Each context's own layers, folded until asked for.
  expect(html).toMatch(/<details class="context-layers"><summary>allocation: its layers<\/summary>[^]*?<svg[^]*?id="context&#45;0&#45;layer&#45;adapters"[^]*?<\/svg>\s*<\/details>/);
  expect(html).toContain('<details class="context-layers"><summary>kernel: its layers</summary><p class="empty">No imports between layers inside it.</p></details>');
});

it('on real code (bitloops-todo, three contexts in two folder trees each) the map shows marketing integrating with iam and todo through their integration events only', async () => {
  const result = JSON.parse((await cli(['audit', fixturePath('real', 'bitloops-todo'), '--format', 'json'])).stdout) as AuditResult;
  expect(result.contexts!.map(({ name, files }) => [name, files])).toEqual([
    ['iam', 29],
    ['marketing', 45],
    ['todo', 55],
  ]);
  expect(result.contextEdges).toEqual([
    { from: 'marketing', to: 'iam', imports: 2, published: 2, violations: 0 },
    { from: 'marketing', to: 'todo', imports: 1, published: 1, violations: 0 },
  ]);
  expect(result.violations.filter((violation) => violation.ruleId === 'cosmic/context-boundaries')).toEqual([]);
});
