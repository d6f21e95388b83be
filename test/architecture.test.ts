import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { AuditResult } from '../src/results/violation.js';
import { cli, REPO_ROOT } from './helpers.js';

/**
 * Our own layout (ARCHITECTURE.md), described with custom layers in cosmic-lint.self.json and
 * audited by cosmic-lint itself: bin → cli → (config, project → checks, engines) → results →
 * report; rules/ depends on config, project and checks only. A back edge fails here (and so CI).
 */
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-self-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

async function auditSelf(root: string): Promise<{ status: number | null; result: AuditResult }> {
  const run = await cli(['audit', '--config', path.join(root, 'cosmic-lint.self.json'), '--format', 'json'], root);
  return { status: run.status, result: JSON.parse(run.stdout) as AuditResult };
}

it('the source follows its own pipeline, audited by cosmic-lint with its own description', async () => {
  const { status, result } = await auditSelf(REPO_ROOT);
  expect(result.diagnostics).toEqual([]);
  expect(result.violations).toEqual([]);
  expect(status).toBe(0);
  expect(result.summary.files).toBeGreaterThan(100);
  expect(result.layers).toEqual(['bin', 'cli', 'config', 'project', 'checks', 'engines', 'results', 'report', 'rules', 'index']);
  // The audit sees the pipeline's real edges, so it would see a back edge too.
  const edges = result.layerEdges.map((edge) => `${edge.from} -> ${edge.to}`);
  for (const edge of ['bin -> cli', 'rules -> checks', 'report -> results', 'checks -> project', 'project -> config']) expect(edges).toContain(edge);
});

it('a back edge fails it: config importing the command line, and a check importing a reporter type-only', async () => {
  const copy = path.join(temporary, 'repository');
  for (const entry of ['src', 'rules', 'cosmic-lint.self.json', 'tsconfig.json', 'package.json', 'schema.json']) fs.cpSync(path.join(REPO_ROOT, entry), path.join(copy, entry), { recursive: true });
  fs.writeFileSync(path.join(copy, 'src/config/back-edge.ts'), "import { main } from '../cli/main.js';\nexport const run = main;\n");
  fs.writeFileSync(path.join(copy, 'src/checks/back-edge.ts'), "import type { AuditResult } from '../results/violation.js';\nexport type R = AuditResult;\n");
  const { status, result } = await auditSelf(copy);
  expect(status).toBe(1);
  expect(result.violations.map((violation) => [violation.ruleId, violation.file, violation.from.layer, violation.to?.layer])).toEqual([
    ['cosmic/layer-direction', 'src/checks/back-edge.ts', 'checks', 'results'],
    ['cosmic/layer-direction', 'src/config/back-edge.ts', 'config', 'cli'],
  ]);
  expect(result.violations[1]!.message).toContain('Fix: if config is meant to depend on cli, say so in the config (layers.config.mayImport)');
});
