import fc from 'fast-check';
import { expect, it } from 'vitest';
import { estreeExtractions, typescriptExtractions } from './extractions.js';
import { mayRegister } from '../../src/project/registrations.js';

/**
 * The pattern rules read facts the ESLint rules take from ESTree and the audit from TypeScript's
 * tree. The fixtures agree (extraction-agreement.test.ts); this generates the syntax those facts
 * come from — classes with every kind of member, decorators, heritage, handler functions with
 * return types and returns, repository and bus calls, SQL literals, handler maps — in random
 * combinations, spacing and nesting, and holds the two extractions equal on each.
 */
const type = fc.constantFrom('Order', 'Order[]', 'Array<Order>', 'Map<string, Order>', 'Order | null', 'orders.Order', 'string', 'Promise<void>', 'Result<void, Error>', '{ a: Order }');
const fieldName = fc.constantFrom('id', 'customer', '#secret', "'quoted'", '[computed]', 'items');
const modifiers = fc.subarray(['private', 'static', 'readonly', 'declare', 'abstract', 'accessor', 'public'], { maxLength: 3 });

const field = fc
  .record({ modifiers, name: fieldName, type: fc.option(type, { nil: undefined }), init: fc.constantFrom('', ' = 0', ' = new Map<string, Order>()', ' = []') })
  .map(({ modifiers: mods, name, type: annotation, init }) => {
    // Only combinations TypeScript parses: `declare` and `abstract` fields take no initializer, a private name no modifier but readonly/static.
    const usable = name.startsWith('#') ? mods.filter((mod) => mod === 'readonly' || mod === 'static') : mods;
    const initializer = usable.includes('declare') || usable.includes('abstract') || usable.includes('accessor') ? '' : init;
    const ordered = ['public', 'private', 'static', 'abstract', 'declare', 'accessor', 'readonly'].filter((mod) => usable.includes(mod));
    return `  ${ordered.join(' ')}${ordered.length ? ' ' : ''}${name}${annotation ? `: ${annotation}` : ''}${initializer};`;
  });

const statement = fc.constantFrom(
  'return;',
  'return x;',
  'return undefined;',
  'return (undefined);',
  'uow.products.add(x);',
  '(uow).commit();',
  'uow?.commit();',
  'this.orderRepository.save(x);',
  'this.uow.orders.update(x);',
  'await bus.handle(command);',
  'queryBus.execute(q);',
  'commandBus.execute(c);',
  "const q = 'INSERT INTO t VALUES (1)';",
  'const q = `DELETE FROM t WHERE id = ${x}`;',
  "const q = 'SELECT 1';",
  '[1].forEach((i) => { uow.batches.add(i); return i; });',
  'const f = function () { return 1; };',
  'class Inner { m() { return uow.products.add(1); } }',
  'new Set().add(x);',
);
const body = fc.array(statement, { maxLength: 4 }).map((lines) => lines.map((line) => `    ${line}`).join('\n'));

const method = fc
  .record({
    name: fc.constantFrom('execute', 'handle', 'other', 'getAll'),
    param: fc.constantFrom('command: PlaceOrder', 'c: orders.PlaceOrderCommand', 'x', ''),
    returns: fc.option(type, { nil: undefined }),
    body,
    kind: fc.constantFrom('', 'static ', 'get ', 'set ', 'async '),
  })
  .map(({ name, param, returns, body: code, kind }) => {
    if (kind === 'get ') return `  get ${name}()${returns ? `: ${returns}` : ''} {\n${code}\n  }`;
    if (kind === 'set ') return `  set ${name}(value: string) {\n    void value;\n  }`;
    return `  ${kind}${name}(${param})${returns ? `: ${returns}` : ''} {\n${code}\n  }`;
  });

const constructor = fc
  .array(fc.record({ mods: fc.constantFrom('', 'readonly ', 'private ', 'private readonly ', 'public '), name: fc.constantFrom('a', 'b', 'uow'), type, init: fc.constantFrom('', ' = undefined!') }), {
    maxLength: 3,
  })
  .map((parameters) => `  constructor(${parameters.map((p, index) => `${p.mods}${p.name}${index}: ${p.type}${p.init}`).join(', ')}) {}`);

const decorator = fc.constantFrom(
  '',
  '@CommandHandler(PlaceOrder)\n',
  '@EventsHandler(OrderPlaced, events.Shipped)\n',
  '@QueryHandler((FindOrder))\n',
  '@Injectable()\n',
  '@cqrs.CommandHandler(orders.PlaceOrder)\n',
  '@SomeAggregateRoot\n',
);
const heritage = fc.constantFrom('', ' extends AggregateRoot', ' extends ns.AggregateRoot<Props>', ' extends mixin(Base)', ' extends Base implements Port');
const classDeclaration = fc
  .record({
    exported: fc.constantFrom('', 'export ', 'export default '),
    abstract: fc.boolean(),
    decorator,
    name: fc.constantFrom('OrderHandler', 'Order', 'Money'),
    heritage,
    members: fc.array(fc.oneof(field, method, constructor), { maxLength: 5 }),
  })
  .map(({ exported, abstract, decorator: decorate, name, heritage: base, members }) => `${decorate}${exported}${abstract ? 'abstract ' : ''}class ${name}${base} {\n${members.join('\n')}\n}`);

