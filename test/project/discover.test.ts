import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/load.js';
import { createClassifier } from '../../src/project/classify.js';
import { discoverFiles, pathKind } from '../../src/project/discover.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-discover-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('skips node_modules, .git, .gitignored folders and files (nested .gitignore too), tests and declarations', () => {
  const files = [
    'src/domain/model.ts',
    'src/domain/model.test.ts',
    'src/domain/types.d.ts',
    'src/generated/client.ts',
    'src/adapters/orm.ts',
    'src/adapters/secret.ts',
    'node_modules/pg/index.ts',
    '.git/hooks/x.ts',
    'build/out.ts',
  ];
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), 'export {};\n');
  }
  fs.writeFileSync(path.join(root, '.gitignore'), 'src/generated/\n');
  fs.writeFileSync(path.join(root, 'src', 'adapters', '.gitignore'), 'secret.ts\n');
  const classifier = createClassifier(resolveConfig({ layers: { domain: 'src/domain/**', adapters: 'src/adapters/**' } }, root, 'test'));
  const found = discoverFiles([root], classifier);
  expect(found.files.map((file) => path.relative(root, file).split(path.sep).join('/'))).toEqual(['src/adapters/orm.ts', 'src/domain/model.ts']);
  expect(found.unreadable).toEqual([]);
  expect(discoverFiles([path.join(root, 'missing')], classifier).unreadable).toEqual([{ path: path.join(root, 'missing'), message: 'no such file or folder' }]);
});

it('tells a folder from a file by the file system, not by a dot in the name', () => {
  fs.mkdirSync(path.join(root, 'my.app', 'api.v2'), { recursive: true });
  fs.writeFileSync(path.join(root, 'my.app', 'api.v2', 'index.ts'), 'export {};\n');
  fs.writeFileSync(path.join(root, 'Makefile'), '');
  expect(pathKind(path.join(root, 'my.app'))).toBe('directory');
  expect(pathKind(path.join(root, 'my.app', 'api.v2'))).toBe('directory');
  expect(pathKind(path.join(root, 'my.app', 'api.v2', 'index.ts'))).toBe('file');
  expect(pathKind(path.join(root, 'Makefile'))).toBe('file');
  expect(pathKind(path.join(root, 'gone.app'))).toBeUndefined();
});

it('skips test folders, mocks and specs nested at any depth by default', () => {
  const nested = path.join(root, 'nested');
  for (const file of ['src/modules/user/domain/user.ts', 'src/modules/user/tests/builders/user-builder.ts', 'src/modules/user/__mocks__/repo.ts', 'src/modules/user/domain/user.e2e-spec.ts']) {
    fs.mkdirSync(path.dirname(path.join(nested, file)), { recursive: true });
    fs.writeFileSync(path.join(nested, file), 'export {};\n');
  }
  const classifier = createClassifier(resolveConfig({ layers: { domain: 'src/**' } }, nested, 'test'));
  expect(discoverFiles([nested], classifier).files.map((file) => path.relative(nested, file).split(path.sep).join('/'))).toEqual(['src/modules/user/domain/user.ts']);
});
