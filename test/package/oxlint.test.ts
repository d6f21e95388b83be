import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import cosmic from '../../src/index.js';
import { fixturePath, lintFixture, REPO_ROOT } from '../helpers.js';

/**
 * oxlint runs ESLint plugins written in JS (`jsPlugins`): the rules need no type-aware parser
 * services, so they run there unchanged. The config is the one the README gives, as written:
 * `"jsPlugins": ["cosmic-lint"]` and `cosmic/…` rules, resolved from the config's folder.
 */
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-oxlint-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
fs.mkdirSync(path.join(home, 'node_modules'));
fs.symlinkSync(REPO_ROOT, path.join(home, 'node_modules', 'cosmic-lint'), 'dir');
const configFile = path.join(home, '.oxlintrc.json');
// oxlint's own rules off: only cosmic's findings are compared.
fs.writeFileSync(configFile, JSON.stringify({ jsPlugins: ['cosmic-lint'], categories: { correctness: 'off' }, rules: cosmic.configs.recommended.rules }));

interface OxlintOutput {
  diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number; column: number } }> }>;
}

/** One oxlint run over every fixture (one process, as a user's run would be), findings as `file rule line:column`, relative to fixtures/. */
function oxlint(directories: readonly string[]): string[] {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint'), '-c', configFile, '--format', 'json', ...directories], {
    cwd: fixturePath(),
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  const output = JSON.parse(run.stdout) as OxlintOutput;
  return output.diagnostics.map(
    (diagnostic) =>
      `${diagnostic.filename.split(path.sep).join('/')} ${diagnostic.code.replace(/^cosmic\((.*)\)$/, 'cosmic/$1')} ${diagnostic.labels[0]!.span.line}:${diagnostic.labels[0]!.span.column}`,
  );
}

const fixtures = ['sample', ...fs.readdirSync(fixturePath('violations')).map((name) => `violations/${name}`)];

it('oxlint with "jsPlugins": ["cosmic-lint"] finds exactly what ESLint finds in the sample and every violation fixture', async () => {
  const expected: string[] = [];
  for (const fixture of fixtures) {
    const { problems } = await lintFixture(fixturePath(fixture));
    expected.push(...problems.filter((problem) => problem.ruleId?.startsWith('cosmic/')).map((problem) => `${fixture}/${problem.file} ${problem.ruleId!} ${problem.line}:${problem.column}`));
  }
  expect(expected.length).toBeGreaterThan(20);
  expect(oxlint(fixtures).sort()).toEqual(expected.sort());
});
