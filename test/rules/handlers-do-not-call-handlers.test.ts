import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['handlers-do-not-call-handlers']!;
const ruleTester = new RuleTester();
const layer = (...segments: string[]) => fixturePath('violations', 'handlers-do-not-call-handlers', 'src', 'service-layer', ...segments);
const reallocate = layer('reallocate-handler.ts');

ruleTester.run('handlers-do-not-call-handlers', rule, {
  valid: [
    { name: 'a type-only import of another handler', filename: reallocate, code: "import type { allocate } from './handlers.js';\nexport type Next = typeof allocate;" },
    { name: 'an inline type specifier', filename: reallocate, code: "import { type allocate } from './handlers.js';\nexport type Next = typeof allocate;" },
    { name: 'an error class a handler module defines', filename: reallocate, code: "import { InvalidSku } from './handlers.js';\nexport const fail = () => new InvalidSku();" },
    { name: 'a helper from a module that is a handler module only by its folder', filename: reallocate, code: "import { withRetry } from './handlers/util.js';\nexport const retry = withRetry;" },
    { name: 'the domain', filename: reallocate, code: "import type { Deallocated } from '../domain/events.js';\nexport type E = Deallocated;" },
    {
      name: 'an index that lists the handlers of its folder',
      filename: layer('handlers', 'index.ts'),
      code: "import { AllocateHandler } from '../allocate.handler.js';\nexport const handlers = [AllocateHandler];",
    },
    { name: 'a file that is not a handler', filename: layer('message-bus.ts'), code: "import { allocate } from './handlers.js';\nexport const all = [allocate];" },
  ],
  invalid: [
    {
      name: 'a handler function, to call it',
      filename: reallocate,
      code: "import { allocate } from './handlers.js';\nexport const next = allocate;",
      errors: [{ messageId: 'handlerImportsHandler', line: 1, column: 26, data: { names: 'allocate', specifier: './handlers.js', target: 'src/service-layer/handlers.ts' } }],
    },
    {
      name: 'a handler class, to have it injected or built',
      filename: layer('create-order.handler.ts'),
      code: "import { AllocateHandler } from './allocate.handler.js';\nexport const next = new AllocateHandler();",
      errors: [{ messageId: 'handlerImportsHandler', line: 1, column: 33, data: { names: 'AllocateHandler', specifier: './allocate.handler.js', target: 'src/service-layer/allocate.handler.ts' } }],
    },
    {
      name: 'the whole handler module as a namespace',
      filename: reallocate,
      code: "import * as handlers from './handlers.js';\nexport const next = handlers.allocate;",
      errors: [{ messageId: 'handlerImportsHandler', line: 1, column: 27 }],
    },
    {
      name: 'a require of a handler module',
      filename: reallocate,
      code: "import handlers = require('./handlers.js');\nexport const next = handlers.allocate;",
      errors: [{ messageId: 'handlerImportsHandler', line: 1, column: 27 }],
    },
    {
      name: 'a dynamic import of a handler module',
      filename: reallocate,
      code: "export const load = () => import('./allocate.handler.js');",
      errors: [{ messageId: 'handlerImportsHandler', line: 1, column: 34 }],
    },
    {
      name: 'a name that ends in Handler from a folder-only handler module',
      filename: reallocate,
      code: "import { retryHandler } from './handlers/util.js';\nexport const next = retryHandler;",
      errors: [{ messageId: 'handlerImportsHandler', line: 1, column: 30 }],
    },
  ],
});
