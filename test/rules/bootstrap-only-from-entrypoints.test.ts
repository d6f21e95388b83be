import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['bootstrap-only-from-entrypoints']!;
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const at = (file: string) => fixturePath('violations', 'bootstrap-only-from-entrypoints', 'src', file);

ruleTester.run('bootstrap-only-from-entrypoints', rule, {
  valid: [
    { name: 'an entrypoint', filename: at('entrypoints/x.ts'), code: "import { bootstrap } from '../bootstrap.js';" },
    { name: 'a test file (outside include by default)', filename: at('service-layer/handlers.test.ts'), code: "import { bootstrap } from '../bootstrap.js';" },
  ],
  invalid: [
    {
      name: 'a handler at runtime',
      filename: at('service-layer/handlers.ts'),
      code: "import { bootstrap } from '../bootstrap.js';\nexport const bus = bootstrap();",
      errors: [{ messageId: 'importsBootstrap', line: 1, column: 27, data: { from: 'service-layer (handlers)', specifier: '../bootstrap.js', target: 'src/bootstrap.ts', typeNote: ' at runtime' } }],
    },
    {
      name: 'an import the compiler erases is not called a runtime one',
      filename: at('service-layer/handlers.ts'),
      code: "import { bootstrap } from '../bootstrap.js';\nexport type Bus = ReturnType<typeof bootstrap>;",
      errors: [
        {
          messageId: 'importsBootstrap',
          line: 1,
          column: 27,
          data: { from: 'service-layer (handlers)', specifier: '../bootstrap.js', target: 'src/bootstrap.ts', typeNote: ' (type-only imports count too: take the type from where it is defined)' },
        },
      ],
    },
    {
      name: 'the domain, type-only',
      filename: at('domain/x.ts'),
      code: "import type { Bus } from '../bootstrap.js';",
      errors: [{ messageId: 'importsBootstrap', line: 1, column: 26 }],
    },
    {
      name: 'an adapter, by require',
      filename: at('adapters/x.ts'),
      code: "const { bootstrap } = require('../bootstrap.js');",
      errors: [{ messageId: 'importsBootstrap', line: 1, column: 31 }],
    },
  ],
});
