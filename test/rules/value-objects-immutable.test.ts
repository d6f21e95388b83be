import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['value-objects-immutable']!;
const ruleTester = new RuleTester();
const money = fixturePath('violations', 'value-objects-immutable', 'src', 'domain', 'value-objects', 'money.ts');
const model = fixturePath('violations', 'value-objects-immutable', 'src', 'domain', 'model.ts');

ruleTester.run('value-objects-immutable', rule, {
  valid: [
    { name: 'readonly fields', filename: money, code: 'export class Money {\n  constructor(readonly amount: number, readonly currency: string) {}\n}' },
    { name: 'an entity in the model', filename: model, code: 'export class Batch {\n  purchasedQuantity = 0;\n}' },
  ],
  invalid: [
    {
      name: 'a mutable field, fixed',
      filename: money,
      code: 'export class Money {\n  amount = 0;\n}',
      output: 'export class Money {\n  readonly amount = 0;\n}',
      errors: [{ messageId: 'mutableMember', line: 2, column: 3 }],
    },
    {
      name: 'a setter, not fixed',
      filename: money,
      code: 'export class Money {\n  constructor(private readonly value: number) {}\n  set amount(value: number) { void value; }\n}',
      output: null,
      errors: [{ messageId: 'setter', line: 3, column: 7 }],
    },
  ],
});
