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
      roleReason: 'file name "views": the word "views" (views by convention in the service layer)',
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
    expect(() => overlapping.classify(path.join(root, 'src/adapters/orm.ts'))).toThrow('"src/adapters/orm.ts" matches two layers: "domain" by glob "src/**" and "adapters" by glob "src/adapters/**"');
  });
});

describe('conventional roles', () => {
  it.each([
    ['src/service-layer/handlers.ts', 'service-layer', 'handlers'],
    ['src/service-layer/allocate-handler.ts', 'service-layer', 'handlers'],
    ['src/service-layer/AllocateHandler.ts', 'service-layer', 'handlers'],
    ['src/service-layer/allocate.handler.ts', 'service-layer', 'handlers'],
    ['src/service-layer/allocate_handler.ts', 'service-layer', 'handlers'],
    ['src/service-layer/allocateHandlers.ts', 'service-layer', 'handlers'],
    ['src/service-layer/allocation-event-handler.ts', 'service-layer', 'handlers'],
    ['src/service-layer/create-user.command-handler.ts', 'service-layer', 'handlers'],
    ['src/service-layer/services.ts', 'service-layer', 'handlers'],
    ['src/service-layer/services/allocate.ts', 'service-layer', 'handlers'],
    ['src/service-layer/handlers/allocate.ts', 'service-layer', 'handlers'],
    ['src/service-layer/handlers/index.ts', 'service-layer', 'handlers'],
    ['src/service-layer/command-handlers/allocate.ts', 'service-layer', 'handlers'],
    ['src/service-layer/handlers/notifications/send-email.ts', 'service-layer', 'handlers'],
    ['src/service-layer/unit-of-work.ts', 'service-layer', 'unit-of-work'],
    ['src/service-layer/unitOfWork.ts', 'service-layer', 'unit-of-work'],
    ['src/service-layer/SqlUnitOfWork.ts', 'service-layer', 'unit-of-work'],
    ['src/service-layer/uow.ts', 'service-layer', 'unit-of-work'],
    ['src/service-layer/UoW.ts', 'service-layer', 'unit-of-work'],
    ['src/service-layer/message-bus.ts', 'service-layer', 'message-bus'],
    ['src/service-layer/messageBus.ts', 'service-layer', 'message-bus'],
    ['src/service-layer/messageBus/index.ts', 'service-layer', 'message-bus'],
    ['src/service-layer/bus.ts', 'service-layer', 'message-bus'],
    ['src/service-layer/views.ts', 'service-layer', 'views'],
    ['src/service-layer/find-users.query-handler.ts', 'service-layer', 'views'],
    ['src/adapters/repository.ts', 'adapters', 'repository'],
    ['src/adapters/product-repository.ts', 'adapters', 'repository'],
    ['src/adapters/ProductRepository.ts', 'adapters', 'repository'],
    ['src/adapters/product.repository.ts', 'adapters', 'repository'],
    ['src/adapters/repos/postRepo.ts', 'adapters', 'repository'],
    ['src/adapters/orm.ts', 'adapters', 'orm'],
    ['src/adapters/mikro-orm.ts', 'adapters', 'orm'],
    ['src/adapters/notifications.ts', 'adapters', 'notifications'],
    ['src/adapters/redis-eventpublisher.ts', 'adapters', 'event-publisher'],
    ['src/adapters/redis-event-publisher.ts', 'adapters', 'event-publisher'],
    ['src/domain/commands.ts', 'domain', 'commands'],
    ['src/domain/commands/allocate.ts', 'domain', 'commands'],
    ['src/domain/allocate.command.ts', 'domain', 'commands'],
    ['src/domain/events.ts', 'domain', 'events'],
    ['src/domain/exceptions.ts', 'domain', 'exceptions'],
    ['src/domain/out-of-stock.error.ts', 'domain', 'exceptions'],
    ['src/domain/model.ts', 'domain', 'model'],
  ] as const)('%s in %s → %s', (file, layer, role) => {
    expect(conventionalRole(file, layer).role).toBe(role);
  });

  it.each([
    // whole words only
    ['src/service-layer/producthandler.ts', 'service-layer'],
    ['src/adapters/typeorm.ts', 'adapters'],
    ['src/service-layer/handler-registry.ts', 'service-layer'],
    ['src/service-layer/user-services.ts', 'service-layer'],
    // handlers that are framework plumbing, not the book's message handlers
    ['src/service-layer/errorHandler.ts', 'service-layer'],
    ['src/service-layer/request-handler.ts', 'service-layer'],
    ['src/service-layer/ExceptionHandler.ts', 'service-layer'],
    ['src/service-layer/http.handler.ts', 'service-layer'],
    ['src/service-layer/handlers/error-handler.ts', 'service-layer'],
    // the right word in a layer where the book puts no such role
    ['src/entrypoints/errorHandler.ts', 'entrypoints'],
    ['src/entrypoints/allocate-handler.ts', 'entrypoints'],
    ['src/adapters/services/redis.service.ts', 'adapters'],
    ['src/adapters/handlers.ts', 'adapters'],
    ['src/domain/product-repository.ts', 'domain'],
    ['src/service-layer/repository.ts', 'service-layer'],
    ['src/service-layer/commands/allocate.ts', 'service-layer'],
    ['src/bootstrap/messageBus/module.ts', 'bootstrap'],
    ['src/shared/unit-of-work.ts', 'shared'],
    ['src/domain/product.ts', 'domain'],
  ] as const)('%s in %s → no role', (file, layer) => {
    expect(conventionalRole(file, layer).role).toBeUndefined();
  });

  it('gives no role to a declaration file, whatever its name', () => {
    const verdict = conventionalRole('src/adapters/ArticleRepository.d.ts', 'adapters');
    expect(verdict.role).toBeUndefined();
    expect(verdict.notes).toEqual(['a declaration file (.d.ts) gets no role by convention: it declares types, the code is elsewhere']);
  });

  it('gives no role to a file in no layer, and says why', () => {
    expect(conventionalRole('src/handlers.ts', undefined)).toEqual({
      role: undefined,
      reason: undefined,
      notes: ['file name "handlers" suggests handlers, but the file is in no layer, and conventions give roles only inside layers'],
    });
  });

  it('names the word matched and the layer in its reason', () => {
    expect(conventionalRole('src/service-layer/AllocateHandler.ts', 'service-layer')).toEqual({
      role: 'handlers',
      reason: 'file name "AllocateHandler": the word "handler" (handlers by convention in the service layer)',
      from: 'file-name',
      notes: [],
    });
    expect(conventionalRole('src/service-layer/handlers/util.ts', 'service-layer')).toMatchObject({ role: 'handlers', from: 'folder' });
    expect(conventionalRole('src/service-layer/sql-unit-of-work.ts', 'service-layer').reason).toBe(
      'file name "sql-unit-of-work": the word "unit of work" (unit-of-work by convention in the service layer)',
    );
  });

  it('explains a convention not applied: the wrong layer, plumbing, or a configured role', () => {
    expect(conventionalRole('src/infrastructure/services/redis.service.ts', 'adapters').notes).toEqual([
      'folder "services/" suggests handlers, but the file is in the adapters, where the book puts no handlers (by convention only in the service layer)',
    ]);
    expect(conventionalRole('src/service-layer/errorHandler.ts', 'service-layer').notes).toEqual([
      'file name "errorHandler" ends in "error handler": a framework\'s error handler, not the book\'s message handler, so no handlers role',
    ]);
    expect(conventionalRole('src/service-layer/foo-handler.ts', 'service-layer', new Set(['handlers']))).toEqual({
      role: undefined,
      reason: undefined,
      notes: ['file name "foo-handler" suggests handlers, but roles.handlers is configured, so conventions are off for it: only its globs give that role'],
    });
  });

  it('takes a folder whose role cannot apply for a grouping and looks further out, but a file name decides', () => {
    const grouped = conventionalRole('src/service-layer/handlers/notifications/send.ts', 'service-layer');
    expect(grouped.role).toBe('handlers');
    expect(grouped.notes).toEqual(['folder "notifications/" suggests notifications, but the file is in the service layer, where the book puts no notifications (by convention only in the adapters)']);
    expect(conventionalRole('src/service-layer/unit-of-work/events.ts', 'service-layer').role).toBeUndefined();
  });
});

