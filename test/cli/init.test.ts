import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { patchEslintConfig } from '../../src/cli/init-eslint.js';
import { configProblems } from '../../src/config/validate.js';
import type { AuditResult } from '../../src/results/violation.js';
import { cli, fixturePath, REPO_ROOT } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-init-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));
let counter = 0;

/** A copy of a fixture without its config files, as a project that never had cosmic-lint, with cosmic-lint installed. */
function project(fixture: string, packageJson: object = { name: 'app', private: true }): string {
  const root = path.join(temporary, `project-${counter++}`);
  fs.cpSync(fixturePath(...fixture.split('/')), root, { recursive: true });
  for (const name of ['cosmic-lint.config.json', 'eslint.config.js']) fs.rmSync(path.join(root, name), { force: true });
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify(packageJson));
  fs.mkdirSync(path.join(root, 'node_modules'));
  fs.symlinkSync(REPO_ROOT, path.join(root, 'node_modules', 'cosmic-lint'), 'dir');
  return root;
}

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('cosmic-lint init', () => {
  it('writes a valid config for the sample that classifies every file, and the audit then finds what the hand-written config finds', async () => {
    const dependencies = Object.fromEntries(['express', 'nodemailer', 'pg', 'redis', 'typeorm'].map((name) => [name, '*']));
    const root = project('sample', { name: 'allocation', private: true, dependencies });
    const run = await cli(['init'], root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const config = readJson(path.join(root, 'cosmic-lint.config.json')) as Record<string, unknown>;
    expect(configProblems(config)).toEqual([]);
    expect(config).toMatchObject({ $schema: './node_modules/cosmic-lint/schema.json', preset: 'recommended', include: ['src/**/*.{ts,tsx,mts,cts}'] });
    expect(config['exclude']).toContain('**/*.{test,spec}.*');
    expect(run.stdout).toContain('(preset recommended): 16 files checked');
    expect(run.stdout).toMatch(/service-layer +4 files {2}src\/allocation\/service-layer\/\*\*, src\/allocation\/views\.ts/);
    expect(run.stdout).not.toContain('left in no layer');
    expect(run.stdout).toContain('npx cosmic-lint audit');
    // The $schema it names is the one the package ships.
    expect(fs.existsSync(path.join(root, 'node_modules', 'cosmic-lint', 'schema.json'))).toBe(true);

    const audit = await cli(['audit', '--format', 'json'], root);
    expect(audit.status).toBe(1);
    const hand = JSON.parse((await cli(['audit', fixturePath('sample'), '--format', 'json'])).stdout) as AuditResult;
    const ours = JSON.parse(audit.stdout) as AuditResult;
    const key = (result: AuditResult) => result.violations.map((violation) => `${violation.ruleId} ${violation.file}:${violation.line}`).sort();
    expect(key(ours)).toEqual(key(hand));
  });

  it('says what it left in no layer, and counts per layer', async () => {
    const root = project('layouts/vertical-slices');
    fs.writeFileSync(path.join(root, 'src', 'stray.ts'), 'export const stray = 1;\n');
    const run = await cli(['init', '--preset', 'strict'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('(preset strict)');
    expect(run.stdout).toMatch(/left in no layer: \d+ files? \([^)]*src\/stray\.ts/);
    expect(readJson(path.join(root, 'cosmic-lint.config.json'))).toMatchObject({ preset: 'strict' });
  });

  it('writes the bounded contexts it detects with the layers, so the audit after init keeps their boundaries', async () => {
    const root = project('layouts/vertical-slices');
    const before = JSON.parse((await cli(['audit', '--format', 'json'], root)).stdout) as AuditResult;
    const run = await cli(['init'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('  contexts: order: src/modules/order/, payment: src/modules/payment/, user: src/modules/user/');
    expect(readJson(path.join(root, 'cosmic-lint.config.json'))).toMatchObject({ contexts: { order: 'src/modules/order', payment: 'src/modules/payment', user: 'src/modules/user' } });
    const after = JSON.parse((await cli(['audit', '--format', 'json'], root)).stdout) as AuditResult;
    const crossings = (result: AuditResult) => result.violations.filter((violation) => violation.ruleId === 'cosmic/context-boundaries').map((violation) => `${violation.file}:${violation.line}`);
    expect(crossings(after)).toEqual(['src/modules/payment/domain/payment.ts:1', 'src/modules/payment/use-cases/pay.ts:2']);
    expect(crossings(after)).toEqual(crossings(before));
  });

  it('never replaces a config without --force, and replaces it with', async () => {
    const root = project('sample');
    const file = path.join(root, 'cosmic-lint.config.json');
    fs.writeFileSync(file, '{ "preset": "part1" }\n');
    const refused = await cli(['init'], root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(`${file} already exists: init never replaces a config unless asked`);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ "preset": "part1" }\n');
    const forced = await cli(['init', '--force'], root);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(`replaced ${file}`);
    expect(readJson(file)).toMatchObject({ preset: 'recommended' });
  });

  it('refuses a folder without TypeScript, and one with no layer folder, writing nothing', async () => {
    const empty = path.join(temporary, 'no-typescript');
    fs.mkdirSync(path.join(empty, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(empty, 'lib', 'index.js'), 'module.exports = 1;\n');
    const none = await cli(['init', empty]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`no TypeScript files under ${empty}`);
    expect(fs.readdirSync(empty)).toEqual(['lib']);

    const flat = path.join(temporary, 'flat');
    fs.mkdirSync(path.join(flat, 'src'), { recursive: true });
    fs.writeFileSync(path.join(flat, 'src', 'index.ts'), 'export const x = 1;\n');
    const noLayers = await cli(['init'], flat);
    expect(noLayers.status).toBe(2);
    expect(noLayers.stderr).toContain('found 1 file in TypeScript');
    expect(noLayers.stderr).toContain('but no layer folders');
    expect(fs.readdirSync(flat)).toEqual(['src']);
  });

  for (const [kind, packageJson, syntax] of [
    ['an ES module project', { name: 'app', type: 'module' }, "import cosmic from 'cosmic-lint';"],
    ['a CommonJS project', { name: 'app' }, "const cosmic = require('cosmic-lint');"],
  ] as const) {
    it(`--eslint writes eslint.config.js for ${kind}, in its module system, and ESLint lints with it`, async () => {
      const root = project('violations/domain-orm-package', packageJson);
      const run = await cli(['init', '--eslint'], root);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`ESLint: wrote ${path.join(root, 'eslint.config.js')}`);
      const text = fs.readFileSync(path.join(root, 'eslint.config.js'), 'utf8');
      expect(text).toContain(syntax);
      const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
      const results = await eslint.lintFiles(['src']);
      expect(results.flatMap((result) => result.messages.map((message) => message.ruleId))).toContain('cosmic/domain-purity');
    });
  }
});

describe('adding the preset to an existing ESLint config', () => {
  it('appends to an exported array, after the last import, keeping the indentation', () => {
    const text = "import js from '@eslint/js';\n\nexport default [\n  js.configs.recommended,\n  { rules: {} },\n];\n";
    expect(patchEslintConfig('eslint.config.mjs', text, true, 'recommended')).toEqual({
      kind: 'patch',
      file: 'eslint.config.mjs',
      preset: 'recommended',
      text: "import js from '@eslint/js';\nimport cosmic from 'cosmic-lint';\n\nexport default [\n  js.configs.recommended,\n  { rules: {} },\n  cosmic.configs.recommended,\n];\n",
    });
  });

  it('appends to a tseslint.config(…) or defineConfig(…) call, and to module.exports in CommonJS', () => {
    const call = "const tseslint = require('typescript-eslint');\n\nmodule.exports = tseslint.config(tseslint.configs.recommended);\n";
    expect(patchEslintConfig('eslint.config.cjs', call, false, 'domain-only')).toMatchObject({
      kind: 'patch',
      text: "const tseslint = require('typescript-eslint');\nconst cosmic = require('cosmic-lint');\n\nmodule.exports = tseslint.config(tseslint.configs.recommended, cosmic.configs['domain-only']);\n",
    });
    const define = "import { defineConfig } from 'eslint/config';\nexport default defineConfig([]);\n";
    expect(patchEslintConfig('eslint.config.js', define, true, 'strict')).toMatchObject({
      kind: 'patch',
      text: "import { defineConfig } from 'eslint/config';\nimport cosmic from 'cosmic-lint';\nexport default defineConfig([cosmic.configs.strict]);\n",
    });
    const defineArgs = "import { defineConfig } from 'eslint/config';\nexport default defineConfig({ rules: {} });\n";
    expect(patchEslintConfig('eslint.config.js', defineArgs, true, 'strict')).toMatchObject({
      kind: 'patch',
      text: "import { defineConfig } from 'eslint/config';\nimport cosmic from 'cosmic-lint';\nexport default defineConfig({ rules: {} }, cosmic.configs.strict);\n",
    });
  });

  it('leaves a config that already uses cosmic-lint alone, names the binding apart from an existing `cosmic`, and gives the lines for any other shape', () => {
    expect(patchEslintConfig('eslint.config.js', "import cosmic from 'cosmic-lint';\nexport default [cosmic.configs.strict];\n", true, 'recommended')).toEqual({
      kind: 'present',
      file: 'eslint.config.js',
    });
    expect(patchEslintConfig('eslint.config.js', 'const cosmic = 1;\nexport default [{ rules: { x: cosmic } }];\n', true, 'recommended')).toMatchObject({
      kind: 'patch',
      text: "import cosmicLint from 'cosmic-lint';\nconst cosmic = 1;\nexport default [{ rules: { x: cosmic } }, cosmicLint.configs.recommended];\n",
    });
    expect(patchEslintConfig('eslint.config.js', 'const configs = [];\nexport default configs;\n', true, 'recommended')).toEqual({
      kind: 'manual',
      file: 'eslint.config.js',
      reason: 'its export is not an array literal or a defineConfig(…) call',
      lines: ["import cosmic from 'cosmic-lint';", 'and cosmic.configs.recommended as the last entry of the exported config'],
    });
    expect(patchEslintConfig('eslint.config.js', 'export default [', true, 'recommended')).toMatchObject({ kind: 'manual', reason: 'it does not parse' });
  });
});

it('--eslint leaves an eslintrc project alone: an eslint.config.js would make ESLint 8.57 ignore its rules', async () => {
  const root = project('violations/domain-orm-package');
  fs.writeFileSync(path.join(root, '.eslintrc.json'), '{ "root": true }\n');
  const run = await cli(['init', '--eslint'], root);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`ESLint: left ${path.join(root, '.eslintrc.json')} as it is: it is an eslintrc config, and the plugin is flat-config only`);
  expect(run.stdout).toContain('npx @eslint/migrate-config .eslintrc.json');
  expect(run.stdout).toContain("    const cosmic = require('cosmic-lint');");
  expect(fs.existsSync(path.join(root, 'eslint.config.js'))).toBe(false);
  expect(fs.readFileSync(path.join(root, '.eslintrc.json'), 'utf8')).toBe('{ "root": true }\n');
});
