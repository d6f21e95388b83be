import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import { cli, fixturePath } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-cache-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

/** One edit a developer makes between two runs; `pick` chooses among the project's files. */
type Edit =
  | { kind: 'add'; pick: number; pick2: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'rename'; pick: number }
  | { kind: 'retarget'; pick: number; pick2: number }
  | { kind: 'class-to-interface'; pick: number }
  | { kind: 'syntax-error'; pick: number }
  | { kind: 'tsconfig-paths' }
  | { kind: 'preset' }
  | { kind: 'undeclare'; pick: number }
  | { kind: 'install'; pick: number };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), pick2: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retarget' as const), pick: fc.nat(), pick2: fc.nat() }),
  fc.record({ kind: fc.constant('class-to-interface' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('syntax-error' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('tsconfig-paths' as const) }),
  fc.record({ kind: fc.constant('preset' as const) }),
  fc.record({ kind: fc.constant('undeclare' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('install' as const), pick: fc.nat() }),
);

/** Packages the generated projects import (declared in their package.json, not installed). */
const PACKAGES = ['pg', 'zod', 'uuid', 'axios', 'express', 'typeorm', 'ioredis', 'decimal.js'];

function sources(root: string): string[] {
  return (fs.readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(root, 'src', file))
    .sort();
}

const relativeSpecifier = (from: string, to: string) => {
  const specifier = path.relative(path.dirname(from), to).split(path.sep).join('/').replace(/\.ts$/, '.js');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
};

let added = 0;
function apply(root: string, edit: Edit): void {
  const files = sources(root);
  const at = (pick: number) => files[pick % files.length]!;
  switch (edit.kind) {
    case 'add': {
      const file = path.join(path.dirname(at(edit.pick)), `added-${added++}.ts`);
      const target = at(edit.pick2);
      const name = /export (?:class|interface) (\w+)/.exec(fs.readFileSync(target, 'utf8'))?.[1] ?? 'Missing';
      fs.writeFileSync(file, `import { ${name} } from '${relativeSpecifier(file, target)}';\nexport const uses = [${name}];\n`);
      break;
    }
    case 'remove':
      if (files.length > 2) fs.rmSync(at(edit.pick));
      break;
    case 'rename':
      fs.renameSync(at(edit.pick), at(edit.pick).replace(/\.ts$/, '-renamed.ts'));
      break;
    case 'retarget': {
      const file = at(edit.pick);
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace(/from '[^']+'/, `from '${relativeSpecifier(file, at(edit.pick2))}'`));
      break;
    }
    case 'class-to-interface': {
      const file = at(edit.pick);
      const name = /export class (\w+)/.exec(fs.readFileSync(file, 'utf8'))?.[1];
      if (name) fs.writeFileSync(file, `export interface ${name} {\n  id: number;\n}\n`);
      break;
    }
    case 'syntax-error':
      fs.appendFileSync(at(edit.pick), '\nexport const = ;\n');
      break;
    case 'tsconfig-paths': {
      const file = path.join(root, 'tsconfig.json');
      const tsconfig = JSON.parse(fs.readFileSync(file, 'utf8')) as { compilerOptions: { paths?: Record<string, string[]> } };
      tsconfig.compilerOptions.paths = tsconfig.compilerOptions.paths?.['@app/*'] ? {} : { '@app/*': ['src/*'] };
      fs.writeFileSync(file, JSON.stringify(tsconfig));
      break;
    }
    case 'undeclare': {
      // A package no package.json declares any more: its imports are unresolved, unless it is installed.
      const file = path.join(root, 'package.json');
      const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { dependencies: Record<string, string> };
      delete manifest.dependencies[PACKAGES[edit.pick % PACKAGES.length]!];
      fs.writeFileSync(file, JSON.stringify(manifest));
      break;
    }
    case 'install': {
      const name = PACKAGES[edit.pick % PACKAGES.length]!;
      const folder = path.join(root, 'node_modules', name);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, version: '1.0.0', types: 'index.d.ts', main: 'index.js' }));
      fs.writeFileSync(path.join(folder, 'index.d.ts'), 'export declare const value: number;\n');
      break;
    }
    case 'preset': {
      const file = path.join(root, 'cosmic-lint.config.json');
      const config = JSON.parse(fs.readFileSync(file, 'utf8')) as { preset: string };
      config.preset = config.preset === 'strict' ? 'recommended' : 'strict';
      fs.writeFileSync(file, JSON.stringify(config));
      break;
    }
  }
}

