import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['context-boundaries']!;
const ruleTester = new RuleTester();
const at = (file: string) => fixturePath('violations', 'context-boundaries', 'src', file);
const REASON_DATA = { fromContext: 'orders', toContext: 'allocation' };

ruleTester.run('context-boundaries', rule, {
  valid: [
    { name: 'a published module (a publishes glob), type-only', filename: at('orders/x.ts'), code: "import type { AllocationsFor } from '../allocation/service-layer/queries.js';" },
    {
      name: 'a published event, at runtime',
      filename: at('orders/service-layer/x.ts'),
      code: "import { Allocated } from '../../allocation/domain/events.js';\nexport const e = new Allocated('o', 'b');",
    },
    { name: 'the shared kernel, from a context', filename: at('orders/domain/x.ts'), code: "import { Money } from '../../kernel/domain/money.js';\nexport const m = new Money(1, 'EUR');" },
    { name: 'its own context', filename: at('orders/adapters/x.ts'), code: "import { Order } from '../domain/order.js';\nexport const o = Order;" },
    { name: 'a file in no context', filename: at('main.ts'), code: "import { Batch } from './allocation/domain/model.js';\nexport const b = Batch;" },
    {
      name: 'the default published language: the other context’s events',
      filename: at('allocation/x.ts'),
      code: "import { OrderPlaced } from '../orders/domain/events.js';\nexport const e = OrderPlaced;",
    },
  ],
  invalid: [
    {
      name: "another context's model, type-only",
      filename: at('orders/domain/x.ts'),
      code: "import type { Batch } from '../../allocation/domain/model.js';\nexport type B = Batch;",
      errors: [
        {
          messageId: 'unpublished',
          line: 1,
          column: 28,
          data: {
            ...REASON_DATA,
            specifier: '../../allocation/domain/model.js',
            target: 'src/allocation/domain/model.ts',
            toSide: "allocation's domain (model)",
            publishes: '"src/allocation/domain/events.ts", "src/allocation/service-layer/queries.ts"',
            typeNote: ' (type-only imports count too)',
            fix: "hold allocation's ids and the data orders needs in its own model, taken from allocation's events, instead of allocation's classes",
          },
        },
      ],
    },
    {
      name: "another context's handler, by require",
      filename: at('orders/service-layer/x.ts'),
      code: "const { allocate } = require('../../allocation/service-layer/handlers.js');\nallocate('o');",
      errors: [{ messageId: 'unpublished', line: 1, column: 30 }],
    },
    {
      name: "another context's repository, by dynamic import",
      filename: at('orders/adapters/x.ts'),
      code: "export const load = () => import('../../allocation/adapters/repository.js');",
      errors: [{ messageId: 'unpublished', line: 1, column: 34 }],
    },
    {
      name: "the default published language is commands and events only: another context's model is not in it",
      filename: at('allocation/domain/x.ts'),
      code: "import { Order } from '../../orders/domain/order.js';\nexport const o = Order;",
      errors: [{ messageId: 'unpublished', line: 1, column: 23 }],
    },
    {
      name: 'a shared kernel importing a context, even what it publishes',
      filename: at('kernel/domain/x.ts'),
      code: "import { OrderPlaced } from '../../orders/domain/events.js';\nexport const e = OrderPlaced;",
      errors: [{ messageId: 'kernelImportsContext', line: 1, column: 29 }],
    },
    {
      name: 're-exported from another context (an export-from is an import)',
      filename: at('orders/index.ts'),
      code: "export { Batch } from '../allocation/domain/model.js';",
      errors: [{ messageId: 'unpublished', line: 1, column: 23 }],
    },
  ],
});
