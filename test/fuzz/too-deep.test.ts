/**
 * Found by the fuzz suite: whether a file "nests too deeply for the parser" was decided by catching
 * the RangeError of the recursive parser, so it depended on how much call stack was left (and on
 * what the JIT had made of the parser), not on the file: the same project gave different results
 * on two runs in one process. Now a fixed nesting limit, counted without recursion
 * (src/project/nesting.ts), decides. This test audits one project from call stacks of different
 * depths and expects the same result every time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runAudit, type AuditOutcome } from '../../src/cli/audit.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-too-deep-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, 'src', 'domain'), { recursive: true });
fs.writeFileSync(path.join(root, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' } }));
fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: { pg: '*' } }));
// Deep enough to need a good part of the stack, shallow enough to parse from a fresh one.
fs.writeFileSync(path.join(root, 'src', 'domain', 'blocks.ts'), `${'{'.repeat(1500)}require('pg');${'}'.repeat(1500)}\n`);

/** Runs `inner` with about `frames` frames of our own below it. */
function underFrames(frames: number, inner: () => void): void {
  if (frames === 0) inner();
  else underFrames(frames - 1, inner);
}

/** The audit, run synchronously (the cosmic engine never awaits) from `frames` frames down: its rules and files, or what it threw. */
async function auditFrom(frames: number): Promise<string> {
  let outcome: Promise<AuditOutcome> | undefined;
  try {
    underFrames(frames, () => {
      outcome = runAudit({ cwd: root, paths: [], engine: 'cosmic', now: () => 0 });
    });
    const { result } = await outcome!;
    return JSON.stringify([result.violations.map((violation) => [violation.ruleId, violation.file]), result.diagnostics.map((diagnostic) => [diagnostic.kind, diagnostic.file])]);
  } catch (error) {
    return `threw ${(error as Error).name}: ${(error as Error).message}`;
  }
}

it('the same project gives the same result whatever the depth of the call stack it is audited from', async () => {
  const results = new Map<number, string>();
  for (const frames of [0, 2000, 4000, 6000, 8000]) results.set(frames, await auditFrom(frames));
  expect(new Set(results.values()).size, JSON.stringify([...results], null, 1)).toBe(1);
});
