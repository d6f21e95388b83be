import { onPackageList } from '../config/infrastructure.js';
import type { ResolvedConfig, Role } from '../config/types.js';
import type { Project } from '../project/project.js';
import { boundTargets, importedNames, listNames, memberTarget } from './bindings.js';
import type { FileFacts, Finding } from './finding.js';
import type { ResolvedImport } from '../project/imports.js';

export const HANDLERS_USE_UNIT_OF_WORK = 'cosmic/handlers-use-unit-of-work';

const REASON = 'the unit of work is the single entrypoint to persistent storage and the atomic boundary of each operation (ch. 6)';
const FIX = 'take the unit of work as a parameter and reach storage through it (`uow.products`, then `uow.commit()`); a handler may import the abstract unit of work with `import type`';

export const handlersUseUnitOfWorkMessages = {
  importsPersistence: `Handler imports {{what}} at runtime: {{names}} from '{{specifier}}'{{where}}. Why: ${REASON}. Fix: ${FIX}.`,
  importsPersistencePackage: `Handler imports the persistence package '{{name}}' at runtime: {{names}} from '{{specifier}}'. Why: ${REASON}. Fix: keep '{{name}}' behind the unit of work: use it in a repository or the concrete unit of work in the adapters (bootstrap wires them in), and reach storage here through \`uow.<repository>\` and \`uow.commit()\`.`,
  constructsPersistence: `Handler constructs {{what}} with \`new {{callee}}\`{{where}}. Why: ${REASON}. Fix: ${FIX}.`,
} as const;

/** What ESLint offers to change (a suggestion, never applied by --fix): not a finding, so no reason and fix of its own. */
export const handlersUseUnitOfWorkSuggestions = {
  useAbstract: `Depend on {{abstract}}, the class {{concrete}} extends: \`import type { {{abstract}} }\` from the same module, named instead of {{concrete}} in this file (bootstrap goes on constructing {{concrete}} and passing it in).`,
} as const;

export type HandlersUseUnitOfWorkMessageId = keyof typeof handlersUseUnitOfWorkMessages;

const PERSISTENCE_ROLES: readonly Role[] = ['repository', 'orm'];

/**
 * Whether a package reaches storage: the config's persistence list (ORMs, database and cache
 * clients; `sqlite` is also `node:sqlite`). Frameworks and dependency injection are not on it:
 * `import { Injectable } from '@nestjs/common'` wires a handler, it does not open a transaction.
 */
export function isPersistence(config: ResolvedConfig, name: string): boolean {
  return onPackageList(config.persistence, name);
}

const hasPersistenceRole = (classification: { role: Role | undefined }) => PERSISTENCE_ROLES.includes(classification.role!);

function describeRole(role: Role | undefined): string {
  return role === 'orm' ? 'the ORM mapping (session or data source)' : 'a repository';
}

/**
 * The suggestion for an import of one concrete repository class that the handler uses only as a
 * type (kept at run time by `verbatimModuleSyntax`): the class it extends, when the module it is
 * imported from exports that too (the book's `AbstractRepository` beside `SqlAlchemyRepository`),
 * imported with `import type` and named instead. Not for a name used as a value (a `new` needs
 * bootstrap, not a rename) nor kept by decorator metadata (the injected token would change:
 * behaviour, not a type).
 */
function abstractSuggestion(project: Project, imported: ResolvedImport): Pick<Finding, 'suggest'> {
  const { target } = imported;
  if (target.type !== 'file' || target.classification.role !== 'repository' || imported.form !== 'import' || imported.names.length !== 1) return {};
  const [name] = imported.names;
  if (!name || name.imported === 'default' || name.imported === '*' || name.use !== 'type' || name.local === undefined) return {};
  const base = project.exports.classOf(target.path, name.imported)?.extends;
  if (!base || base === name.imported || project.exports.declarationKind(target.path, base) !== 'value') return {};
  const data = { concrete: name.local, abstract: base };
  return { suggest: { messageId: 'useAbstract', data, importType: { from: name.local, to: base } } };
}

/** `cosmic/handlers-use-unit-of-work`: a handler neither imports at runtime nor constructs a repository, ORM session or database client. */
export function checkHandlersUseUnitOfWork(project: Project, facts: FileFacts): Finding[] {
  if (facts.classification.role !== 'handlers') return [];
  const { config } = project;
  const findings: Finding[] = [];
  /** Namespace and whole-module bindings whose members decide: `import * as adapters from '../adapters'`. */
  const namespaces = new Map<string, { file: string; importedFrom: string; classification: FileFacts['classification'] }>();
  for (const imported of facts.imports) {
    const { target } = imported;
    if (target.type === 'package') {
      if (isPersistence(config, target.name) && imported.kind === 'value') {
        findings.push({
          ruleId: HANDLERS_USE_UNIT_OF_WORK,
          messageId: 'importsPersistencePackage',
          import: imported,
          data: { name: target.name, names: importedNames(imported), specifier: imported.specifier },
        });
      }
      continue;
    }
    if (target.type !== 'file') continue;
    const persistent = boundTargets(project, imported, hasPersistenceRole).filter((bound) => bound.name !== '*' && PERSISTENCE_ROLES.includes(bound.classification.role!) && bound.kind === 'value');
    const wholeModule = PERSISTENCE_ROLES.includes(target.classification.role!) && imported.names.every((name) => name.imported === '*') && imported.kind === 'value';
    if (persistent.length > 0 || wholeModule) {
      const role = persistent[0]?.classification.role ?? target.classification.role;
      findings.push({
        ruleId: HANDLERS_USE_UNIT_OF_WORK,
        messageId: 'importsPersistence',
        import: imported,
        data: {
          what: describeRole(role),
          names: persistent.length > 0 ? listNames(persistent) : 'the module',
          specifier: imported.specifier,
          where: ` (defined in ${persistent[0]?.classification.file ?? target.classification.file})`,
        },
        ...abstractSuggestion(project, imported),
      });
      continue;
    }
    for (const name of imported.names) {
      if (name.imported === '*' && name.local && name.kind === 'value') namespaces.set(name.local, { file: target.path, importedFrom: imported.specifier, classification: target.classification });
    }
  }
  if (namespaces.size === 0) return findings;
  for (const construction of facts.constructions()) {
    const namespace = namespaces.get(construction.name);
    if (!namespace || !construction.member) continue;
    const defined = memberTarget(project, namespace.file, namespace.classification, construction.member);
    if (!PERSISTENCE_ROLES.includes(defined.role!)) continue;
    findings.push({
      ruleId: HANDLERS_USE_UNIT_OF_WORK,
      messageId: 'constructsPersistence',
      import: undefined,
      range: construction.range,
      data: { what: describeRole(defined.role), callee: `${construction.name}.${construction.member}`, where: ` (defined in ${defined.file}, imported from '${namespace.importedFrom}')` },
    });
  }
  return findings;
}
