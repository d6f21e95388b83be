import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CosmicError } from '../../src/config/errors.js';
import { resolveConfig } from '../../src/config/load.js';
import { createClassifier } from '../../src/project/classify.js';
import { conventionalRole } from '../../src/project/roles.js';

const root = path.resolve('/project');

describe('classification', () => {
  const config = resolveConfig(
    {
      layers: { domain: 'src/domain/**', 'service-layer': ['src/service-layer/**', 'src/views.ts'], adapters: 'src/adapters/**' },
      roles: { handlers: 'src/service-layer/use-cases/**' },
    },
    root,
    'test',
  );
  const classifier = createClassifier(config);

  it('gives the layer and the glob that put the file there', () => {
    expect(classifier.classify(path.join(root, 'src/views.ts'))).toMatchObject({
      file: 'src/views.ts',
      included: true,
      layer: 'service-layer',
      layerGlob: 'src/views.ts',
      role: 'views',
      roleReason: 'file name "views" (convention)',
    });
  });

  it('prefers a roles glob to the naming convention, and says so', () => {
    expect(classifier.classify(path.join(root, 'src/service-layer/use-cases/allocate.ts'))).toMatchObject({
      role: 'handlers',
      roleReason: 'roles.handlers glob "src/service-layer/use-cases/**"',
    });
  });

  it('leaves files outside every layer unclassified, and files outside the root unchecked', () => {
    expect(classifier.classify(path.join(root, 'src/other.ts'))).toMatchObject({ layer: undefined, included: true });
    expect(classifier.classify(path.resolve('/elsewhere/x.ts'))).toMatchObject({ layer: undefined, included: false });
  });

  it('excludes tests and declaration files by default', () => {
    expect(classifier.classify(path.join(root, 'src/domain/model.test.ts')).included).toBe(false);
    expect(classifier.classify(path.join(root, 'src/domain/types.d.ts')).included).toBe(false);
  });

  it('rejects a file matched by two layers, naming both globs', () => {
    const overlapping = createClassifier(resolveConfig({ layers: { domain: 'src/**', adapters: 'src/adapters/**' } }, root, 'cosmic-lint.config.json'));
    expect(() => overlapping.classify(path.join(root, 'src/adapters/orm.ts'))).toThrow(CosmicError);
    expect(() => overlapping.classify(path.join(root, 'src/adapters/orm.ts'))).toThrow(
      '"src/adapters/orm.ts" matches two layers: "domain" by glob "src/**" and "adapters" by glob "src/adapters/**"',
    );
  });
});

describe('conventional roles', () => {
  it.each([
    ['src/service-layer/handlers.ts', 'handlers'],
    ['src/service-layer/allocate-handler.ts', 'handlers'],
    ['src/service-layer/allocateHandlers.ts', 'handlers'],
    ['src/service-layer/handlers/allocate.ts', 'handlers'],
    ['src/service-layer/handlers/index.ts', 'handlers'],
    ['src/service-layer/unit-of-work.ts', 'unit-of-work'],
    ['src/service-layer/unitOfWork.ts', 'unit-of-work'],
    ['src/service-layer/uow.ts', 'unit-of-work'],
    ['src/service-layer/message-bus.ts', 'message-bus'],
    ['src/service-layer/messageBus.ts', 'message-bus'],
    ['src/adapters/repository.ts', 'repository'],
    ['src/adapters/product-repository.ts', 'repository'],
    ['src/adapters/orm.ts', 'orm'],
    ['src/domain/commands.ts', 'commands'],
    ['src/domain/commands/allocate.ts', 'commands'],
    ['src/domain/events.ts', 'events'],
    ['src/domain/model.ts', 'model'],
    ['src/views.ts', 'views'],
  ])('%s → %s', (file, role) => {
    expect(conventionalRole(file)?.role).toBe(role);
  });

  it('gives no role to an ordinary file', () => {
    expect(conventionalRole('src/domain/product.ts')).toBeUndefined();
  });
});
