import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['layer-direction']!;
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const fromRoot = (file: string) => path.relative(path.parse(file).root, file).split(path.sep).join('/');

/** Cases are written as files inside fixture projects, so configs, tsconfigs and targets are real. */
const typeOnly = (file: string) => fixturePath('violations', 'type-only', file);
const alias = (file: string) => fixturePath('violations', 'domain-adapter-alias', file);
const allocation = (file: string) => fixturePath('allocation', 'src', 'allocation', file);
/** Detected layouts with no preset in their config: the flat config's preset (`cosmic/preset`) decides. */
const composition = (file: string) => fixturePath('violations', 'bootstrap-only-from-entrypoints', 'src', file);
const boundary = (file: string) => fixturePath('violations', 'unit-of-work-boundary', 'src', file);

ruleTester.run('layer-direction', rule, {
  valid: [
    { name: 'domain imports domain', filename: typeOnly('src/domain/x.ts'), code: "import { Product } from './model.js';" },
    { name: 'service layer: import type of an adapter', filename: typeOnly('src/service-layer/x.ts'), code: "import type { Session } from '../adapters/orm.js';" },
    { name: 'service layer: every specifier inline type', filename: typeOnly('src/service-layer/x.ts'), code: "import { type Session, type Row } from '../adapters/orm.js';" },
    { name: 'service layer: export type from an adapter', filename: typeOnly('src/service-layer/x.ts'), code: "export type { Session } from '../adapters/orm.js';" },
    { name: 'service layer: typeof import() of an adapter', filename: typeOnly('src/service-layer/x.ts'), code: "type Orm = typeof import('../adapters/orm.js');" },
    { name: 'unit-of-work role may import the repository at runtime', filename: allocation('service-layer/unit-of-work.ts'), code: "import { SqlRepository } from '../adapters/repository.js';" },
    { name: 'entrypoint imports bootstrap through an alias', filename: allocation('entrypoints/x.ts'), code: "import { bootstrap } from '@allocation/bootstrap.js';" },
    { name: 'entrypoint imports a view', filename: allocation('entrypoints/x.ts'), code: "import { allocations } from '../views.js';" },
    { name: 'anyone imports shared config', filename: allocation('domain/x.ts'), code: "import { getApiUrl } from '../config.js';" },
    { name: "packages are not layer-direction's business", filename: allocation('domain/x.ts'), code: "import { Pool } from 'pg';" },
    { name: 'a computed require is not an import record', filename: allocation('domain/x.ts'), code: 'const m = require(name);' },
    {
      name: 'a handler importing bootstrap is left to the more specific bootstrap-only-from-entrypoints',
      filename: allocation('service-layer/handlers.ts'),
      code: "import { bootstrap } from '../bootstrap.js';",
    },
    { name: 'an entrypoint importing the repository is left to unit-of-work-boundary', filename: allocation('entrypoints/x.ts'), code: "import { SqlRepository } from '../adapters/repository.js';" },
    {
      name: 'recommended: the composition root registers an entrypoint (a NestJS module, a web-server factory)',
      filename: composition('bootstrap.ts'),
      code: "import { app } from './entrypoints/app.js';\nexport const server = app;",
    },
    {
      name: 'part1: the same',
      filename: composition('bootstrap.ts'),
      code: "import { app } from './entrypoints/app.js';\nexport const server = app;",
      settings: { 'cosmic/preset': 'part1' },
    },
    {
      name: 'adapters use each other: a module registering a repository',
      filename: boundary('adapters/database-module.ts'),
      code: "import { SqlRepository } from './repository.js';\nexport const providers = [SqlRepository];",
    },
    { name: 'a file outside include is not checked', filename: fixturePath('allocation', 'types', 'x.ts'), code: "import '../src/allocation/entrypoints/express-app.js';" },
  ],
  invalid: [
    {
      name: 'domain: static import of an adapter',
      filename: typeOnly('src/domain/x.ts'),
      code: "import { SqlSession } from '../adapters/orm.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 28, endColumn: 48 }],
    },
    {
      name: 'domain: import type still counts',
      filename: typeOnly('src/domain/x.ts'),
      code: "import type { Session } from '../adapters/orm.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 30 }],
    },
    {
      name: 'domain: inline type specifiers still count',
      filename: typeOnly('src/domain/x.ts'),
      code: "import { type Session } from '../adapters/orm.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 30 }],
    },
    {
      name: 'domain: export * from',
      filename: typeOnly('src/domain/x.ts'),
      code: "export * from '../adapters/orm.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 15 }],
    },
    {
      name: 'domain: export { x } from',
      filename: typeOnly('src/domain/x.ts'),
      code: "export { SqlSession } from '../adapters/orm.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 28 }],
    },
    {
      name: 'domain: import = require',
      filename: typeOnly('src/domain/x.ts'),
      code: "import orm = require('../adapters/orm.js');",
      errors: [{ messageId: 'forbidden', line: 1, column: 22 }],
    },
    {
      name: 'domain: require()',
      filename: typeOnly('src/domain/x.ts'),
      code: "const orm = require('../adapters/orm.js');",
      errors: [{ messageId: 'forbidden', line: 1, column: 21 }],
    },
    {
      name: 'domain: dynamic import()',
      filename: typeOnly('src/domain/x.ts'),
      code: "async function load() {\n  return import('../adapters/orm.js');\n}",
      errors: [{ messageId: 'forbidden', line: 2, column: 17 }],
    },
    {
      name: 'domain: typeof import() in a type',
      filename: typeOnly('src/domain/x.ts'),
      code: "type Orm = typeof import('../adapters/orm.js');",
      errors: [{ messageId: 'forbidden', line: 1, column: 26 }],
    },
    {
      name: 'domain: an adapter through a tsconfig paths alias',
      filename: alias('src/domain/x.ts'),
      code: "import { toRow } from '@app/adapters/orm.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 23 }],
    },
    {
      name: 'service layer: a runtime import of a concrete adapter',
      filename: typeOnly('src/service-layer/x.ts'),
      code: "import { SqlSession } from '../adapters/orm.js';\nexport const session = new SqlSession();",
      errors: [{ messageId: 'valueWhereTypeOnly', line: 1, column: 28 }],
    },
    {
      name: 'service layer: one value specifier among type ones makes it a runtime import',
      filename: typeOnly('src/service-layer/x.ts'),
      code: "import { type Session, SqlSession } from '../adapters/orm.js';\nexport const open = (): Session => new SqlSession();",
      errors: [{ messageId: 'valueWhereTypeOnly', line: 1, column: 42 }],
    },
    {
      name: 'anything importing an entrypoint',
      filename: allocation('service-layer/x.ts'),
      code: "import '../entrypoints/express-app.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 8 }],
    },
    {
      name: 'a service-layer file importing bootstrap, when bootstrap-only-from-entrypoints is off',
      filename: allocation('service-layer/x.ts'),
      code: "import { bootstrap } from '../bootstrap.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 27 }],
      settings: {
        cosmic: {
          layers: { 'service-layer': `${fromRoot(allocation('service-layer'))}/**`, bootstrap: fromRoot(allocation('bootstrap.ts')) },
          rules: { 'cosmic/bootstrap-only-from-entrypoints': 'off' },
        },
      },
    },
    {
      name: 'an adapter importing the message bus',
      filename: allocation('adapters/x.ts'),
      code: "import { MessageBus } from '../service-layer/message-bus.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 28 }],
    },
    {
      name: 'an entrypoint importing an adapter at runtime',
      filename: allocation('entrypoints/x.ts'),
      code: "import { EmailNotifications } from '../adapters/notifications.js';\nexport const notifications = new EmailNotifications();",
      errors: [{ messageId: 'valueWhereTypeOnly', line: 1, column: 36 }],
    },
    {
      name: 'shared importing the domain',
      filename: allocation('config-extra.ts'),
      code: "import { Product } from './domain/model.js';",
      errors: [{ messageId: 'forbidden', line: 1, column: 25 }],
      settings: {
        cosmic: {
          // settings.cosmic globs are relative to ESLint's cwd, which RuleTester sets to the file system root.
          layers: { domain: `${fromRoot(allocation('domain'))}/**`, shared: fromRoot(allocation('config-extra.ts')) },
        },
      },
    },
    {
      name: "domain: a repository is this rule's, with advice that fits the domain",
      filename: boundary('domain/x.ts'),
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const repository = new SqlRepository();",
      errors: [
        {
          messageId: 'forbidden',
          line: 1,
          column: 31,
          data: {
            from: 'domain',
            to: 'adapters (repository)',
            fromLayer: 'domain',
            toLayer: 'adapters',
            specifier: '../adapters/repository.js',
            target: 'src/adapters/repository.ts',
            typeNote: '',
            note: 'the domain depends on nothing outside itself, not even on types',
            fix: 'the domain must not know repositories or the unit of work: have the handler load and save through `uow.<repository>`, and pass plain values or aggregates in',
            preset: 'recommended',
          },
        },
      ],
    },
    {
      name: "strict: bootstrap may not import an entrypoint (the book's narrower composition root)",
      filename: composition('bootstrap.ts'),
      code: "import { app } from './entrypoints/app.js';\nexport const server = app;",
      settings: { 'cosmic/preset': 'strict' },
      errors: [
        {
          messageId: 'forbidden',
          line: 1,
          column: 21,
          data: {
            from: 'bootstrap',
            to: 'entrypoints',
            fromLayer: 'bootstrap',
            toLayer: 'entrypoints',
            specifier: './entrypoints/app.js',
            target: 'src/entrypoints/app.ts',
            typeNote: '',
            note: 'in the strict preset bootstrap builds the dependencies and the entrypoints call it, never the other way round',
            fix: 'let the entrypoint import bootstrap and take the message bus from it (the recommended preset lets a composition root register its controllers)',
            preset: 'strict',
          },
        },
      ],
    },
    {
      name: 'strict: the service layer may not even import adapter types',
      filename: typeOnly('src/service-layer/x.ts'),
      code: "import type { Session } from '../adapters/orm.js';",
      errors: [{ messageId: 'typeImportForbidden', line: 1, column: 30 }],
      settings: { 'cosmic/preset': 'strict' },
    },
  ],
});

const verbatim = fixturePath('violations', 'verbatim-type-import', 'src', 'entrypoints', 'app.ts');
new RuleTester().run('layer-direction: import type fixes under verbatimModuleSyntax', rule, {
  valid: [{ name: 'already import type', filename: verbatim, code: "import type { SqlRepository } from '../adapters/orm.js';\nexport type R = SqlRepository;" }],
  invalid: [
    {
      name: 'used only as a type: --fix adds type',
      filename: verbatim,
      code: "import { SqlRepository } from '../adapters/orm.js';\nexport type R = SqlRepository;",
      output: "import type { SqlRepository } from '../adapters/orm.js';\nexport type R = SqlRepository;",
      errors: [{ messageId: 'valueWhereTypeOnly', line: 1, column: 31 }],
    },
    {
      name: 'used as a value: no fix',
      filename: verbatim,
      code: "import { SqlRepository } from '../adapters/orm.js';\nexport const repository = new SqlRepository();",
      output: null,
      errors: [{ messageId: 'valueWhereTypeOnly', line: 1, column: 31 }],
    },
  ],
});
