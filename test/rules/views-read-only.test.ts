import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';
import { fixturePath } from '../helpers.js';

const rule = rules['views-read-only']!;
const ruleTester = new RuleTester();
const views = fixturePath('violations', 'views-read-only', 'src', 'service-layer', 'views.ts');
const handlers = fixturePath('violations', 'views-read-only', 'src', 'service-layer', 'handlers.ts');

ruleTester.run('views-read-only', rule, {
  valid: [
    { name: 'a SELECT', filename: views, code: "export const q = (db: { query(sql: string): unknown }) => db.query('SELECT * FROM allocations_view');" },
    { name: 'a read through the repository', filename: views, code: 'export const q = (uow: { products: { get(sku: string): unknown } }) => uow.products.get("x");' },
    { name: 'add on a collection', filename: views, code: 'const seen = new Set<string>();\nseen.add("x");' },
    { name: 'a query bus', filename: views, code: 'export const q = (queryBus: { execute(q: unknown): unknown }) => queryBus.execute({});' },
    { name: 'writes in a handler are its job', filename: handlers, code: 'export const h = async (uow: { commit(): Promise<void> }) => uow.commit();' },
  ],
  invalid: [
    { name: 'INSERT in a string', filename: views, code: "export const sql = 'insert into allocations_view values ($1)';", errors: [{ messageId: 'write', line: 1, column: 20 }] },
    {
      name: 'DELETE in a tagged template',
      filename: views,
      code: 'declare const sql: (parts: TemplateStringsArray, ...values: unknown[]) => unknown;\nexport const q = (id: string) => sql`DELETE FROM allocations_view WHERE id = ${id}`;',
      errors: [{ messageId: 'write', line: 2, column: 37 }],
    },
    {
      name: 'a commit through this',
      filename: views,
      code: 'export class View {\n  constructor(private readonly uow: { commit(): void }) {}\n  read() { this.uow.commit(); }\n}',
      errors: [{ messageId: 'write', line: 3, column: 21 }],
    },
    {
      name: 'save on a repository field',
      filename: views,
      code: 'export const q = (orderRepository: { save(o: unknown): void }) => orderRepository.save({});',
      errors: [{ messageId: 'write', line: 1, column: 83 }],
    },
    { name: 'a command bus', filename: views, code: 'export const q = (commandBus: { execute(c: unknown): void }) => commandBus.execute({});', errors: [{ messageId: 'write', line: 1, column: 76 }] },
    {
      name: 'prisma create',
      filename: views,
      code: 'export const q = (prisma: { order: { create(o: unknown): void } }) => prisma.order.create({});',
      errors: [{ messageId: 'write', line: 1, column: 84 }],
    },
  ],
});
