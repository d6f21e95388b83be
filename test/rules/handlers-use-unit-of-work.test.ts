import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['handlers-use-unit-of-work']!;
import { expect, it } from 'vitest';
import { formatMessage } from '../../src/checks/finding.js';
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const handlers = fixturePath('violations', 'handlers-use-unit-of-work', 'src', 'service-layer', 'handlers.ts');
const services = fixturePath('stages', 'chapter-06', 'src', 'allocation', 'service-layer', 'services.ts');
/** A NestJS CQRS project: `*.handler.ts` in the application layer is a handler by convention. */
const nest = (file: string) => fixturePath('violations', 'nest-cqrs', 'src', file);
const nestHandler = nest('application/commands/allocate.handler.ts');
/** The same project described in settings, with the shipped package lists and the given changes. */
const nestSettings = (lists: object) => ({
  cosmic: { layers: { domain: '**/nest-cqrs/src/domain/**', 'service-layer': '**/nest-cqrs/src/application/**', adapters: '**/nest-cqrs/src/infrastructure/**' }, ...lists },
});

ruleTester.run('handlers-use-unit-of-work', rule, {
  valid: [
    { name: 'the abstract unit of work as a type', filename: handlers, code: "import type { AbstractUnitOfWork } from './unit-of-work.js';" },
    { name: 'the repository port as a type', filename: handlers, code: "import type { AbstractRepository } from '../adapters/repository.js';" },
    { name: 'a non-persistence adapter through the barrel', filename: handlers, code: "import { EmailNotifications } from '../adapters/index.js';" },
    {
      name: 'a namespace import whose constructed members are not persistence',
      filename: handlers,
      code: "import * as adapters from '../adapters/index.js';\nexport const n = new adapters.EmailNotifications();",
    },
    { name: 'a pure package', filename: handlers, code: "import { v4 } from 'uuid';" },
    {
      name: 'a file that is not a handler',
      filename: fixturePath('violations', 'handlers-use-unit-of-work', 'src', 'service-layer', 'unit-of-work.ts'),
      code: "import { SqlRepository } from '../adapters/repository.js';",
    },
    {
      name: 'dependency injection is wiring, not storage: @nestjs/common and @nestjs/cqrs',
      filename: nestHandler,
      code: "import { Inject, Injectable } from '@nestjs/common';\nimport { CommandHandler } from '@nestjs/cqrs';\n@Injectable()\n@CommandHandler(Object)\nexport class AllocateHandler {\n  constructor(@Inject('UOW') readonly uow: unknown) {}\n}",
    },
    { name: 'a persistence package as a type only', filename: nestHandler, code: "import type { DataSource } from 'typeorm';\nexport const run = (source: DataSource) => source;" },
    {
      name: 'an error handler in the application layer is not a message handler',
      filename: nest('application/error-handler.ts'),
      code: "import { QueryFailedError } from 'typeorm';\nexport const isConflict = (error: unknown) => error instanceof QueryFailedError;",
    },
    {
      name: 'a query handler is the read side (views), which may read storage',
      filename: nest('application/queries/find-users.query-handler.ts'),
      code: "import { InjectDataSource } from '@nestjs/typeorm';\nexport const inject = InjectDataSource();",
    },
    {
      name: 'an adapter under services/ is not a handler',
      filename: nest('infrastructure/services/cache.service.ts'),
      code: "import { Redis } from 'ioredis';\nexport const client = new Redis();",
    },
    {
      name: 'a package removed from the persistence list by the config',
      filename: nestHandler,
      code: "import { Redis } from 'ioredis';\nexport const client = new Redis();",
      settings: nestSettings({ persistence: { remove: ['ioredis'] } }),
    },
  ],
  invalid: [
    {
      name: 'a repository at runtime',
      filename: handlers,
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const repository = new SqlRepository();",
      errors: [
        {
          messageId: 'importsPersistence',
          line: 1,
          column: 31,
          data: { what: 'a repository', names: 'SqlRepository', specifier: '../adapters/repository.js', where: ' (defined in src/adapters/repository.ts)' },
        },
      ],
    },
    {
      name: 'a repository through a barrel (export *)',
      filename: handlers,
      code: "import { SqlRepository } from '../adapters/index.js';\nexport const repository = new SqlRepository();",
      errors: [
        {
          messageId: 'importsPersistence',
          line: 1,
          column: 31,
          data: { what: 'a repository', names: 'SqlRepository', specifier: '../adapters/index.js', where: ' (defined in src/adapters/repository.ts)' },
        },
      ],
    },
    {
      name: 'the ORM session factory through a renaming barrel re-export',
      filename: handlers,
      code: "import { makeSession } from '../adapters/index.js';\nexport const session = makeSession();",
      errors: [
        {
          messageId: 'importsPersistence',
          line: 1,
          column: 29,
          data: { what: 'the ORM mapping (session or data source)', names: 'makeSession', specifier: '../adapters/index.js', where: ' (defined in src/adapters/orm.ts)' },
        },
      ],
    },
    {
      name: 'new of a namespace member that is a repository',
      filename: handlers,
      code: "import * as adapters from '../adapters/index.js';\nexport const r = new adapters.SqlRepository();",
      errors: [{ messageId: 'constructsPersistence', line: 2, column: 22 }],
    },
    {
      name: 'a database client package',
      filename: handlers,
      code: "import { Pool } from 'pg';\nexport const pool = new Pool();",
      errors: [{ messageId: 'importsPersistencePackage', line: 1, column: 22, data: { name: 'pg', names: 'Pool', specifier: 'pg' } }],
    },
    {
      name: 'the NestJS integration of an ORM',
      filename: nestHandler,
      code: "import { InjectDataSource } from '@nestjs/typeorm';\nexport const inject = InjectDataSource();",
      errors: [{ messageId: 'importsPersistencePackage', line: 1, column: 34, data: { name: '@nestjs/typeorm', names: 'InjectDataSource', specifier: '@nestjs/typeorm' } }],
    },
    {
      name: 'a scoped ORM package matched by a glob (@mikro-orm/*)',
      filename: nestHandler,
      code: "import { MikroORM } from '@mikro-orm/core';\nexport const orm = MikroORM.init();",
      errors: [{ messageId: 'importsPersistencePackage', line: 1, column: 26, data: { name: '@mikro-orm/core', names: 'MikroORM', specifier: '@mikro-orm/core' } }],
    },
    {
      name: 'slonik and mongoose',
      filename: nestHandler,
      code: "import { createPool } from 'slonik';\nimport mongoose from 'mongoose';\nexport const pools = [createPool('postgres://'), mongoose.connect('mongodb://')];",
      errors: [
        { messageId: 'importsPersistencePackage', line: 1, data: { name: 'slonik', names: 'createPool', specifier: 'slonik' } },
        { messageId: 'importsPersistencePackage', line: 2, data: { name: 'mongoose', names: 'default', specifier: 'mongoose' } },
      ],
    },
    {
      name: 'the node:sqlite built-in reaches storage too',
      filename: nestHandler,
      code: "import { DatabaseSync } from 'node:sqlite';\nexport const db = new DatabaseSync(':memory:');",
      errors: [{ messageId: 'importsPersistencePackage', line: 1, data: { name: 'sqlite', names: 'DatabaseSync', specifier: 'node:sqlite' } }],
    },
    {
      name: 'a package added to the persistence list by the config',
      filename: nestHandler,
      code: "import { connect } from '@corp/db-client';\nexport const db = connect();",
      settings: nestSettings({ persistence: { add: ['@corp/*'] } }),
      errors: [{ messageId: 'importsPersistencePackage', line: 1, data: { name: '@corp/db-client', names: 'connect', specifier: '@corp/db-client' } }],
    },
    {
      name: 'require of the repository module',
      filename: handlers,
      code: "const repository = require('../adapters/repository.js');",
      errors: [{ messageId: 'importsPersistence', line: 1, column: 28 }],
    },
    {
      name: 'chapter-6 services.ts is a handler file by convention',
      filename: services,
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const repository = new SqlRepository();",
      errors: [{ messageId: 'importsPersistence', line: 1, column: 31 }],
    },
  ],
});

