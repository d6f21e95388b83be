import fs from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { cli, fixturePath, runBinary } from '../helpers.js';

/**
 * Smoke tests of the built binary itself: the shebang entry hands the process to `main` and sets
 * the exit code from it. Everything else about the command line is tested in process (cli()),
 * through the same `main`; these check that the two agree byte for byte.
 */
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-binary-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

it('answers --version without loading the audit, as main does', async () => {
  const run = runBinary(['--version']);
  expect(run).toEqual({ status: 0, stdout: (await cli(['--version'])).stdout, stderr: '' });
});

it('exits 0 on the clean sample, 1 on a violation, 2 on a usage error: the same streams as in process', async () => {
  for (const args of [
    ['audit', fixturePath('allocation')],
    ['audit', fixturePath('violations', 'domain-orm-package')],
    ['audit', '--formt', 'json'],
  ]) {
    const binary = runBinary(args);
    expect(binary, args.join(' ')).toEqual(await cli(args));
  }
  expect(runBinary(['audit', fixturePath('violations', 'domain-orm-package')]).status).toBe(1);
});

it('writes --output and says so on stderr', () => {
  const output = path.join(temporary, 'report.json');
  const run = runBinary(['audit', fixturePath('violations', 'domain-orm-package'), '--format', 'json', '--output', output]);
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`report.json`);
  expect(JSON.parse(fs.readFileSync(output, 'utf8'))).toMatchObject({ tool: { name: 'cosmic-lint' } });
});

it("keeps V8's compiled TypeScript in the cache folder, uses it when a file must be parsed, and survives a corrupt one", () => {
  const root = path.join(temporary, 'compiled');
  fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
  const folder = path.join(root, 'node_modules/.cache/cosmic-lint');
  const args = ['audit', root, '--cache', '--format', 'json'];
  const first = runBinary(args);
  const codeCaches = () => fs.readdirSync(folder).filter((name) => name.endsWith('.code-cache'));
  // On Node ≥ 22.1 the binary turns on Node's own compile cache instead.
  if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function') {
    expect(codeCaches()).toEqual([]);
    return;
  }
  expect(codeCaches()).toEqual([expect.stringMatching(/^typescript-[\d.]+-v8-.+\.code-cache$/)]);
  const cacheFile = path.join(folder, codeCaches()[0]!);
  const written = fs.statSync(cacheFile).ino;
  // Nothing changed: TypeScript is not even loaded.
  expect(runBinary(args).stdout).toBe(first.stdout);
  // A changed file is parsed: TypeScript comes from the code cache, which V8 accepts, so it is not written again.
  const source = path.join(root, 'src/orders/domain/order.ts');
  fs.appendFileSync(source, '\n// edited\n');
  expect(runBinary(args).stdout).toBe(first.stdout);
  expect(fs.statSync(cacheFile).ino).toBe(written);
  fs.writeFileSync(cacheFile, 'not code');
  fs.appendFileSync(source, '// edited again\n');
  const corrupt = runBinary(args);
  expect(corrupt.stdout).toBe(first.stdout);
  expect(corrupt.stderr).not.toMatch(/code-cache|error|warning/i);
  expect(fs.statSync(cacheFile).size).toBeGreaterThan(1000);
});

it("without --cache keeps V8's compiled TypeScript where Node keeps its compile cache, only in a folder of the user's own, and writes nothing into the project", () => {
  const root = path.join(temporary, 'compile-cache');
  fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
  const compileCache = path.join(temporary, 'node-compile-cache');
  const folder = path.join(compileCache, 'cosmic-lint');
  const args = ['audit', root, '--format', 'json'];
  const env = { NODE_COMPILE_CACHE: compileCache };
  const first = runBinary(args, undefined, env);
  expect(fs.existsSync(path.join(root, 'node_modules'))).toBe(false);
  // On Node ≥ 22.1 the binary turns on Node's own compile cache instead.
  if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function') {
    expect(fs.existsSync(folder)).toBe(false);
    return;
  }
  const codeCaches = () => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => name.endsWith('.code-cache')) : []);
  expect(codeCaches()).toEqual([expect.stringMatching(/^typescript-[\d.]+-v8-.+\.code-cache$/)]);
  const cacheFile = path.join(folder, codeCaches()[0]!);
  const written = fs.statSync(cacheFile).ino;
  // The next run loads TypeScript from it (V8 accepts it, so it is not written again) and says the same.
  expect(runBinary(args, undefined, env).stdout).toBe(first.stdout);
  expect(fs.statSync(cacheFile).ino).toBe(written);
  fs.rmSync(folder, { recursive: true });
  // Node's switch turns it off.
  expect(runBinary(args, undefined, { ...env, NODE_DISABLE_COMPILE_CACHE: '1' }).stdout).toBe(first.stdout);
  expect(codeCaches()).toEqual([]);
  // A folder others may write to could hold code planted for V8 to run: not used, and nothing written there.
  if (typeof process.getuid === 'function') {
    fs.mkdirSync(folder, { mode: 0o777 });
    fs.chmodSync(folder, 0o777);
    expect(runBinary(args, undefined, env).stdout).toBe(first.stdout);
    expect(codeCaches()).toEqual([]);
  }
});
