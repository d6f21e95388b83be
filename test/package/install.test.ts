import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/results/violation.js';
import { cli, fixturePath, lintFixture, REPO_ROOT } from '../helpers.js';

/**
 * A new user's first ten minutes, scripted: the packed tarball (what npm would publish) installed
 * with the README's install line into existing projects of each kind — ES module and CommonJS,
 * TypeScript 5.9, 6 and 7 (naive and side by side with 6), ESLint 8.57 with an eslintrc config,
 * npm, pnpm and yarn — then `cosmic-lint init`, `cosmic-lint audit`, ESLint with the config init
 * wrote (or the README's), and oxlint with the README's .oxlintrc.json. Every project holds the
 * sample app, so each tool must find exactly what it finds in this repository.
 *
 * Needs the npm registry (installs are real); `npm run test:install` runs it, and CI does. Not part
 * of `npm test`, which stays offline.
 */
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-install-'));
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));
let tarball = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop, so scenarios install side by side. */
function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function ok(command: string, args: readonly string[], cwd: string): Promise<Run> {
  const result = await run(command, args, cwd);
  expect(result.status, `${command} ${args.join(' ')}\n${result.stderr}\n${result.stdout}`).toBe(0);
  return result;
}

/** The sample app's third-party packages, declared as optional peers: known to the resolver, never installed. */
const SAMPLE_PACKAGES = ['express', 'nodemailer', 'pg', 'redis', 'typeorm'];

/** A project as a team would have it before adding cosmic-lint: its package.json, the sample's sources and tsconfig, its own dev tools installed. */
async function existingProject(name: string, manifest: Record<string, unknown>, install: { tool: 'npm' | 'pnpm' | 'yarn'; devDependencies: string[] }): Promise<string> {
  const root = path.join(home, name);
  fs.mkdirSync(root);
  const peers = Object.fromEntries(SAMPLE_PACKAGES.map((name) => [name, '*']));
  const optional = Object.fromEntries(SAMPLE_PACKAGES.map((name) => [name, { optional: true }]));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, ...manifest, peerDependencies: peers, peerDependenciesMeta: optional }, null, 2));
  fs.cpSync(fixturePath('sample', 'src'), path.join(root, 'src'), { recursive: true });
  fs.copyFileSync(fixturePath('sample', 'tsconfig.json'), path.join(root, 'tsconfig.json'));
  await ok(...add(install.tool, install.devDependencies), root);
  return root;
}

/** The install command of each package manager, as its users type it (npx fetches pnpm and yarn from the registry). */
function add(tool: 'npm' | 'pnpm' | 'yarn', packages: string[]): [string, string[]] {
  switch (tool) {
    case 'npm':
      return ['npm', ['install', '--save-dev', ...packages]];
    case 'pnpm':
      return ['npx', ['--yes', 'pnpm@10', 'add', '--save-dev', ...packages]];
    case 'yarn':
      return ['npx', ['--yes', 'yarn@1', 'add', '--dev', '--non-interactive', ...packages]];
  }
}

const bin = (root: string, name: string) => path.join(root, 'node_modules', '.bin', name);

/** What the audit finds in the sample here, by rule and place: the reference every installed copy must match. */
let expectedAudit: string[] = [];
let expectedLint: string[] = [];
const auditKey = (result: AuditResult) => result.violations.map((violation) => `${violation.ruleId} ${violation.file}:${violation.line}:${violation.column}`).sort();

interface EslintJson {
  filePath: string;
  messages: Array<{ ruleId: string | null; line: number; column: number; message: string; fatal?: boolean }>;
}
const lintKey = (root: string, results: EslintJson[]) =>
  results.flatMap((result) => result.messages.map((message) => `${message.ruleId} ${path.relative(root, result.filePath).split(path.sep).join('/')}:${message.line}:${message.column}`)).sort();

