import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['command-handler-returns-nothing']!;
const ruleTester = new RuleTester();
const handlers = fixturePath('violations', 'command-handler-returns-nothing', 'src', 'service-layer', 'handlers.ts');
const nest = fixturePath('violations', 'command-handler-returns-nothing', 'src', 'application', 'place-order.handler.ts');
const commands = "import type { Allocate } from '../domain/commands.js';\n";

ruleTester.run('command-handler-returns-nothing', rule, {
  valid: [
    { name: 'Promise<void>', filename: handlers, code: `${commands}export async function allocate(command: Allocate): Promise<void> { void command; }` },
    { name: 'a bare return', filename: handlers, code: `${commands}export function allocate(command: Allocate) { if (!command) return; }` },
    { name: 'return undefined', filename: handlers, code: `${commands}export function allocate(command: Allocate) { void command; return undefined; }` },
    { name: 'a return in a nested function', filename: handlers, code: `${commands}export function allocate(command: Allocate) { const skus = [command].map((c) => { return c.sku; }); void skus; }` },
    {
      name: 'Result<void, E>',
      filename: handlers,
      code: `${commands}type Result<T, E> = { ok: T } | { error: E };\nexport async function allocate(command: Allocate): Promise<Result<void, Error>> { void command; return { ok: undefined }; }`,
    },
    {
      name: 'an alias the rule cannot see into',
      filename: handlers,
      code: `${commands}type Response = unknown;\nexport async function allocate(command: Allocate): Promise<Response> { return command; }`,
    },
    { name: 'a query by its name', filename: handlers, code: `${commands}export async function getAllocation(command: Allocate): Promise<string> { return command.sku; }` },
    { name: 'a function whose first parameter is no command', filename: handlers, code: 'export function format(value: string): string { return value; }' },
    {
      name: 'a @QueryHandler',
      filename: nest,
      code: "import { QueryHandler } from '@nestjs/cqrs';\nclass FindOrder {}\n@QueryHandler(FindOrder)\nexport class FindOrderHandler {\n  async execute(query: FindOrder): Promise<string> { void query; return ''; }\n}",
    },
  ],
  invalid: [
    {
      name: 'a declared value',
      filename: handlers,
      code: `${commands}export async function allocate(command: Allocate): Promise<string> { return command.sku; }`,
      errors: [{ messageId: 'returnType', line: 2, column: 52 }],
    },
    {
      name: 'a returned value with no annotation, in an arrow',
      filename: handlers,
      code: `${commands}export const allocate = async (command: Allocate) => { return command.sku; };`,
      errors: [{ messageId: 'returnsValue', line: 2, column: 56 }],
    },
    {
      name: 'a command named …Command, by a method of a class',
      filename: handlers,
      code: 'class PlaceOrderCommand {}\nexport class PlaceOrder {\n  handle(command: PlaceOrderCommand) { return command; }\n}',
      errors: [{ messageId: 'returnsValue', line: 3, column: 40 }],
    },
    {
      name: 'a @CommandHandler returning Result<T>',
      filename: nest,
      code: "import { CommandHandler } from '@nestjs/cqrs';\nclass PlaceOrder {}\ntype Result<T, E> = { ok: T } | { error: E };\n@CommandHandler(PlaceOrder)\nexport class PlaceOrderHandler {\n  async execute(command: PlaceOrder): Promise<Result<string, Error>> { void command; return { ok: '' }; }\n}",
      errors: [{ messageId: 'returnType', line: 6, column: 39 }],
    },
  ],
});
