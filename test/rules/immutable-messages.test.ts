import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['immutable-messages']!;
const ruleTester = new RuleTester();
const commands = fixturePath('violations', 'immutable-messages', 'src', 'domain', 'commands.ts');
const events = fixturePath('violations', 'immutable-messages', 'src', 'domain', 'events.ts');

ruleTester.run('immutable-messages', rule, {
  valid: [
    {
      name: 'readonly parameter properties and a static',
      filename: commands,
      code: 'export class Allocate {\n  static readonly type = "Allocate";\n  static count = 0;\n  constructor(readonly orderid: string, private readonly qty: number) {}\n}',
    },
    { name: 'readonly interface members and index signature', filename: events, code: 'export interface Allocated {\n  readonly orderid: string;\n  readonly [key: string]: unknown;\n}' },
    { name: 'Readonly<> over an object type', filename: events, code: 'export type Allocated = Readonly<{ orderid: string }>;' },
    {
      name: 'a getter and methods',
      filename: events,
      code: 'export class OutOfStock {\n  constructor(private readonly value: string) {}\n  get sku() { return this.value; }\n  describe() { return this.value; }\n}',
    },
    {
      name: 'a plain constructor parameter is no field',
      filename: commands,
      code: 'export class Allocate {\n  readonly orderid: string;\n  constructor(orderid: string) { this.orderid = orderid; }\n}',
    },
    { name: 'a mutable class outside a messages module', filename: fixturePath('violations', 'immutable-messages', 'src', 'domain', 'model.ts'), code: 'export class Batch {\n  allocations = 0;\n}' },
  ],
  invalid: [
    {
      name: 'a class field',
      filename: commands,
      code: 'export class Allocate {\n  orderid = "";\n}',
      output: 'export class Allocate {\n  readonly orderid = "";\n}',
      errors: [{ messageId: 'mutableMember', line: 2, column: 3, endLine: 2, endColumn: 10 }],
    },
    {
      name: 'parameter properties, public and private',
      filename: commands,
      code: 'export class Allocate {\n  constructor(public orderid: string, private qty = 1) {}\n}',
      output: 'export class Allocate {\n  constructor(public readonly orderid: string, private readonly qty = 1) {}\n}',
      errors: [
        { messageId: 'mutableMember', line: 2, column: 22, endColumn: 29 },
        { messageId: 'mutableMember', line: 2, column: 47, endColumn: 50 },
      ],
    },
    {
      name: 'an interface property and an index signature',
      filename: events,
      code: 'export interface Allocated {\n  orderid: string;\n  [key: string]: unknown;\n}',
      output: 'export interface Allocated {\n  readonly orderid: string;\n  readonly [key: string]: unknown;\n}',
      errors: [
        { messageId: 'mutableMember', line: 2, column: 3 },
        { messageId: 'mutableMember', line: 3, column: 3 },
      ],
    },
    {
      name: 'an object type alias, exported or not, with a computed and a quoted key',
      filename: events,
      code: "type Allocated = { 'order-id': string; ['sku']: string };",
      output: "type Allocated = { readonly 'order-id': string; readonly ['sku']: string };",
      errors: [
        { messageId: 'mutableMember', line: 1, column: 20 },
        { messageId: 'mutableMember', line: 1, column: 41 },
      ],
    },
    {
      name: 'a private #field and a setter (the setter is not fixed)',
      filename: events,
      code: 'export class OutOfStock {\n  #sku = "";\n  set sku(value: string) { this.#sku = value; }\n}',
      output: 'export class OutOfStock {\n  readonly #sku = "";\n  set sku(value: string) { this.#sku = value; }\n}',
      errors: [
        { messageId: 'mutableMember', line: 2, column: 3 },
        { messageId: 'setter', line: 3, column: 7 },
      ],
    },
    {
      name: 'a default-exported class and an abstract field',
      filename: commands,
      code: 'export default abstract class Command {\n  abstract kind: string;\n}',
      output: 'export default abstract class Command {\n  abstract readonly kind: string;\n}',
      errors: [{ messageId: 'mutableMember', line: 2, column: 12 }],
    },
  ],
});
