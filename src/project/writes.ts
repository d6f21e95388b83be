import type { TSESTree } from '@typescript-eslint/utils';
import { rangeOf, walk, type SourceRange } from './imports.js';

/**
 * Something in a file that writes, the way the read side must not (`cosmic/views-read-only`): a
 * transaction commit, a repository or ORM write, a command or event sent on a bus, or SQL that
 * changes data in a string or template literal.
 */
export interface WriteSite {
  kind: 'commit' | 'repository-write' | 'dispatch' | 'sql';
  /** What was written, for the message: `uow.products.add(…)`, `commandBus.execute(…)`, `INSERT INTO allocations_view`. */
  text: string;
  range: SourceRange;
}

/** Method names that write through a repository, a unit of work or an ORM. */
export const WRITE_METHODS = new Set(['add', 'save', 'insert', 'update', 'delete', 'remove', 'persist', 'upsert', 'create', 'flush', 'destroy']);
/** Objects that reach storage: a unit of work, a repository, a session, an ORM client. */
export const STORAGE_OBJECT = /^(?:uow|unitOfWork|session|em|entityManager|manager|prisma|db|knex|orm|\w*(?:Repo|Repository|Repositories|repo|repository|repositories))$/;
/** What sends a message on: `bus`, `messageBus`, `commandBus`, `eventBus`; not a query bus, which reads. */
export const BUS_OBJECT = /^(?!queryBus$)\w*[bB]us$/;
export const DISPATCH_METHODS = new Set(['handle', 'execute', 'dispatch', 'send', 'publish', 'emit']);
/** SQL that changes data, at the start of a literal. */
export const WRITING_SQL =
  /^\s*(?:INSERT\s+INTO|UPDATE\s+[\w".`[]|DELETE\s+FROM|MERGE\s+INTO|UPSERT\b|REPLACE\s+INTO|TRUNCATE\b|DROP\s+(?:TABLE|VIEW|INDEX)|ALTER\s+TABLE|CREATE\s+(?:TABLE|INDEX|VIEW))/i;

/** The statement as the message shows it: its start, spaces collapsed. */
export function sqlText(text: string): string {
  const statement = text.trim().replace(/\s+/g, ' ');
  return statement.length > 60 ? `${statement.slice(0, 59)}…` : statement;
}

/** The names along a member chain (`this.uow.products` → this, uow, products), or undefined for anything else. */
export function chain(node: TSESTree.Node): string[] | undefined {
  if (node.type === 'Identifier') return [node.name];
  if (node.type === 'ThisExpression') return ['this'];
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    const object = chain(node.object);
    return object ? [...object, node.property.name] : undefined;
  }
  return undefined;
}

/**
 * The repository a write goes through, named as the code names it: the attribute of a unit of work
 * (`uow.products.add` → `products`) or a repository object (`this.orderRepository.save` →
 * `orderRepository`); undefined when the call names none.
 */
export function repositoryOf(names: readonly string[], method: string): string | undefined {
  if (!WRITE_METHODS.has(method)) return undefined;
  const unit = names.findIndex((name) => /^(?:uow|unitOfWork)$/i.test(name));
  if (unit >= 0 && unit < names.length - 1) return names[unit + 1];
  return [...names].reverse().find((name) => /(?:Repo|Repository|repo|repository)$/.test(name));
}

/** How a call writes, if it does: from its object's names and its method. */
export function callWrite(names: readonly string[], method: string): WriteSite['kind'] | undefined {
  if (method === 'commit') return 'commit';
  if (WRITE_METHODS.has(method) && names.some((name) => STORAGE_OBJECT.test(name))) return 'repository-write';
  if (DISPATCH_METHODS.has(method) && BUS_OBJECT.test(names.at(-1) ?? '')) return 'dispatch';
  return undefined;
}

/** Every write in a file, from ESTree, in source order. */
export function writesOfProgram(program: TSESTree.Program, visitorKeys: Readonly<Record<string, readonly string[] | undefined>>): WriteSite[] {
  const found: WriteSite[] = [];
  walk(program, visitorKeys, (node) => {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier') {
      const names = chain(node.callee.object);
      const method = node.callee.property.name;
      const kind = names ? callWrite(names, method) : undefined;
      if (kind) found.push({ kind, text: `${names!.join('.')}.${method}(…)`, range: rangeOf(node.callee.property) });
    } else if (node.type === 'Literal' && typeof node.value === 'string') {
      if (WRITING_SQL.test(node.value)) found.push({ kind: 'sql', text: sqlText(node.value), range: rangeOf(node) });
    } else if (node.type === 'TemplateLiteral') {
      const text = node.quasis.map((quasi) => quasi.value.cooked ?? '').join('${…}');
      if (WRITING_SQL.test(text)) found.push({ kind: 'sql', text: sqlText(text), range: rangeOf(node) });
    }
  });
  return found;
}
