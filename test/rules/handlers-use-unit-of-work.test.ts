import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/handlers-use-unit-of-work.js';
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const handlers = fixturePath('violations', 'handlers-use-unit-of-work', 'src', 'service-layer', 'handlers.ts');
const services = fixturePath('stages', 'chapter-06', 'src', 'allocation', 'service-layer', 'services.ts');

ruleTester.run('handlers-use-unit-of-work', rule, {
  valid: [
    { name: 'the abstract unit of work as a type', filename: handlers, code: "import type { AbstractUnitOfWork } from './unit-of-work.js';" },
    { name: 'the repository port as a type', filename: handlers, code: "import type { AbstractRepository } from '../adapters/repository.js';" },
    { name: 'a non-persistence adapter through the barrel', filename: handlers, code: "import { EmailNotifications } from '../adapters/index.js';" },
    { name: 'a namespace import whose constructed members are not persistence', filename: handlers, code: "import * as adapters from '../adapters/index.js';\nexport const n = new adapters.EmailNotifications();" },
    { name: 'a pure package', filename: handlers, code: "import { v4 } from 'uuid';" },
    { name: 'a file that is not a handler', filename: fixturePath('violations', 'handlers-use-unit-of-work', 'src', 'service-layer', 'unit-of-work.ts'), code: "import { SqlRepository } from '../adapters/repository.js';" },
  ],
  invalid: [
    {
      name: 'a repository at runtime',
      filename: handlers,
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const repository = new SqlRepository();",
      errors: [{ messageId: 'importsPersistence', line: 1, column: 31, data: { what: 'a repository', names: 'SqlRepository', specifier: '../adapters/repository.js', where: ' (defined in src/adapters/repository.ts)' } }],
    },
    {
      name: 'a repository through a barrel (export *)',
      filename: handlers,
      code: "import { SqlRepository } from '../adapters/index.js';\nexport const repository = new SqlRepository();",
      errors: [{ messageId: 'importsPersistence', line: 1, column: 31, data: { what: 'a repository', names: 'SqlRepository', specifier: '../adapters/index.js', where: ' (defined in src/adapters/repository.ts)' } }],
    },
    {
      name: 'the ORM session factory through a renaming barrel re-export',
      filename: handlers,
      code: "import { makeSession } from '../adapters/index.js';\nexport const session = makeSession();",
      errors: [{ messageId: 'importsPersistence', line: 1, column: 29, data: { what: 'the ORM mapping (session or data source)', names: 'makeSession', specifier: '../adapters/index.js', where: ' (defined in src/adapters/orm.ts)' } }],
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
      errors: [{ messageId: 'importsPersistence', line: 1, column: 22, data: { what: "the infrastructure package 'pg'", names: 'Pool', specifier: 'pg', where: '' } }],
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