const interfaceDeclaration = fc
  .array(fc.record({ readonly: fc.boolean(), name: fc.constantFrom('a', "'b-c'", '[k: string]', '[key]'), type }), { maxLength: 4 })
  .map(
    (members) => `export interface Message {\n${members.map((m) => `  ${m.readonly ? 'readonly ' : ''}${m.name.startsWith('[k') ? `${m.name}: ${m.type}` : `${m.name}: ${m.type}`};`).join('\n')}\n}`,
  );
const typeAlias = fc.constantFrom('type Event = { a: string; readonly b: number };', 'export type Cmd = Readonly<{ a: string }>;', 'type U = { a: string } | { b: string };');

const topFunction = fc
  .record({
    kind: fc.constantFrom('function', 'async function', 'const arrow', 'const fn', 'export function'),
    param: fc.constantFrom('command: Allocate', 'c: commands.Allocate', '', 'command: Allocate = defaults', 'c?: commands.Allocate', '{ sku }: Allocate'),
    returns: fc.option(type, { nil: undefined }),
    body,
  })
  .map(({ kind, param, returns, body: code }) => {
    const annotation = returns ? `: ${returns}` : '';
    if (kind === 'const arrow') return `export const handle = async (${param})${annotation} => {\n${code}\n};`;
    if (kind === 'const fn') return `const handle = function (${param})${annotation} {\n${code}\n};`;
    return `${kind} handle(${param})${annotation} {\n${code}\n}`;
  });

const registrations = fc.constantFrom(
  'export const HANDLERS = new Map([[Allocate, allocate], [commands.Cancel, (cancel)], [(Paren), x], [a.b.c, y]]);',
  'bus.register(Allocate, allocate);',
  'bus?.register(Allocate, allocate);',
  '(bus).register(commands.Cancel, cancel);',
  'app.register(plugin, { prefix: "/x" });',
  'new Map(entries);',
  'new Map([...pairs, [Allocate], [, x], [Allocate, x, y], [(Allocate), (allocate)]]);',
  'new Map((pairs));',
  'import { Allocate as Place } from "./commands";\nimport * as commands from "./commands";\nexport const BY_NAME = { [Place.name]: place, [commands.Cancel.name]: cancel, [(Paren.name)]: x, [key]: y, [`${a}`]() {}, [Allocate.name](c) {}, get [Allocate.name]() { return x; }, ...rest };',
  'const { Allocate, nested: [Cancel, ...others], ...more } = commands;\nfor (const [c, h] of pairs) bus.register(c, h);\nbus.register(Allocate, allocate);\nbus.register(Cancel.type, cancel);\nbus.register(...args);',
  'enum Kind { A }\nexport function f(command) { bus.register(command, f); }\nbus.register(Kind, f);\nbus.register(f, f);\nconst o = { [x.name]: 1 };',
  '@CommandHandler(...commands)\n@EventsHandler(Placed, events.Shipped, make())\nexport class H {}',
);

const program = fc.array(fc.oneof(classDeclaration, interfaceDeclaration, typeAlias, topFunction, registrations), { minLength: 1, maxLength: 4 }).map((parts) => `${parts.join('\n\n')}\n`);

it('ESTree and TypeScript extraction agree on generated classes, handlers, writes and registrations', () => {
  let compared = 0;
  fc.assert(
    fc.property(program, (text) => {
      const fromEstree = estreeExtractions(text, 'generated.ts');
      // A combination typescript-estree refuses (it checks more than TypeScript's parser) is no case.
      if ('fatal' in fromEstree) return true;
      compared += 1;
      expect(typescriptExtractions(text, 'generated.ts'), text).toEqual(fromEstree);
      return true;
    }),
    { numRuns: 400, seed: 20261203 },
  );
  expect(compared).toBeGreaterThan(150);
});

it('reads each registration form on its own: the text prefilter lets every one through', () => {
  const forms = [
    'const o = { [Allocate.name]: allocate };',
    'const o = { [commands.Allocate.name]: allocate };',
    'const o = { [(Allocate.name)]: allocate };',
    'const o = { [ Allocate . name ]: allocate };',
    'const m = new Map([[Allocate, allocate]]);',
    'bus.register(Allocate, allocate);',
    '@CommandHandler(Allocate) class H {}',
    '@EventsHandler(Allocated) class H {}',
    '@QueryHandler(Allocations) class H {}',
    '@cqrs.CommandHandler(Allocate) class H {}',
  ];
  for (const form of forms) {
    const text = `import { Allocate, Allocated, Allocations, allocate, commands, cqrs, bus } from './x';\n${form}\n`;
    const fromEstree = estreeExtractions(text, 'generated.ts');
    expect('fatal' in fromEstree, form).toBe(false);
    expect((fromEstree as { registrations: unknown[] }).registrations, form).toHaveLength(1);
    expect(typescriptExtractions(text, 'generated.ts'), form).toEqual(fromEstree);
  }
});

it('decides in linear time that a text of many `[` and no `]` registers nothing (a comment, a minified bundle)', () => {
  expect(mayRegister(`// ${'['.repeat(400_000)}x.name`)).toBe(false);
  expect(mayRegister(`const o = { [${' '.repeat(150)}Allocate.name]: allocate };`)).toBe(true);
});