/** A handler typed with the concrete repository under verbatimModuleSyntax (which keeps the import at run time), beside the abstract class it extends. */
const concrete = fixturePath('violations', 'concrete-repository', 'src', 'service-layer', 'handlers.ts');
new RuleTester().run('handlers-use-unit-of-work: the abstract repository as a suggestion', rule, {
  valid: [
    {
      name: 'the suggestion applied: a type import of the abstract class',
      filename: concrete,
      code: "import type { AbstractRepository } from '../adapters/repository.js';\nexport async function allocate(products: AbstractRepository): Promise<void> {\n  await products.get('x');\n}",
    },
  ],
  invalid: [
    {
      name: 'used only as types: the import and every reference name the abstract class',
      filename: concrete,
      code: 'import { SqlRepository } from "../adapters/repository.js";\nexport async function allocate(products: SqlRepository, spare?: SqlRepository): Promise<SqlRepository> {\n  return products;\n}',
      output: null,
      errors: [
        {
          messageId: 'importsPersistence',
          line: 1,
          column: 31,
          suggestions: [
            {
              messageId: 'useAbstract',
              data: { concrete: 'SqlRepository', abstract: 'AbstractRepository' },
              output:
                'import type { AbstractRepository } from "../adapters/repository.js";\nexport async function allocate(products: AbstractRepository, spare?: AbstractRepository): Promise<AbstractRepository> {\n  return products;\n}',
            },
          ],
        },
      ],
    },
    {
      name: 'an alias: its references are renamed',
      filename: concrete,
      code: "import { SqlRepository as Products } from '../adapters/repository.js';\nexport type P = Products;",
      errors: [
        {
          messageId: 'importsPersistence',
          suggestions: [
            {
              messageId: 'useAbstract',
              data: { concrete: 'Products', abstract: 'AbstractRepository' },
              output: "import type { AbstractRepository } from '../adapters/repository.js';\nexport type P = AbstractRepository;",
            },
          ],
        },
      ],
    },
    {
      name: 'constructed: no suggestion (bootstrap must inject it; a rename would not)',
      filename: concrete,
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const products = new SqlRepository();",
      errors: [{ messageId: 'importsPersistence', suggestions: [] }],
    },
    {
      name: 'the abstract name is taken in the file: no suggestion',
      filename: concrete,
      code: "import { SqlRepository } from '../adapters/repository.js';\ninterface AbstractRepository {}\nexport type P = SqlRepository | AbstractRepository;",
      errors: [{ messageId: 'importsPersistence', suggestions: [] }],
    },
    {
      name: 'two names in one statement: no suggestion',
      filename: concrete,
      code: "import { SqlRepository, AbstractRepository as Base } from '../adapters/repository.js';\nexport type P = SqlRepository | Base;",
      errors: [{ messageId: 'importsPersistence', suggestions: [] }],
    },
  ],
});

it('offers suggestions, never applied by --fix', () => {
  expect(rule.meta.hasSuggestions).toBe(true);
  expect(formatMessage(rule.meta.messages['useAbstract']!, { concrete: 'SqlRepository', abstract: 'AbstractRepository' })).toBe(
    'Depend on AbstractRepository, the class SqlRepository extends: `import type { AbstractRepository }` from the same module, named instead of SqlRepository in this file (bootstrap goes on constructing SqlRepository and passing it in).',
  );
});
