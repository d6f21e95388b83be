import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['message-bus-decoupled']!;
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const bus = fixturePath('violations', 'message-bus-decoupled', 'src', 'service-layer', 'message-bus.ts');

ruleTester.run('message-bus-decoupled', rule, {
  valid: [
    { name: 'handler types only', filename: bus, code: "import type { Handler } from './handlers.js';" },
    { name: 'inline type specifiers only', filename: bus, code: "import { type Handler, type allocate } from './handlers.js';" },
    { name: 'the domain at runtime', filename: bus, code: "import { Product } from '../domain/model.js';" },
    { name: 'a file that is not the bus', filename: fixturePath('violations', 'message-bus-decoupled', 'src', 'service-layer', 'views.ts'), code: "import { allocate } from './handlers.js';" },
  ],
  invalid: [
    {
      name: 'a handler at runtime',
      filename: bus,
      code: "import { allocate } from './handlers.js';\nexport const handlers = [allocate];",
      errors: [{ messageId: 'busImportsHandlers', line: 1, column: 26, data: { names: 'allocate', specifier: './handlers.js', target: 'src/service-layer/handlers.ts' } }],
    },
    {
      name: 'the whole handlers module as a namespace',
      filename: bus,
      code: "import * as handlers from './handlers.js';\nexport const all = Object.values(handlers);",
      errors: [{ messageId: 'busImportsHandlers', line: 1, column: 27, data: { names: 'everything', specifier: './handlers.js', target: 'src/service-layer/handlers.ts' } }],
    },
    {
      name: 'a dynamic import of the handlers',
      filename: bus,
      code: "export const load = () => import('./handlers.js');",
      errors: [{ messageId: 'busImportsHandlers', line: 1, column: 34 }],
    },
  ],
});
