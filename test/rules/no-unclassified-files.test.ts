import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['no-unclassified-files']!;
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const at = (file: string) => fixturePath('violations', 'no-unclassified-files', 'src', file);

ruleTester.run('no-unclassified-files', rule, {
  valid: [
    { name: 'a file in a layer', filename: at('domain/x.ts'), code: 'export const x = 1;' },
    { name: 'an excluded test file', filename: at('utils/x.test.ts'), code: 'export const x = 1;' },
    { name: 'a JavaScript file, outside the default include', filename: at('../scripts/build.js'), code: 'export const x = 1;' },
  ],
  invalid: [
    {
      name: 'a checked file in no layer, once at its top',
      filename: at('utils/dates.ts'),
      code: "import { a } from './a.js';\nimport { b } from './b.js';\nexport const x = [a, b];",
      errors: [{ messageId: 'unclassified', line: 1, column: 1 }],
    },
  ],
});
