import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['one-handler-per-command']!;

/**
 * ESLint sees one file: a command registered twice within it. The fixture's commands module
 * (`roles.commands`) makes `CancelOrder` a command; `PlaceOrderCommand` is one by its name.
 */
const application = (file: string) => fixturePath('violations', 'one-handler-per-command', 'src', 'application', file);
const bus = application('bus.ts');

new RuleTester().run('one-handler-per-command', rule, {
  valid: [
    {
      name: 'one registration per command in the file (the second handler elsewhere is the audit’s to find)',
      filename: bus,
      code: "import { CancelOrder } from './commands/place-order.command.js';\nexport const HANDLERS = new Map([[CancelOrder, () => undefined]]);",
    },
    {
      name: 'an event may have many handlers',
      filename: bus,
      code: "import { OrderPlaced } from '../domain/events.js';\nexport const HANDLERS = new Map([[OrderPlaced, () => 1], [OrderPlaced, () => 2]]);",
    },
    {
      name: 'a registration the file cannot read is not guessed (the audit warns about it)',
      filename: bus,
      code: "import { CancelOrder } from './commands/place-order.command.js';\nexport const HANDLERS = new Map(pairs);\nbus.register(CancelOrder, cancel);\nfor (const [c, h] of pairs) bus.register(c, h);",
    },
    {
      name: 'another library’s register(plugin, options)',
      filename: bus,
      code: "import plugin from './plugin.js';\napp.register(plugin, { prefix: '/x' });\napp.register(plugin, { prefix: '/y' });",
    },
  ],
  invalid: [
    {
      name: 'a Map entry and a register call',
      filename: bus,
      code: "import { CancelOrder } from './commands/place-order.command.js';\nexport const HANDLERS = new Map([[CancelOrder, cancel]]);\nbus.register(CancelOrder, cancelAndRefund);",
      errors: [
        {
          messageId: 'secondHandler',
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 25,
          data: { message: 'CancelOrder', first: 'cancel at src/application/bus.ts:2', handler: 'cancelAndRefund', more: '' },
        },
      ],
    },
    {
      name: 'handler objects keyed by the class name, through a namespace import',
      filename: bus,
      code: "import * as commands from './commands/index.js';\nexport const A = { [commands.PlaceOrderCommand.name]: place };\nexport const B = { [commands.PlaceOrderCommand.name]: placeAgain };",
      errors: [{ messageId: 'secondHandler', line: 3, column: 21 }],
    },
    {
      name: 'two decorated handlers of one command in one file; the third names both others',
      filename: application('commands/place-order.handler.ts'),
      code: "import { CommandHandler } from '@nestjs/cqrs';\nimport { PlaceOrderCommand } from './place-order.command.js';\n@CommandHandler(PlaceOrderCommand)\nexport class A {}\n@CommandHandler(PlaceOrderCommand)\nexport class B {}\n@CommandHandler(PlaceOrderCommand)\nexport class C {}",
      errors: [
        {
          messageId: 'secondHandler',
          line: 5,
          column: 17,
          data: {
            message: 'PlaceOrderCommand',
            first: 'A at src/application/commands/place-order.handler.ts:3',
            handler: 'B',
            more: ' (and C at src/application/commands/place-order.handler.ts:7 register more)',
          },
        },
        { messageId: 'secondHandler', line: 7, column: 17 },
      ],
    },
  ],
});