describe('roles in the config', () => {
  const layers = { domain: 'src/domain/**', 'service-layer': 'src/service-layer/**', adapters: 'src/adapters/**', entrypoints: 'src/entrypoints/**' };
  const classifierFor = (roles: Record<string, string | string[]>) => createClassifier(resolveConfig({ layers, roles }, root, 'cosmic-lint.config.json'));
  const at = (file: string) => path.join(root, file);

  it('takes a configured role from its globs only: conventions add nothing to it', () => {
    const classifier = classifierFor({ handlers: 'src/service-layer/use-cases/**' });
    expect(classifier.classify(at('src/service-layer/use-cases/allocate.ts'))).toMatchObject({ role: 'handlers', roleNotes: [] });
    expect(classifier.classify(at('src/service-layer/foo-handler.ts'))).toMatchObject({
      role: undefined,
      roleNotes: ['file name "foo-handler" suggests handlers, but roles.handlers is configured, so conventions are off for it: only its globs give that role'],
    });
    // other roles keep their conventions
    expect(classifier.classify(at('src/service-layer/unit-of-work.ts')).role).toBe('unit-of-work');
  });

  it('lets a composition root in a messageBus/ folder be, when the message bus is listed', () => {
    const classifier = classifierFor({ 'message-bus': 'src/service-layer/message-bus.ts' });
    expect(classifier.classify(at('src/service-layer/messageBus/composition-root.ts')).role).toBeUndefined();
    expect(classifier.classify(at('src/service-layer/message-bus.ts')).role).toBe('message-bus');
  });

  it('takes files out of a role with a "!" glob, and says which', () => {
    const classifier = classifierFor({ handlers: ['src/service-layer/**/*-handler.ts', '!src/service-layer/**/error-handler.ts'] });
    expect(classifier.classify(at('src/service-layer/allocate-handler.ts'))).toMatchObject({ role: 'handlers', roleReason: 'roles.handlers glob "src/service-layer/**/*-handler.ts"' });
    expect(classifier.classify(at('src/service-layer/http/error-handler.ts'))).toMatchObject({
      role: undefined,
      roleNotes: [
        'roles.handlers glob "src/service-layer/**/*-handler.ts" matches, but "!src/service-layer/**/error-handler.ts" takes the file out',
        'file name "error-handler" ends in "error handler": a framework\'s error handler, not the book\'s message handler, so no handlers role',
      ],
    });
  });

  it('gives the files of roles.none no role, conventions included', () => {
    const classifier = classifierFor({ none: ['src/service-layer/services/**', '!src/service-layer/services/handlers.ts'] });
    expect(classifier.classify(at('src/service-layer/services/redis.ts'))).toMatchObject({
      role: undefined,
      roleReason: 'roles.none glob "src/service-layer/services/**": no role, and no convention applies',
      roleNotes: [],
    });
    expect(classifier.classify(at('src/service-layer/services/allocate-handler.ts')).role).toBeUndefined();
    expect(classifier.classify(at('src/service-layer/services/handlers.ts')).role).toBe('handlers');
  });

  it('rejects a file matched by two roles, naming both globs', () => {
    const classifier = classifierFor({ handlers: 'src/service-layer/**', views: 'src/service-layer/views/**' });
    expect(() => classifier.classify(at('src/service-layer/views/allocations.ts'))).toThrow(CosmicError);
    expect(() => classifier.classify(at('src/service-layer/views/allocations.ts'))).toThrow(
      '"src/service-layer/views/allocations.ts" matches two entries of roles: handlers by glob "src/service-layer/**" and views by glob "src/service-layer/views/**". A file may have one role (or none) only',
    );
    const withNone = classifierFor({ handlers: 'src/service-layer/**', none: 'src/service-layer/ports/**' });
    expect(() => withNone.classify(at('src/service-layer/ports/x.ts'))).toThrow(
      'matches two entries of roles: handlers by glob "src/service-layer/**" and none (no role) by glob "src/service-layer/ports/**"',
    );
    // a "!" glob resolves the overlap
    const narrowed = classifierFor({ handlers: ['src/service-layer/**', '!src/service-layer/views/**'], views: 'src/service-layer/views/**' });
    expect(narrowed.classify(at('src/service-layer/views/allocations.ts')).role).toBe('views');
  });
});

it('says which convention lost when two apply: the nearest name decides', () => {
  const role = conventionalRole('src/service-layer/views/allocate.handler.ts', 'service-layer');
  expect(role.role).toBe('handlers');
  expect(role.notes).toContain('folder "views/" suggests views, but file name "allocate.handler" is nearer and decides');
  // A folder whose role cannot hold in this layer is no rival: commands are the domain's.
  expect(conventionalRole('src/service-layer/commands/allocate.handler.ts', 'service-layer').notes).toEqual([]);
});
