import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

/**
 * An outside TypeScript project that depends on cosmic-lint from its folder, as `npm install
 * ../cosmic-lint` leaves it (a symlink in node_modules), and lints with the built package through
 * the eslint binary: the published shape, not the sources.
 */
let project: string;

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
}

beforeAll(() => {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'src', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-outside-'));
  fs.mkdirSync(path.join(project, 'node_modules'));
  fs.symlinkSync(REPO_ROOT, path.join(project, 'node_modules', 'cosmic-lint'), 'dir');
  // typeorm is declared, not installed: a declared dependency is its package all the same.
  write('package.json', JSON.stringify({ name: 'shop', private: true, type: 'module', dependencies: { typeorm: '^0.3.20' }, devDependencies: { 'cosmic-lint': 'file:../cosmic-lint' } }));
  write('tsconfig.json', JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, baseUrl: '.', paths: { '#infra/*': ['src/adapters/*'] } } }));
  write('eslint.config.js', "import cosmic from 'cosmic-lint';\n\nexport default [cosmic.configs.recommended];\n");
  write('src/domain/order.ts', "import { Entity } from 'typeorm';\nimport { toRow } from '#infra/orm.js';\n\nexport class Order {}\nexport const mapped = [Entity, toRow];\n");
  write(
    'src/service-layer/place-order.ts',
    "import type { OrderRepository } from '../adapters/orm.js';\n\nexport async function placeOrder(orders: OrderRepository): Promise<void> {\n  await orders.save();\n}\n",
  );
  write('src/adapters/orm.ts', 'export interface OrderRepository { save(): Promise<void> }\nexport function toRow(): object {\n  return {};\n}\n');
  write('src/entrypoints/http.ts', "import { placeOrder } from '../service-layer/place-order.js';\nexport const routes = [placeOrder];\n");
});

afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

it('gets domain-purity and layer-direction (through a paths alias) in the domain, and nothing for a type-only port import', () => {
  let output: string;
  try {
    output = execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--format', 'json', '.'], {
      cwd: project,
      encoding: 'utf8',
    });
    throw new Error(`eslint exited 0, expected 1:\n${output}`);
  } catch (error) {
    const failure = error as { status?: number; stdout?: string; stderr?: string };
    expect(failure.stderr ?? '').toBe('');
    expect(failure.status).toBe(1);
    output = failure.stdout ?? '';
  }
  const results = JSON.parse(output) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
  const problems = results.flatMap((result) => result.messages.map((message) => [path.relative(project, result.filePath).split(path.sep).join('/'), message.ruleId, message.line, message.column]));
  expect(problems).toEqual([
    ['src/domain/order.ts', 'cosmic/domain-purity', 1, 24],
    ['src/domain/order.ts', 'cosmic/layer-direction', 2, 23],
  ]);
  expect(results.map((result) => path.relative(project, result.filePath).split(path.sep).join('/')).sort()).toEqual([
    'eslint.config.js',
    'src/adapters/orm.ts',
    'src/domain/order.ts',
    'src/entrypoints/http.ts',
    'src/service-layer/place-order.ts',
  ]);
});
