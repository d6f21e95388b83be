import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinName, packageName } from '../../src/project/packages.js';
import { createResolver } from '../../src/project/resolve.js';
import { fixturePath, REPO_ROOT } from '../helpers.js';

describe('package names', () => {
  it.each([
    ['typeorm', 'typeorm'],
    ['typeorm/browser', 'typeorm'],
    ['@aws-sdk/client-s3', '@aws-sdk/client-s3'],
    ['@aws-sdk/client-s3/dist-es/index.js', '@aws-sdk/client-s3'],
    ['./orm', undefined],
    ['../orm', undefined],
    ['/abs/orm', undefined],
    ['#internal', undefined],
    ['@/adapters/orm', undefined],
    ['~/adapters/orm', undefined],
  ])('%s → %s', (specifier, name) => {
    expect(packageName(specifier)).toBe(name);
  });

  it('recognises built-ins with and without node:, subpaths included', () => {
    expect(builtinName('node:fs')).toBe('fs');
    expect(builtinName('fs/promises')).toBe('fs');
    expect(builtinName('node:test')).toBe('test');
    expect(builtinName('child_process')).toBe('child_process');
    expect(builtinName('typeorm')).toBeUndefined();
  });
});

describe('resolution with TypeScript', () => {
  it('follows tsconfig extends to its paths and maps .js to .ts', () => {
    const root = fixturePath('violations', 'domain-adapter-alias');
    const resolver = createResolver([path.join(root, 'tsconfig.json')], root);
    expect(resolver.resolve('@app/adapters/orm.js', path.join(root, 'src/domain/model.ts'))).toEqual({
      type: 'file',
      path: path.join(root, 'src/adapters/orm.ts'),
    });
    expect(resolver.diagnostics).toEqual([]);
  });

  it('names installed packages from node_modules, subpath and scope aware', () => {
    const resolver = createResolver([path.join(REPO_ROOT, 'tsconfig.json')], REPO_ROOT);
    const from = path.join(REPO_ROOT, 'src/index.ts');
    expect(resolver.resolve('ajv', from)).toEqual({ type: 'package', name: 'ajv', builtin: false });
    expect(resolver.resolve('@typescript-eslint/utils', from)).toEqual({ type: 'package', name: '@typescript-eslint/utils', builtin: false });
    expect(resolver.resolve('node:path', from)).toEqual({ type: 'package', name: 'path', builtin: true });
  });

  it('takes a bare name that resolves to nothing for a package only when a package.json declares it; an alias that matches paths is unresolved', () => {
    const root = fixturePath('violations', 'unresolved');
    const resolver = createResolver([path.join(root, 'tsconfig.json')], root);
    const from = path.join(root, 'src/domain/model.ts');
    expect(resolver.resolve('uuid', from)).toEqual({ type: 'package', name: 'uuid', builtin: false });
    expect(resolver.resolve('left-pad', from)).toEqual({
      type: 'unresolved',
      reason: `no package.json of the project declares 'left-pad' (looked in package.json) and it is not installed (no node_modules/left-pad at or above ./), and no "paths" alias in tsconfig.json matches it`,
    });
    expect(resolver.resolve('@lib/format.js', from)).toMatchObject({ type: 'unresolved', reason: expect.stringMatching(/matches a "paths" alias in tsconfig\.json/) });
    expect(resolver.resolve('./missing.js', from)).toEqual({ type: 'unresolved', reason: 'no file at that path' });
  });

  it('never takes a project folder or an undefined alias for a package (fail closed), but a declared, uninstalled dependency stays one', () => {
    const root = fixturePath('audit', 'unresolved-bare');
    const resolver = createResolver([path.join(root, 'tsconfig.json')], root);
    const from = path.join(root, 'src/domain/model.ts');
    expect(resolver.resolve('src/adapters/orm', from)).toEqual({
      type: 'unresolved',
      reason: `'src' is the project folder src/, not a package, and no file matches it (no "baseUrl" or "paths" alias in tsconfig.json maps it)`,
    });
    expect(resolver.resolve('@app/adapters/orm', from)).toMatchObject({ type: 'unresolved', reason: expect.stringContaining("no package.json of the project declares '@app/adapters'") });
    expect(resolver.resolve('pg', path.join(root, 'src/adapters/orm.ts'))).toEqual({ type: 'package', name: 'pg', builtin: false });
    expect(resolver.resolve('node:fs', from)).toEqual({ type: 'package', name: 'fs', builtin: true });
    // Without a tsconfig the folder is still a folder.
    expect(createResolver([], root).resolve('src/adapters/orm', from)).toMatchObject({ type: 'unresolved', reason: expect.stringContaining('there is no tsconfig.json to map it') });
  });

  it("counts a module the project declares itself (`declare module 'pg'` in an included .d.ts) as a package", () => {
    const root = fixturePath('allocation');
    const resolver = createResolver([path.join(root, 'tsconfig.json')], root);
    const from = path.join(root, 'src/allocation/adapters/orm.ts');
    expect(resolver.resolve('pg', from)).toEqual({ type: 'package', name: 'pg', builtin: false });
    expect(resolver.resolve('nodemailer', from)).toEqual({ type: 'package', name: 'nodemailer', builtin: false });
    expect(resolver.resolve('left-pad', from)).toMatchObject({ type: 'unresolved' });
  });

  it('reads the package.json files from the importer up to the root (and the nearest one above it), and caches per package', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-declared-'));
    try {
      const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      };
      write('package.json', JSON.stringify({ name: 'repo', devDependencies: { zod: '3' } }));
      write('app/packages/a/package.json', JSON.stringify({ name: '@repo/a', dependencies: { lodash: '4' }, devDependencies: { '@types/scope__typed': '1' } }));
      write('app/packages/b/package.json', JSON.stringify({ name: '@repo/b' }));
      write('app/packages/b/nested/package.json', '{ not json');
      const app = path.join(root, 'app');
      const resolver = createResolver([], app);
      const inA = path.join(app, 'packages/a/src/x.ts');
      const inB = path.join(app, 'packages/b/src/x.ts');
      // b first, then a: the answer for b must not be served to a from the cache, nor the other way round.
      expect(resolver.resolve('lodash', inB)).toMatchObject({ type: 'unresolved', reason: expect.stringContaining('looked in packages/b/package.json, ../package.json') });
      expect(resolver.resolve('lodash', inA)).toEqual({ type: 'package', name: 'lodash', builtin: false });
      expect(resolver.resolve('lodash/fp', inA)).toEqual({ type: 'package', name: 'lodash', builtin: false });
      expect(resolver.resolve('lodash', inB)).toMatchObject({ type: 'unresolved' });
      expect(resolver.resolve('@scope/typed', inA)).toEqual({ type: 'package', name: '@scope/typed', builtin: false });
      expect(resolver.resolve('@repo/a/sub', inA)).toEqual({ type: 'package', name: '@repo/a', builtin: false });
      // The repository above the config root declares zod: the package the project lives in counts.
      expect(resolver.resolve('zod', inB)).toEqual({ type: 'package', name: 'zod', builtin: false });
      expect(resolver.resolve('zod', path.join(app, 'packages/b/nested/x.ts'))).toEqual({ type: 'package', name: 'zod', builtin: false });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('without a tsconfig, says an alias-looking specifier has no tsconfig to define it', () => {
    const root = fixturePath('violations', 'unresolved');
    const resolver = createResolver([], root);
    expect(resolver.resolve('@/x', path.join(root, 'src/domain/model.ts'))).toEqual({
      type: 'unresolved',
      reason: 'it looks like a path alias, but no tsconfig.json was found to define it',
    });
  });

  it('answers the same question from its cache', () => {
    const root = fixturePath('allocation');
    const resolver = createResolver([path.join(root, 'tsconfig.json')], root);
    const from = path.join(root, 'src/allocation/entrypoints/express-app.ts');
    const first = resolver.resolve('@allocation/bootstrap.js', from);
    expect(first).toEqual({ type: 'file', path: path.join(root, 'src/allocation/bootstrap.ts') });
    expect(resolver.resolve('@allocation/bootstrap.js', from)).toBe(first);
  });
});
