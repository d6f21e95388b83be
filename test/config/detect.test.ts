import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectLayout } from '../../src/config/detect.js';
import { resolveConfig } from '../../src/config/load.js';
import { createClassifier } from '../../src/project/classify.js';
import { fixturePath } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-detect-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

function project(name: string, files: readonly string[]): string {
  const root = path.join(temporary, name);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), 'export {};\n');
  }
  return root;
}

const layersOf = (root: string) => Object.fromEntries(detectLayout(root).layers.map((list) => [list.name, list.globs]));

describe('layout detection finds every module', () => {
  it('vertical slices: one glob per module and layer, bootstrap and settings from the folders above, what is left named', () => {
    const root = fixturePath('layouts', 'vertical-slices');
    expect(layersOf(root)).toEqual({
      domain: ['src/modules/order/domain/**', 'src/modules/payment/domain/**', 'src/modules/user/domain/**'],
      'service-layer': ['src/modules/order/application/**', 'src/modules/payment/use-cases/**', 'src/modules/user/application/**'],
      adapters: ['src/modules/order/infrastructure/**', 'src/modules/payment/persistence/**', 'src/modules/user/infrastructure/**'],
      entrypoints: ['src/modules/order/api/**', 'src/modules/user/interface/**'],
      bootstrap: ['src/app.module.ts', 'src/main.ts', 'src/modules/order/OrderModule.ts', 'src/modules/user/user.module.ts'],
      shared: ['src/shared/**', 'src/config.ts'],
    });
    const { notes } = detectLayout(root);
    expect(notes[0]).toBe('3 modules (src/modules/order, src/modules/payment, src/modules/user)');
    expect(notes).toContain(
      'bootstrap: files src/app.module.ts (a NestJS module: it wires providers and controllers), src/main.ts (a guess from its name: confirm it in a config file), src/modules/order/OrderModule.ts (a NestJS module: it wires providers and controllers), src/modules/user/user.module.ts (a NestJS module: it wires providers and controllers)',
    );
    expect(notes).toContain(
      'contexts: order: src/modules/order/, payment: src/modules/payment/, user: src/modules/user/ (each publishes its commands and events; name them under "contexts" in a config file to change that)',
    );
    // Nested tests and mocks are neither modules nor "left in no layer": they are not checked.
    expect(notes.at(-1)).toBe('in no layer: src/modules/user/index.ts, src/modules/user/utils/ (name them under "layers" in a config file)');
  });

  it('bounded contexts four levels down, a shared kernel (Shared/{domain,infrastructure}) as a module, the tests tree skipped', () => {
    expect(layersOf(fixturePath('layouts', 'bounded-contexts'))).toEqual({
      domain: ['src/Contexts/Backoffice/Courses/domain/**', 'src/Contexts/Mooc/Courses/domain/**', 'src/Contexts/Mooc/Shared/domain/**', 'src/Contexts/Shared/domain/**'],
      'service-layer': ['src/Contexts/Backoffice/Courses/application/**', 'src/Contexts/Mooc/Courses/application/**'],
      adapters: [
        'src/Contexts/Backoffice/Courses/infrastructure/**',
        'src/Contexts/Mooc/Courses/infrastructure/**',
        'src/Contexts/Mooc/Shared/infrastructure/**',
        'src/Contexts/Shared/infrastructure/**',
      ],
    });
  });

  it('finds bounded contexts: each module, or each folder under a contexts folder; folders of one name are one context; a shared kernel by name; one context is none', () => {
    const contextsOf = (root: string) => detectLayout(root).contexts.map(({ name, roots, sharedKernel }) => [name, roots, sharedKernel]);
    expect(contextsOf(fixturePath('layouts', 'bounded-contexts'))).toEqual([
      ['Backoffice', ['src/Contexts/Backoffice'], false],
      ['Mooc', ['src/Contexts/Mooc'], false],
      ['Shared', ['src/Contexts/Shared'], true],
    ]);
    expect(contextsOf(fixturePath('layouts', 'vertical-slices')).map(([name]) => name)).toEqual(['order', 'payment', 'user']);
    const split = project('split-contexts', [
      'src/lib/bounded-contexts/iam/authentication/domain/x.ts',
      'src/lib/bounded-contexts/iam/authentication/application/x.ts',
      'src/bounded-contexts/iam/adapters/domain/x.ts',
      'src/bounded-contexts/iam/adapters/infrastructure/x.ts',
      'src/lib/bounded-contexts/todo/todo/domain/x.ts',
      'src/lib/bounded-contexts/todo/todo/application/x.ts',
      'src/libs/domain/x.ts',
      'src/libs/application/x.ts',
    ]);
    expect(contextsOf(split)).toEqual([
      ['iam', ['src/bounded-contexts/iam', 'src/lib/bounded-contexts/iam'], false],
      ['libs', ['src/libs'], true],
      ['todo', ['src/lib/bounded-contexts/todo'], false],
    ]);
    expect(contextsOf(fixturePath('layouts', 'book'))).toEqual([]);
    const config = resolveConfig({}, split, 'detected layout');
    const classifier = createClassifier(config);
    expect(classifier.classify(path.join(split, 'src/bounded-contexts/iam/adapters/domain/x.ts'))).toMatchObject({ context: 'iam', published: false });
    expect(classifier.classify(path.join(split, 'src/libs/domain/x.ts'))).toMatchObject({ context: 'libs', published: true });
    // A config that names its contexts is taken at its word: the detected ones are not added.
    expect(resolveConfig({ contexts: { todo: 'src/lib/bounded-contexts/todo' } }, split, 'config').contexts.map((context) => context.name)).toEqual(['todo']);
    // A misspelt folder would leave its context empty and its boundary unchecked: it is a config error.
    expect(() => resolveConfig({ contexts: { todo: 'src/lib/bounded-context/todo' } }, split, 'config')).toThrow(
      `invalid configuration: contexts.todo: "src/lib/bounded-context/todo" is not a folder (looked for ${path.join(split, 'src/lib/bounded-context/todo')})`,
    );
  });

  it('maps every spelling of the issue: clean architecture, the book, presentation and interfaces', () => {
    const root = project('spellings', [
      'a/domain/x.ts',
      'a/use-cases/x.ts',
      'a/infra/x.ts',
      'a/presentation/x.ts',
      'b/domain/x.ts',
      'b/usecases/x.ts',
      'b/adapters/x.ts',
      'b/interfaces/x.ts',
      'c/service_layer/x.ts',
      'c/persistence/x.ts',
      'c/controllers/x.ts',
      'c/composition-root.ts',
      'd/service-layer/x.ts',
      'd/http/x.ts',
      'd/shared/x.ts',
      'd/settings.ts',
      'd/bootstrap.ts',
    ]);
    expect(layersOf(root)).toEqual({
      domain: ['a/domain/**', 'b/domain/**'],
      'service-layer': ['a/use-cases/**', 'b/usecases/**', 'c/service_layer/**', 'd/service-layer/**'],
      adapters: ['a/infra/**', 'b/adapters/**', 'c/persistence/**'],
      entrypoints: ['a/presentation/**', 'b/interfaces/**', 'c/controllers/**', 'd/http/**'],
      bootstrap: ['c/composition-root.ts', 'd/bootstrap.ts'],
      shared: ['d/shared/**', 'd/settings.ts'],
    });
  });

  it('needs two layer folders (or a domain and a shared one) to call a folder a module; one alone counts only when nothing else is found', () => {
    const root = project('weak', ['src/modules/a/domain/x.ts', 'src/modules/a/application/x.ts', 'src/types/domain/x.ts', 'apps/api/server.ts', 'lib/services/x.ts']);
    expect(layersOf(root)).toEqual({ domain: ['src/modules/a/domain/**'], 'service-layer': ['src/modules/a/application/**'] });
    const early = project('chapter-one', ['src/domain/model.ts', 'src/domain/model.test.ts', 'src/other/domain/x.ts']);
    expect(detectLayout(early)).toEqual({
      layers: [{ name: 'domain', globs: ['src/domain/**'] }],
      contexts: [],
      notes: ["1 module (src): a domain folder alone, as in the book's first chapters", 'domain: folder src/domain/', 'in no layer: src/other/ (name them under "layers" in a config file)'],
    });
    expect(detectLayout(project('nothing', ['lib/services/x.ts', 'api/x.ts']))).toEqual({ layers: [], contexts: [], notes: [] });
  });

  it('generates globs that never put a file in two layers, even with a module inside a module and layer-named app folders', () => {
    const root = project('nested', [
      'src/domain/x.ts',
      'src/application/x.ts',
      'src/modules/billing/domain/x.ts',
      'src/modules/billing/infrastructure/x.ts',
      'apps/api/src/orders/domain/x.ts',
      'apps/api/src/orders/api/x.ts',
      'apps/api/main.ts',
      'src/domain/events/application/x.ts',
      'src/domain/events/infrastructure/x.ts',
    ]);
    const config = resolveConfig({}, root, 'test');
    const classifier = createClassifier(config);
    const layerOf = (file: string) => classifier.classify(path.join(root, file)).layer;
    expect(layerOf('src/domain/events/application/x.ts')).toBe('domain');
    expect(layerOf('src/modules/billing/infrastructure/x.ts')).toBe('adapters');
    expect(layerOf('apps/api/src/orders/api/x.ts')).toBe('entrypoints');
    expect(layerOf('apps/api/main.ts')).toBe('bootstrap');
    const globs = config.layers.flatMap((list) => list.globs);
    expect(new Set(globs).size).toBe(globs.length);
  });
});

describe('default exclusions', () => {
  it('do not check nested test folders, mocks, specs, type tests and e2e specs, at any depth', () => {
    const root = project('excluded', []);
    const classifier = createClassifier(resolveConfig({ layers: { domain: 'src/**' } }, root, 'test'));
    const checked = (file: string) => classifier.classify(path.join(root, file)).included;
    for (const file of [
      'src/modules/x/tests/builders/foo.ts',
      'src/modules/x/test/foo.ts',
      'src/modules/x/__tests__/foo.ts',
      'src/modules/x/__mocks__/foo.ts',
      'src/x/foo.spec.ts',
      'src/x/foo.test.tsx',
      'src/x/foo.test-d.ts',
      'test/app.e2e-spec.ts',
      'src/x/foo.d.ts',
    ]) {
      expect(checked(file), file).toBe(false);
    }
    expect(checked('src/modules/x/testing/fake-clock.ts')).toBe(true);
    expect(checked('src/modules/x/domain/contest.ts')).toBe(true);
  });
});
