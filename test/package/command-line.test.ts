import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import cosmic from '../../src/index.js';
import { isOneShotLinter } from '../../src/config/one-shot-linter.js';
import { fixturePath, REPO_ROOT } from '../helpers.js';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-command-line-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('isOneShotLinter', () => {
  const eslintBin = path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const oxlintBin = path.join(REPO_ROOT, 'node_modules', 'oxlint', 'bin', 'oxlint');

  it("is ESLint's or oxlint's bin script, reached directly, through npm's .bin link, or installed under an alias", () => {
    expect(isOneShotLinter(['node', eslintBin, 'src'])).toBe(true);
    expect(isOneShotLinter(['node', oxlintBin, '-c', '.oxlintrc.json'])).toBe(true);
    const link = path.join(home, 'eslint');
    fs.symlinkSync(eslintBin, link);
    expect(isOneShotLinter(['node', link, '.'])).toBe(true);
    expect(isOneShotLinter(['node', path.join(REPO_ROOT, 'node_modules', 'eslint9', 'bin', 'eslint.js')])).toBe(true);
  });

  it('is not the same command started as a server: eslint --mcp, oxlint --lsp', () => {
    expect(isOneShotLinter(['node', eslintBin, '--mcp'])).toBe(false);
    expect(isOneShotLinter(['node', oxlintBin, '--lsp'])).toBe(false);
  });

  it("is nothing else: another tool, one linter's bin under the other's script name, a bin/eslint.js of another package, a path that does not exist, no script", () => {
    expect(isOneShotLinter(['node', path.join(REPO_ROOT, 'dist', 'src', 'bin', 'cosmic-lint.js'), 'audit'])).toBe(false);
    fs.mkdirSync(path.join(home, 'eslint_d', 'bin'), { recursive: true });
    fs.writeFileSync(path.join(home, 'eslint_d', 'package.json'), JSON.stringify({ name: 'eslint_d' }));
    fs.writeFileSync(path.join(home, 'eslint_d', 'bin', 'eslint.js'), '');
    expect(isOneShotLinter(['node', path.join(home, 'eslint_d', 'bin', 'eslint.js')])).toBe(false);
    fs.mkdirSync(path.join(home, 'fake', 'bin'), { recursive: true });
    fs.writeFileSync(path.join(home, 'fake', 'package.json'), JSON.stringify({ name: 'eslint' }));
    fs.writeFileSync(path.join(home, 'fake', 'bin', 'oxlint'), '');
    expect(isOneShotLinter(['node', path.join(home, 'fake', 'bin', 'oxlint')])).toBe(false);
    expect(isOneShotLinter(['node', path.join(home, 'missing', 'bin', 'eslint.js')])).toBe(false);
    expect(isOneShotLinter(['node'])).toBe(false);
  });
});

it("ESLint's command line (caches trusted for the run) reports what a process that lives on (caches checked before each file) reports, on every violation fixture", async () => {
  const root = fixturePath('violations');
  const config = path.join(home, 'eslint.config.mjs');
  fs.writeFileSync(config, `import cosmic from ${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist', 'src', 'index.js')).href)};\nexport default [cosmic.configs.strict];\n`);
  const key = (filePath: string, message: { ruleId: string | null; line: number; column: number }) =>
    `${path.relative(root, filePath).split(path.sep).join('/')}:${message.line}:${message.column} ${message.ruleId}`;

  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--config', config, '--format', 'json', '.'], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string | null; line: number; column: number }> }>;
  const fromCommandLine = results.flatMap((result) => result.messages.map((message) => key(result.filePath, message))).sort();

  const api = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [cosmic.configs.strict] });
  const fromApi = (await api.lintFiles(['.'])).flatMap((result) => result.messages.map((message) => key(result.filePath, message))).sort();

  expect(new Set(fromCommandLine.map((entry) => entry.split('/')[0])).size).toBeGreaterThan(20);
  expect(fromCommandLine.every((entry) => entry.endsWith(' null') === false)).toBe(true);
  expect(fromCommandLine).toEqual(fromApi);
});
