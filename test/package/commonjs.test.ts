import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

/**
 * A CommonJS project (no "type": "module", as most NestJS projects are) whose eslint.config.js
 * does `require('cosmic-lint')`: it gets the plugin itself, the same object an ESM import gives,
 * and lints with it through the eslint binary. It once got the module namespace and crashed
 * ESLint ("reading 'recommended'").
 */
const project = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-commonjs-'));
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
}

it('require("cosmic-lint") in a CommonJS eslint.config.js is the plugin, and its presets lint', () => {
  fs.mkdirSync(path.join(project, 'node_modules'));
  fs.symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'cosmic-lint'), 'dir');
  write('package.json', JSON.stringify({ name: 'nest-app', private: true, dependencies: { typeorm: '^0.3.20' } }));
  write('eslint.config.js', "const cosmic = require('cosmic-lint');\n\nmodule.exports = [{ plugins: { cosmic } }, cosmic.configs.recommended];\n");
  write('src/domain/order.ts', "import { Entity } from 'typeorm';\n\nexport const mapped = [Entity];\n");
  write(
    'probe.cjs',
    "const cosmic = require('cosmic-lint');\nprocess.stdout.write(JSON.stringify({ name: cosmic.meta.name, presets: Object.keys(cosmic.configs), rules: Object.keys(cosmic.rules).length }));\n",
  );
  const probe = spawnSync(process.execPath, ['probe.cjs'], { cwd: project, encoding: 'utf8' });
  expect(probe.stderr).toBe('');
  expect(JSON.parse(probe.stdout)).toEqual({ name: 'cosmic', presets: ['domain-only', 'part1', 'recommended', 'strict'], rules: expect.any(Number) as number });
  const lint = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', 'src'], { cwd: project, encoding: 'utf8' });
  expect(lint.stderr).toBe('');
  expect(lint.status).toBe(1);
  const [result] = JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>;
  expect(result!.messages.map((message) => [message.ruleId, message.line])).toEqual([['cosmic/domain-purity', 1]]);
});
