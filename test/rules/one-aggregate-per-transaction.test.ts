import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['one-aggregate-per-transaction']!;
const ruleTester = new RuleTester();
const handlers = fixturePath('violations', 'one-aggregate-per-transaction', 'src', 'service-layer', 'handlers.ts');
const views = fixturePath('violations', 'one-aggregate-per-transaction', 'src', 'service-layer', 'views.ts');
const uow = 'declare const uow: { products: { add(p: unknown): void; get(s: string): unknown }; orders: { add(o: unknown): void } };\n';

ruleTester.run('one-aggregate-per-transaction', rule, {
  valid: [
    { name: 'one repository written, another read', filename: handlers, code: `${uow}export function f() { uow.orders.add(uow.products.get('x')); }` },
    { name: 'the same repository twice', filename: handlers, code: `${uow}export function f() { uow.products.add(1); uow.products.add(2); }` },
    { name: 'two handlers, one repository each', filename: handlers, code: `${uow}export function f() { uow.products.add(1); }\nexport function g() { uow.orders.add(2); }` },
    { name: 'not a handler', filename: views, code: `${uow}export function f() { uow.products.add(1); uow.orders.add(2); }` },
  ],
  invalid: [
    {
      name: 'two attributes of the unit of work',
      filename: handlers,
      code: `${uow}export function f() { uow.products.add(1); uow.orders.add(2); }`,
      errors: [{ messageId: 'secondAggregate', line: 2, column: 55 }],
    },
    {
      name: 'in a callback, through this',
      filename: handlers,
      code: 'export class H {\n  constructor(private readonly uow: { a: { save(x: unknown): void }; b: { save(x: unknown): void } }) {}\n  handle() { this.uow.a.save(1); [1].forEach((x) => this.uow.b.save(x)); }\n}',
      errors: [{ messageId: 'secondAggregate', line: 3, column: 64 }],
    },
  ],
});
