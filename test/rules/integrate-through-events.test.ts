import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['integrate-through-events']!;
const ruleTester = new RuleTester();
const at = (file: string) => fixturePath('violations', 'integrate-through-events', 'src', file);

ruleTester.run('integrate-through-events', rule, {
  valid: [
    {
      name: 'an event of the other context, through its barrel, at runtime',
      filename: at('orders/entrypoints/x.ts'),
      code: "import { Allocated } from '../../allocation/index.js';\nexport const e = Allocated;",
    },
    {
      name: "the other context's handler, as a type only",
      filename: at('orders/service-layer/handlers.ts'),
      code: "import type { allocate } from '../../allocation/index.js';\nexport type A = typeof allocate;",
    },
    { name: 'a domain file (not a caller) naming a handler', filename: at('orders/domain/x.ts'), code: "import { allocate } from '../../allocation/index.js';\nexport const a = allocate;" },
    { name: 'its own context', filename: at('allocation/service-layer/x.ts'), code: "import { allocate } from './handlers.js';\nexport const a = allocate;" },
  ],
  invalid: [
    {
      name: "a handler calling another context's handler through its published barrel",
      filename: at('orders/service-layer/handlers.ts'),
      code: "import { allocate } from '../../allocation/index.js';\nexport const run = () => allocate('o');",
      errors: [
        {
          messageId: 'drivesOtherContext',
          line: 1,
          column: 26,
          data: {
            from: 'service-layer (handlers)',
            fromContext: 'orders',
            toContext: 'allocation',
            names: 'allocate',
            specifier: '../../allocation/index.js',
            toSide: "allocation's service-layer (handlers)",
            target: 'src/allocation/service-layer/handlers.ts',
            typeNote: '',
          },
        },
      ],
    },
    {
      name: 'an entrypoint calling the other context’s handler, a re-export renamed on the way',
      filename: at('orders/entrypoints/x.ts'),
      code: "import { allocate as allocateNow } from '../../allocation/index.js';\nexport const run = () => allocateNow('o');",
      errors: [{ messageId: 'drivesOtherContext', line: 1, column: 41 }],
    },
    {
      name: "any file using the other context's repository, type-only included",
      filename: at('orders/domain/x.ts'),
      code: "import type { SqlBatchRepository } from '../../allocation/index.js';\nexport type R = SqlBatchRepository;",
      errors: [
        {
          messageId: 'sharesPersistence',
          line: 1,
          column: 41,
          data: {
            from: 'domain',
            fromContext: 'orders',
            toContext: 'allocation',
            names: 'SqlBatchRepository',
            specifier: '../../allocation/index.js',
            toSide: "allocation's adapters (repository)",
            target: 'src/allocation/adapters/repository.ts',
            typeNote: ' (type-only imports count too)',
          },
        },
      ],
    },
  ],
});