let projects = 0;

describe('audit --cache', () => {
  it('reports byte for byte what an uncached run reports, after any sequence of edits (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(editArbitrary, { minLength: 1, maxLength: 5 }), async (edits) => {
        const root = path.join(temporary, `project-${projects++}`);
        generate(root, 40, projects);
        const cache = path.join(temporary, `cache-${projects}.json`);
        const cached = () => cli(['audit', '--format', 'json', '--cache', '--cache-location', cache], root);
        const plain = () => cli(['audit', '--format', 'json'], root);
        await cached();
        for (const edit of edits) {
          apply(root, edit);
          const [withCache, without] = [await cached(), await plain()];
          expect(withCache.stdout, JSON.stringify(edits)).toBe(without.stdout);
          expect(withCache.status).toBe(without.status);
        }
        // The last cached run found the unchanged files in the cache (an edit touches a few).
        expect((await cached()).stderr).toMatch(/cache: (\d+) of \1 files unchanged/);
      }),
      { numRuns: 10, seed: 20261203 },
    );
  });

  it('answers unchanged files from the cache, keeps paths relative, and drops files that are gone', async () => {
    const root = path.join(temporary, 'relative');
    fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
    const first = await cli(['audit', '--cache'], root);
    expect(first.stderr).toContain('cosmic-lint: cache: 0 of 10 files unchanged since the cached run (node_modules/.cache/cosmic-lint/facts.json)');
    const file = path.join(root, 'node_modules/.cache/cosmic-lint/facts.json');
    const written = JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, unknown> };
    expect(Object.keys(written.files)).toContain('src/orders/domain/order.ts');
    expect(fs.readFileSync(file, 'utf8')).not.toContain(root);
    fs.rmSync(path.join(root, 'src/allocation/service-layer/queries.ts'));
    const second = await cli(['audit', '--cache'], root);
    expect(second.stderr).toContain('cache: 9 of 9 files unchanged');
    expect(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { files: Record<string, unknown> }).files)).not.toContain('src/allocation/service-layer/queries.ts');
    expect(second.stdout).toBe((await cli(['audit'], root)).stdout);
  });

  it('ignores a corrupt cache or one from another version with one warning, and never writes over a file that is no cache', async () => {
    const root = path.join(temporary, 'hostile');
    fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
    const cache = path.join(root, 'cache.json');
    fs.writeFileSync(cache, '{"format":1,"tool":"0.1.0","typescript":"5.9.3","files":{"src/orders/domain/order.ts":{"hash":');
    const corrupt = await cli(['audit', '--cache', '--cache-location', 'cache.json'], root);
    expect(corrupt.stderr).toContain(`cosmic-lint: cache: ${cache}: the cache file is not one this tool wrote (corrupt or truncated); it is ignored and rebuilt`);
    expect(corrupt.stdout).toBe((await cli(['audit'], root)).stdout);
    const rebuilt = JSON.parse(fs.readFileSync(cache, 'utf8')) as { tool: string; files: Record<string, unknown> };
    expect(Object.keys(rebuilt.files)).toHaveLength(10);
    fs.writeFileSync(cache, JSON.stringify({ ...rebuilt, tool: '0.0.1' }));
    expect((await cli(['audit', '--cache', '--cache-location', 'cache.json'], root)).stderr).toMatch(
      /the cache was written by cosmic-lint 0\.0\.1 with TypeScript [\d.]+; this is [\d.]+ with [\d.]+: it is rebuilt/,
    );
    const source = path.join(root, 'src/orders/domain/events.ts');
    const before = fs.readFileSync(source, 'utf8');
    const foreign = await cli(['audit', '--cache', '--cache-location', 'src/orders/domain/events.ts'], root);
    expect(foreign.stderr).toContain('is not a cosmic-lint cache; the audit runs without a cache and leaves the file as it is');
    expect(fs.readFileSync(source, 'utf8')).toBe(before);
  });

  it('does not rewrite a cache nothing changed, and rewrites it once a file changes', async () => {
    const root = path.join(temporary, 'untouched');
    fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
    const file = path.join(root, 'node_modules/.cache/cosmic-lint/facts.json');
    await cli(['audit', '--cache'], root);
    // An atomic write replaces the file: its inode tells whether it was written again.
    const written = fs.statSync(file).ino;
    expect((await cli(['audit', '--cache'], root)).stderr).toContain('cache: 10 of 10 files unchanged');
    expect(fs.statSync(file).ino).toBe(written);
    fs.appendFileSync(path.join(root, 'src/orders/domain/order.ts'), '\nexport const touched = 1;\n');
    expect((await cli(['audit', '--cache'], root)).stderr).toContain('cache: 9 of 10 files unchanged');
    expect(fs.statSync(file).ino).not.toBe(written);
  });

  it('keeps resolution while what it rested on holds, and resolves again once a file, folder or tsconfig it read changes', async () => {
    const root = path.join(temporary, 'resolution');
    fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
    const cached = () => cli(['audit', '--cache', '--format', 'json'], root);
    const plain = async () => (await cli(['audit', '--format', 'json'], root)).stdout;
    expect((await cached()).stderr).not.toContain('resolved');
    expect((await cached()).stderr).toContain('cache: 10 of 10 files unchanged since the cached run; their imports resolved as then');
    // A file no import looks for changes no answer: resolution still holds.
    fs.writeFileSync(path.join(root, 'src/orders/domain/notes.ts'), 'export const notes = 1;\n');
    const added = await cached();
    expect(added.stderr).toContain('cache: 10 of 11 files unchanged since the cached run; their imports resolved as then');
    expect(added.stdout).toBe(await plain());
    // An imported file gone: its importers' answers change.
    fs.rmSync(path.join(root, 'src/allocation/service-layer/queries.ts'));
    const removed = await cached();
    expect(removed.stderr).toContain('; imports resolved again (a file, folder, tsconfig or package they rest on changed)');
    expect(removed.stdout).toBe(await plain());
    expect(removed.stdout).toContain("'../../allocation/service-layer/queries.js'");
    expect((await cached()).stderr).toContain('their imports resolved as then');
    // The tsconfig read for every answer.
    fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, verbatimModuleSyntax: true } }));
    const tsconfig = await cached();
    expect(tsconfig.stderr).toContain('imports resolved again');
    expect(tsconfig.stdout).toBe(await plain());
  });

  it('creates the folders of a --cache-location that does not exist yet', async () => {
    const root = path.join(temporary, 'new-folder');
    fs.cpSync(fixturePath('violations', 'context-boundaries'), root, { recursive: true });
    const run = await cli(['audit', '--cache', '--cache-location', '.cache/cosmic/facts.json'], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cache: 0 of 10 files unchanged since the cached run (.cache/cosmic/facts.json)');
    expect(Object.keys((JSON.parse(fs.readFileSync(path.join(root, '.cache/cosmic/facts.json'), 'utf8')) as { files: object }).files)).toHaveLength(10);
  });

  it('refuses --cache-location without --cache, and a cache that is the report', async () => {
    expect((await cli(['audit', '--cache-location', 'x.json'])).stderr).toContain('--cache-location F needs --cache');
    const clash = await cli(['audit', fixturePath('sample'), '--cache', '--cache-location', path.join(temporary, 'same.json'), '--output', path.join(temporary, 'same.json')]);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('would be the same file');
  });
});
