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

  it('treats an uninstalled bare specifier as a package, but an alias that matches paths as unresolved', () => {
    const root = fixturePath('violations', 'unresolved');
    const resolver = createResolver([path.join(root, 'tsconfig.json')], root);
    const from = path.join(root, 'src/domain/model.ts');
    expect(resolver.resolve('left-pad', from)).toEqual({ type: 'package', name: 'left-pad', builtin: false });
    expect(resolver.resolve('@lib/format.js', from)).toMatchObject({ type: 'unresolved', reason: expect.stringMatching(/matches a "paths" alias in tsconfig\.json/) });
    expect(resolver.resolve('./missing.js', from)).toEqual({ type: 'unresolved', reason: 'no file at that path' });
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
