import path from 'node:path';
import { expect, it } from 'vitest';
import { checkNoUnclassifiedFiles } from '../../src/checks/no-unclassified-files.js';
import { resolveConfig } from '../../src/config/load.js';
import { projectFromConfig } from '../../src/project/project.js';

it('names at most two globs per layer in its fix, however many modules the layout has', () => {
  const modules = Array.from({ length: 40 }, (_, index) => `src/modules/m${index}`);
  const root = path.resolve('/project');
  const project = projectFromConfig(
    resolveConfig({ layers: { domain: modules.map((module) => `${module}/domain/**`), adapters: 'src/adapters/**' } }, root, path.join(root, 'cosmic-lint.config.json')),
  );
  const file = path.join(root, 'src', 'utils', 'dates.ts');
  const [finding] = checkNoUnclassifiedFiles(project, {
    path: file,
    classification: project.classifier.classify(file),
    imports: [],
    constructions: () => [],
    mutableMembers: () => [],
    callables: () => [],
    writes: () => [],
    classes: () => [],
    registrations: () => [],
  });
  expect(finding!.data!['layers']).toBe('domain src/modules/m0/domain/** src/modules/m1/domain/** (and 38 more); adapters src/adapters/**');
});
