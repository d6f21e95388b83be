import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['unit-of-work-boundary']!;
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const at = (file: string) => fixturePath('violations', 'unit-of-work-boundary', 'src', file);

ruleTester.run('unit-of-work-boundary', rule, {
  valid: [
    { name: 'the unit of work imports the repository', filename: at('service-layer/unit-of-work.ts'), code: "import { SqlRepository } from '../adapters/repository.js';" },
    { name: 'bootstrap imports the repository', filename: at('bootstrap.ts'), code: "import { SqlRepository } from './adapters/repository.js';" },
    { name: 'a repository implementation extends the abstract one', filename: at('adapters/other-repository.ts'), code: "import { AbstractRepository } from './repository.js';" },
    { name: 'an entrypoint imports the port as a type', filename: at('entrypoints/x.ts'), code: "import type { AbstractRepository } from '../adapters/repository.js';" },
    { name: 'a barrel re-exports the repository', filename: at('adapters/index.ts'), code: "export * from './repository.js';" },
    // Adapters may use each other: a connection pool or a module registering its repositories.
    {
      name: 'an adapter that is not a repository imports it',
      filename: at('adapters/notifications.ts'),
      code: "const { SqlRepository } = require('./repository.js');\nexport const repositories = [SqlRepository];",
    },
    // The domain may not import adapters at all: that is layer-direction's finding, with advice for the domain.
    {
      name: 'the domain imports the repository (layer-direction reports it)',
      filename: at('domain/x.ts'),
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const repository = new SqlRepository();",
    },
  ],
  invalid: [
    {
      name: 'an entrypoint imports the concrete repository',
      filename: at('entrypoints/x.ts'),
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const repository = new SqlRepository();",
      errors: [
        {
          messageId: 'repositoryOutsideUnitOfWork',
          line: 1,
          column: 31,
          data: {
            from: 'entrypoints',
            names: 'SqlRepository',
            specifier: '../adapters/repository.js',
            target: 'src/adapters/repository.ts',
            fix: 'send a command whose handler loads and saves through `uow.<repository>`, or read through a view; import only types from the repository module here',
          },
        },
      ],
    },
    {
      name: 'a service-layer file that is not the unit of work imports it',
      filename: at('service-layer/allocation-service.ts'),
      code: "import { SqlRepository } from '../adapters/repository.js';\nexport const repository = new SqlRepository();",
      errors: [
        {
          messageId: 'repositoryOutsideUnitOfWork',
          line: 1,
          column: 31,
          data: {
            from: 'service-layer',
            names: 'SqlRepository',
            specifier: '../adapters/repository.js',
            target: 'src/adapters/repository.ts',
            fix: 'import the concrete repository only in the unit of work (or bootstrap), use `uow.<repository>` here, and import only types from the repository module',
          },
        },
      ],
    },
    {
      name: 'the unit of work imports the message bus',
      filename: at('service-layer/unit-of-work.ts'),
      code: "import { MessageBus } from './message-bus.js';\nexport const bus = new MessageBus();",
      errors: [{ messageId: 'unitOfWorkImportsDispatch', line: 1, column: 28, data: { role: 'message bus', specifier: './message-bus.js', target: 'src/service-layer/message-bus.ts', typeNote: '' } }],
    },
    {
      name: 'the unit of work imports handler types',
      filename: at('service-layer/unit-of-work.ts'),
      code: "import type { allocate } from './handlers.js';",
      errors: [
        { messageId: 'unitOfWorkImportsDispatch', line: 1, column: 31, data: { role: 'handlers', specifier: './handlers.js', target: 'src/service-layer/handlers.ts', typeNote: ' (even type-only)' } },
      ],
    },
  ],
});
