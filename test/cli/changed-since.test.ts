import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/results/violation.js';
import { cli, fixturePath } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-changed-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

/** A fixture in a git repository of its own, committed on main, then a branch `change` with the edits. */
function repository(fixture: string[], name: string): string {
  const root = path.join(temporary, name);
  fs.cpSync(fixturePath(...fixture), root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  git(root, 'checkout', '-qb', 'change');
  return root;
}

const rows = (result: AuditResult) => result.violations.map((violation) => `${violation.file} -> ${violation.to?.file ?? violation.to?.package}`);

describe('audit --changed-since: the whole project is checked, only what the change touches is reported', () => {
  let root: string;
  beforeAll(() => {
    root = repository(['violations', 'context-boundaries'], 'contexts');
    // A committed edit on the branch, and an untracked new file.
    fs.appendFileSync(path.join(root, 'src/orders/domain/order.ts'), '\nexport const edited = true;\n');
    git(root, 'commit', '-qam', 'edit the order');
    fs.writeFileSync(path.join(root, 'src/orders/domain/new.ts'), "import { Batch } from '../../allocation/domain/model.js';\nexport const b = Batch;\n");
  });

  it('keeps findings in changed and new files, counts the rest, and exits on what it kept', async () => {
    const run = await cli(['audit', '--format', 'json', '--changed-since', 'main'], root);
    const result = JSON.parse(run.stdout) as AuditResult;
    // The kernel is unchanged, but it imports the changed order.ts.
    expect(rows(result)).toEqual([
      'src/kernel/domain/money.ts -> src/orders/domain/order.ts',
      'src/orders/domain/new.ts -> src/allocation/domain/model.ts',
      'src/orders/domain/order.ts -> src/allocation/domain/model.ts',
    ]);
    expect(result.summary).toMatchObject({ errors: 3, warnings: 0, outsideChange: 2 });
    expect(run.status).toBe(1);
    const text = await cli(['audit', '--changed-since', 'main'], root);
    expect(text.stdout).toContain('✖ 3 problems (3 errors, 0 warnings) · 11 files checked, 2 findings outside the change left out');
  });

  it('reads the changed files from stdin with "-"', async () => {
    const run = await cli(['audit', '--format', 'json', '--changed-since', '-'], root, {}, 'src/orders/domain/order.ts\n');
    expect(rows(JSON.parse(run.stdout) as AuditResult)).toEqual(['src/kernel/domain/money.ts -> src/orders/domain/order.ts', 'src/orders/domain/order.ts -> src/allocation/domain/model.ts']);
  });

  it('passes when the change touches no finding, and says how many it left out', async () => {
    const run = await cli(['audit', '--changed-since', '-'], root, {}, 'src/allocation/domain/events.ts\n');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✔ no problems (11 files checked, 5 findings outside the change left out)');
  });

  it('a wrong ref, or no repository, is a tool error before any work', async () => {
    const wrong = await cli(['audit', '--changed-since', 'no-such-branch'], root);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--changed-since: `git diff --name-only -z --no-renames --merge-base no-such-branch --` failed');
    const outside = path.join(temporary, 'not-a-repository');
    fs.cpSync(fixturePath('violations', 'context-boundaries'), outside, { recursive: true });
    const none = await cli(['audit', '--changed-since', 'main'], outside, { GIT_CEILING_DIRECTORIES: temporary });
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('--changed-since: `git rev-parse --show-toplevel` failed: fatal: not a git repository');
  });

  it('refuses to rewrite a baseline from a partial report', async () => {
    const run = await cli(['audit', '--changed-since', 'main', '--baseline', 'b.json', '--update-baseline'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--update-baseline rewrites the baseline from the whole project; run it without --changed-since');
  });
});

it('a chain through a changed file is kept, from the unchanged file it starts in', async () => {
  const root = repository(['audit', 'transitive'], 'transitive');
  const run = await cli(['audit', '--format', 'json', '--changed-since', '-'], root, {}, 'src/domain/model.ts\n');
  const result = JSON.parse(run.stdout) as AuditResult;
  expect(result.violations.map((violation) => [violation.ruleId, violation.file])).toEqual([
    ['cosmic/no-transitive-violation', 'src/lib/slug.ts'],
    ['cosmic/no-transitive-violation', 'src/shared/money.ts'],
  ]);
  expect(result.summary.outsideChange).toBe(1);
});