beforeAll(async () => {
  const pack = await ok('npm', ['pack', '--silent', '--pack-destination', home], REPO_ROOT);
  tarball = path.join(home, pack.stdout.trim().split('\n').at(-1)!);
  expectedAudit = auditKey(JSON.parse((await cli(['audit', fixturePath('sample'), '--format', 'json'])).stdout) as AuditResult);
  expectedLint = (await lintFixture(fixturePath('sample'))).problems.map((problem) => `${problem.ruleId} ${problem.file}:${problem.line}:${problem.column}`).sort();
  expect(expectedAudit.length).toBeGreaterThan(3);
}, 180_000);

/** The README's install line, then init (with --eslint unless the project keeps its own ESLint setup), then the audit: the sample's findings, exit 1. */
async function installInitAudit(root: string, tool: 'npm' | 'pnpm' | 'yarn', initArgs: string[] = ['--eslint']): Promise<Run> {
  await ok(...add(tool, [tarball]), root);
  const init = await ok(bin(root, 'cosmic-lint'), ['init', ...initArgs], root);
  expect(init.stdout).toContain(`wrote ${path.join(root, 'cosmic-lint.config.json')} (preset recommended): 16 files checked`);
  const audit = await run(bin(root, 'cosmic-lint'), ['audit', '--format', 'json'], root);
  expect(audit.stderr).toContain(`config ${path.join(root, 'cosmic-lint.config.json')}`);
  expect(audit.status, audit.stderr).toBe(1);
  expect(auditKey(JSON.parse(audit.stdout) as AuditResult)).toEqual(expectedAudit);
  return init;
}

async function eslint(root: string): Promise<EslintJson[]> {
  const lint = await run(bin(root, 'eslint'), ['--format', 'json', 'src'], root);
  expect(lint.status, lint.stderr).toBe(1);
  return JSON.parse(lint.stdout) as EslintJson[];
}

/** The README's .oxlintrc.json, as written there. */
function readmeOxlintrc(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  return /```json\n\/\/ \.oxlintrc\.json\n([\s\S]*?)```/.exec(readme)![1]!;
}

