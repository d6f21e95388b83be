import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['aggregate-reference-by-id']!;
const ruleTester = new RuleTester();
const order = fixturePath('violations', 'aggregate-reference-by-id', 'src', 'domain', 'order.ts');
const product = fixturePath('violations', 'aggregate-reference-by-id', 'src', 'domain', 'aggregates', 'product.ts');
const root = "import { AggregateRoot } from './aggregate-root.js';\n";

ruleTester.run('aggregate-reference-by-id', rule, {
  valid: [
    { name: 'an id', filename: order, code: `${root}export class Order extends AggregateRoot {\n  constructor(readonly customerId: string) { super(); }\n}` },
    { name: 'an entity of the same module', filename: product, code: 'export class Batch {}\nexport class Product {\n  readonly batches: Batch[] = [];\n}' },
    {
      name: 'a class that is no aggregate holds what it likes',
      filename: order,
      code: "import type { Customer } from './customer.js';\nexport class Report {\n  constructor(readonly customer: Customer) {}\n}",
    },
    {
      name: 'a method returning an aggregate',
      filename: order,
      code: `${root}import type { Customer } from './customer.js';\nexport class Order extends AggregateRoot {\n  find(): Customer | undefined { return undefined; }\n}`,
    },
  ],
  invalid: [
    {
      name: 'a parameter property',
      filename: order,
      code: `${root}import type { Customer } from './customer.js';\nexport class Order extends AggregateRoot {\n  constructor(readonly customer: Customer) { super(); }\n}`,
      errors: [{ messageId: 'holdsAggregate', line: 4, column: 24 }],
    },
    {
      name: 'a Set of them, through a namespace import',
      filename: order,
      code: `${root}import type * as customers from './customer.js';\nexport class Order extends AggregateRoot {\n  readonly watchers: Set<customers.Customer> = new Set();\n}`,
      errors: [{ messageId: 'holdsAggregate', line: 4, column: 12 }],
    },
    {
      name: 'two aggregates in one module, by their base class',
      filename: order,
      code: `${root}export class Invoice extends AggregateRoot {}\nexport class Order extends AggregateRoot {\n  invoice?: Invoice;\n}`,
      errors: [{ messageId: 'holdsAggregate', line: 4, column: 3 }],
    },
    {
      name: 'an aggregate by its module, held by a decorated root',
      filename: order,
      code: "import type { Product } from './aggregates/product.js';\ndeclare function SomeAggregateRoot(): ClassDecorator;\n@SomeAggregateRoot()\nexport class Order {\n  readonly product: Product | null = null;\n}",
      errors: [{ messageId: 'holdsAggregate', line: 5, column: 12 }],
    },
  ],
});
