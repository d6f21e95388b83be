import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';

/**
 * Loading the plugin loads only what its rules need before they run: not ESLint, not
 * typescript-eslint (its parser loads on the first file it parses), not TypeScript. A host that has
 * none of them yet (oxlint's JS plugins, a config that only names the rules) does not pay for them.
 */
it('importing the built plugin loads no module of eslint, typescript-eslint or typescript', () => {
  const script = `
    import { createRequire } from 'node:module';
    const plugin = (await import(${JSON.stringify(pathToFileURL(path.join(REPO_ROOT, 'dist', 'src', 'index.js')).href)})).default;
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ rules: Object.keys(plugin.rules).length, loaded }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const { rules, loaded } = JSON.parse(run.stdout) as { rules: number; loaded: string[] };
  expect(rules).toBeGreaterThan(15);
  const heavy = loaded.filter((file) => /[\\/]node_modules[\\/](eslint|@typescript-eslint[\\/][^\\/]+|typescript)[\\/]/.test(file));
  expect(heavy).toEqual([]);
});

/**
 * The two entries a user loads are bundled at build time (scripts/bundle.mjs): each is one module
 * of ours plus the chunks it loads on demand, not the ~70–100 modules tsc writes, which Node would
 * resolve, read and link one by one at every start.
 */
it.each([
  ['the command line', path.join('bin', 'cosmic-lint.js')],
  ['the plugin', 'index.js'],
])('%s is built as one bundle: it imports no module of dist but its own chunks', (_label, entry) => {
  const file = path.join(REPO_ROOT, 'dist', 'src', entry);
  const specifiers = [...fs.readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2]!,
  );
  const relative = specifiers.filter((specifier) => specifier.startsWith('.'));
  expect(
    relative.every((specifier) => /^\.\/bundle-[\w-]+\.js$/.test(specifier)),
    relative.join(', '),
  ).toBe(true);
  // The pattern reads this file's imports: there are some (chunks, packages, built-ins).
  expect(specifiers.length).toBeGreaterThan(0);
});