describe.concurrent('installing the packed package into existing projects', () => {
  it('npm, an ES module project on TypeScript 5.9 with ESLint 10: init --eslint, audit, ESLint and oxlint agree with this repository', async () => {
    const root = await existingProject('esm-ts59', { type: 'module' }, { tool: 'npm', devDependencies: ['typescript@~5.9.0', 'eslint@^10', 'oxlint@1.95.0'] });
    const init = await installInitAudit(root, 'npm');
    expect(init.stdout).toContain(`ESLint: wrote ${path.join(root, 'eslint.config.js')}`);
    expect(fs.readFileSync(path.join(root, 'eslint.config.js'), 'utf8')).toContain("import cosmic from 'cosmic-lint';");
    expect(lintKey(root, await eslint(root))).toEqual(expectedLint);
    fs.writeFileSync(path.join(root, '.oxlintrc.json'), readmeOxlintrc());
    const oxlint = await run(bin(root, 'oxlint'), ['--format', 'json', 'src'], root);
    expect(oxlint.stderr).toBe('');
    const diagnostics = (JSON.parse(oxlint.stdout) as { diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number; column: number } }> }> }).diagnostics;
    const found = diagnostics
      .map(
        (diagnostic) =>
          `${diagnostic.code.replace(/^cosmic\((.*)\)$/, 'cosmic/$1')} ${diagnostic.filename.split(path.sep).join('/')}:${diagnostic.labels[0]!.span.line}:${diagnostic.labels[0]!.span.column}`,
      )
      .sort();
    expect(found).toEqual(expectedLint.filter((line) => line.startsWith('cosmic/')));
  });

  it('npm, a CommonJS project on TypeScript 6 with ESLint 9: init writes a require-style eslint.config.js, and ESLint agrees', async () => {
    const root = await existingProject('cjs-ts6', {}, { tool: 'npm', devDependencies: ['typescript@^6.0.2', 'eslint@^9'] });
    const init = await installInitAudit(root, 'npm');
    expect(fs.readFileSync(path.join(root, 'eslint.config.js'), 'utf8')).toContain("const cosmic = require('cosmic-lint');");
    expect(init.stdout).toContain('ESLint: wrote');
    expect(lintKey(root, await eslint(root))).toEqual(expectedLint);
  });

  it("npm, a NestJS-style project on ESLint 8.57 with an eslintrc and typescript-eslint 5: installs, init leaves ESLint alone, the audit runs, and the README's CommonJS flat config lints", async () => {
    const root = await existingProject(
      'nest-eslint8',
      {},
      { tool: 'npm', devDependencies: ['typescript@~5.4.0', 'eslint@8.57.1', '@typescript-eslint/parser@^5', '@typescript-eslint/eslint-plugin@^5'] },
    );
    fs.writeFileSync(path.join(root, '.eslintrc.js'), "module.exports = { root: true, parser: '@typescript-eslint/parser', plugins: ['@typescript-eslint'] };\n");
    const init = await installInitAudit(root, 'npm');
    expect(init.stdout).toContain(`ESLint: left ${path.join(root, '.eslintrc.js')} as it is: it is an eslintrc config`);
    expect(fs.existsSync(path.join(root, 'eslint.config.js'))).toBe(false);
    // After migrating to flat config, ESLint 8.57 runs the plugin as 9 and 10 do.
    fs.rmSync(path.join(root, '.eslintrc.js'));
    fs.writeFileSync(path.join(root, 'eslint.config.js'), "const cosmic = require('cosmic-lint');\n\nmodule.exports = [cosmic.configs.recommended];\n");
    expect(lintKey(root, await eslint(root))).toEqual(expectedLint);
  });

  it('npm, TypeScript 7 side by side with the TypeScript 6 API (the layout TypeScript 7 recommends): audit and ESLint agree', async () => {
    const root = await existingProject(
      'ts7-side-by-side',
      { type: 'module' },
      { tool: 'npm', devDependencies: ['typescript@npm:@typescript/typescript6@^6.0.2', '@typescript/native@npm:typescript@^7.0.2', 'eslint@^10'] },
    );
    await installInitAudit(root, 'npm');
    expect(lintKey(root, await eslint(root))).toEqual(expectedLint);
  });

  it('npm, TypeScript 7 alone: installs without ERESOLVE and the audit runs on its own TypeScript; ESLint says, per file, how to add TypeScript 6', async () => {
    const root = await existingProject('ts7-alone', { type: 'module' }, { tool: 'npm', devDependencies: ['typescript@^7.0.2', 'eslint@^10'] });
    await installInitAudit(root, 'npm');
    const results = await eslint(root);
    const messages = results.flatMap((result) => result.messages);
    expect(messages.length).toBe(results.length);
    for (const message of messages) {
      expect(message.fatal).toBe(true);
      expect(message.message).toMatch(/resolves `typescript` to 7\.\d+\.\d+, which has no JavaScript API yet.*"typescript": "npm:@typescript\/typescript6@\^6\.0\.2"/);
    }
  });

  it('pnpm (strict node_modules), an ES module project: audit and ESLint agree', async () => {
    const root = await existingProject('pnpm-esm', { type: 'module' }, { tool: 'pnpm', devDependencies: ['typescript@~5.9.0', 'eslint@^10'] });
    await installInitAudit(root, 'pnpm');
    expect(lintKey(root, await eslint(root))).toEqual(expectedLint);
  });

  it('yarn 1, a CommonJS project: audit and ESLint agree', async () => {
    const root = await existingProject('yarn-cjs', {}, { tool: 'yarn', devDependencies: ['typescript@~5.9.0', 'eslint@^9'] });
    await installInitAudit(root, 'yarn');
    expect(lintKey(root, await eslint(root))).toEqual(expectedLint);
  });
});
