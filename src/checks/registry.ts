import type { PresetName } from '../config/types.js';
import type { Classification } from '../project/classify.js';
import type { ResolvedImport } from '../project/imports.js';
import type { Project } from '../project/project.js';
import type { FactName } from '../project/model.js';
import { BOOTSTRAP_ONLY_FROM_ENTRYPOINTS, bootstrapOnlyFromEntrypointsMessages, checkBootstrapOnlyFromEntrypoints } from './bootstrap-only-from-entrypoints.js';
import { checkDomainPurity, DOMAIN_PURITY, domainPurityMessages } from './domain-purity.js';
import type { FileFacts, Finding } from './finding.js';
import { checkHandlersDoNotCallHandlers, HANDLERS_DO_NOT_CALL_HANDLERS, handlersDoNotCallHandlersMessages } from './handlers-do-not-call-handlers.js';
import { checkServiceLayerKnowsNoHttp, SERVICE_LAYER_KNOWS_NO_HTTP, serviceLayerKnowsNoHttpMessages } from './service-layer-knows-no-http.js';
import { checkOneAggregatePerTransaction, ONE_AGGREGATE_PER_TRANSACTION, oneAggregatePerTransactionMessages } from './one-aggregate-per-transaction.js';
import { AGGREGATE_REFERENCE_BY_ID, aggregateReferenceByIdMessages, checkAggregateReferenceById } from './aggregate-reference-by-id.js';
import { checkViewsReadOnly, VIEWS_READ_ONLY, viewsReadOnlyMessages } from './views-read-only.js';
import { checkCommandHandlerReturnsNothing, COMMAND_HANDLER_RETURNS_NOTHING, commandHandlerReturnsNothingMessages } from './command-handler-returns-nothing.js';
import { checkValueObjectsImmutable, VALUE_OBJECTS_IMMUTABLE, valueObjectsImmutableMessages } from './value-objects-immutable.js';
import { checkImmutableMessages, IMMUTABLE_MESSAGES, immutableMessagesMessages } from './immutable-messages.js';
import { checkHandlersUseUnitOfWork, HANDLERS_USE_UNIT_OF_WORK, handlersUseUnitOfWorkMessages, handlersUseUnitOfWorkSuggestions } from './handlers-use-unit-of-work.js';
import { checkLayerDirection, LAYER_DIRECTION, layerDirectionMessages } from './layer-direction.js';
import { checkContextBoundaries, CONTEXT_BOUNDARIES, contextBoundariesMessages } from './context-boundaries.js';
import { checkIntegrateThroughEvents, INTEGRATE_THROUGH_EVENTS, integrateThroughEventsMessages } from './integrate-through-events.js';
import { checkMessageBusDecoupled, MESSAGE_BUS_DECOUPLED, messageBusDecoupledMessages } from './message-bus-decoupled.js';
import { checkNoUnclassifiedFiles, NO_UNCLASSIFIED_FILES, noUnclassifiedFilesMessages } from './no-unclassified-files.js';
import { checkUnresolvedImports, NO_UNRESOLVED_IMPORTS, noUnresolvedImportsMessages } from './no-unresolved-imports.js';
import { checkUnitOfWorkBoundary, UNIT_OF_WORK_BOUNDARY, unitOfWorkBoundaryAppliesTo, unitOfWorkBoundaryMessages } from './unit-of-work-boundary.js';
import { checkOneHandlerPerCommand, ONE_HANDLER_PER_COMMAND, oneHandlerPerCommandMessages } from './one-handler-per-command.js';
import { NO_LAYER_CYCLES, NO_TRANSITIVE_VIOLATION, noLayerCyclesMessages, noTransitiveViolationMessages } from './graph.js';

/** Where every rule's documentation lives; ESLint's `meta.docs.url`, SARIF's `helpUri`. */
export const DOCS_BASE_URL = 'https://github.com/cosmic-lint/cosmic-lint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId.replace(/^cosmic\//, '')}.md`;
}

/** What every report says about a rule: its one-line description, its messages, its doc. */
export interface RuleMeta {
  ruleId: string;
  /** One line: ESLint's `meta.docs.description`, the doc page's summary, SARIF's short description. */
  description: string;
  /** What it checks, for the README's rule table (generated, with the presets, by `npm run docs`). */
  summary: string;
  /** A qualifier shown beside a preset's severity where the preset narrows the rule (`domain-only`: the domain's imports only). */
  presetNotes?: Partial<Record<PresetName, string>>;
  messages: Readonly<Record<string, string>>;
}

/** A per-file check as every engine runs it: the ESLint rules and the audit. */
export interface FileCheck extends RuleMeta {
  /** Whether the check can find anything in a file so classified; engines skip the work otherwise. */
  appliesTo(classification: Classification): boolean;
  /** Some findings carry a fix (ESLint's `--fix`); the README's rule table says which rules. */
  fixable?: boolean;
  /** The messages of the suggestions its findings may carry (ESLint's `hasSuggestions`): changes offered in the editor, never applied by --fix. */
  suggestions?: Readonly<Record<string, string>>;
  /** The facts beyond imports that `run` reads: the audit takes them while the file's tree is at hand, then drops the tree. */
  facts?: readonly FactName[];
  /**
   * A whole-program rule whose per-file run sees only what one file shows (ESLint); the audit runs
   * the whole-program check instead, which finds all of that and more, and does not run this one.
   */
  wholeProgram?: boolean;
  run(project: Project, facts: FileFacts): Finding[];
}

const isHandlers = (classification: Classification) => classification.role === 'handlers';

export const FILE_CHECKS: Readonly<Record<string, FileCheck>> = {
  [HANDLERS_USE_UNIT_OF_WORK]: {
    ruleId: HANDLERS_USE_UNIT_OF_WORK,
    description: 'Make handlers reach persistence only through the unit of work',
    summary:
      'a handler neither imports at runtime nor constructs a repository or ORM session, through barrels too, nor imports a persistence package (an ORM, a database or cache client; not dependency injection such as `@nestjs/common`)',
    messages: handlersUseUnitOfWorkMessages,
    appliesTo: isHandlers,
    facts: ['constructions'],
    suggestions: handlersUseUnitOfWorkSuggestions,
    run: checkHandlersUseUnitOfWork,
  },
  [UNIT_OF_WORK_BOUNDARY]: {
    ruleId: UNIT_OF_WORK_BOUNDARY,
    description: 'Keep repositories behind the unit of work, and the unit of work away from the bus and handlers',
    summary:
      'the service layer (but the unit of work) and entrypoints import no repository at runtime (the domain importing one is `layer-direction`; adapters may use each other); the unit of work imports neither the bus nor handlers',
    messages: unitOfWorkBoundaryMessages,
    appliesTo: unitOfWorkBoundaryAppliesTo,
    run: checkUnitOfWorkBoundary,
  },
  [MESSAGE_BUS_DECOUPLED]: {
    ruleId: MESSAGE_BUS_DECOUPLED,
    description: 'Keep the message bus free of runtime imports of handlers',
    summary: 'the message bus does not import handlers at runtime',
    messages: messageBusDecoupledMessages,
    appliesTo: (classification) => classification.role === 'message-bus',
    run: checkMessageBusDecoupled,
  },
  [HANDLERS_DO_NOT_CALL_HANDLERS]: {
    ruleId: HANDLERS_DO_NOT_CALL_HANDLERS,
    description: 'Keep handlers from calling other handlers: chain work through events',
    summary: 'a handler does not import another handler at runtime (to call it, or to have it injected), through barrels too; it raises an event the other handler is registered for',
    messages: handlersDoNotCallHandlersMessages,
    appliesTo: isHandlers,
    run: checkHandlersDoNotCallHandlers,
  },
  [SERVICE_LAYER_KNOWS_NO_HTTP]: {
    ruleId: SERVICE_LAYER_KNOWS_NO_HTTP,
    description: 'Keep HTTP out of the service layer: its own errors and plain data, translated by entrypoints',
    summary:
      'the service layer imports no HTTP framework, HTTP error or status package, nor the HTTP exports of one it may use (`NotFoundException`, `HttpStatus`, `@Req` from `@nestjs/common`), type-only imports included; the list is extendable',
    messages: serviceLayerKnowsNoHttpMessages,
    appliesTo: (classification) => classification.layer === 'service-layer',
    run: (project, facts) => checkServiceLayerKnowsNoHttp(project.config, facts),
  },
  [AGGREGATE_REFERENCE_BY_ID]: {
    ruleId: AGGREGATE_REFERENCE_BY_ID,
    description: 'Hold other aggregates by id, not as objects',
    summary:
      'a field or constructor parameter property of an aggregate (a class in an `aggregates` module, or one that extends `…AggregateRoot` or is decorated so) is not typed as another aggregate, alone, in an array, a map or a union, followed through imports and barrels',
    messages: aggregateReferenceByIdMessages,
    appliesTo: (classification) => classification.layer === 'domain',
    facts: ['classes'],
    run: checkAggregateReferenceById,
  },
  [ONE_AGGREGATE_PER_TRANSACTION]: {
    ruleId: ONE_AGGREGATE_PER_TRANSACTION,
    description: 'Write one aggregate per transaction: a handler writes through one repository',
    summary:
      'a handler (function or method of a handlers module) writes (`add`, `save`, `update`, `delete`, …) through at most one repository: the attribute of its unit of work (`uow.products`) or a repository object (`this.orderRepository`); reads are free',
    messages: oneAggregatePerTransactionMessages,
    appliesTo: (classification) => classification.role === 'handlers',
    facts: ['callables'],
    run: (_project, facts) => checkOneAggregatePerTransaction(facts),
  },
  [VIEWS_READ_ONLY]: {
    ruleId: VIEWS_READ_ONLY,
    description: 'Keep views read-only: no commit, no repository write, no dispatch, no writing SQL',
    summary:
      'a views module (the read side, `views.ts`, `*.query-handler.ts`) commits no transaction, calls no write method (`add`, `save`, `update`, `delete`, …) on a unit of work, repository, session or ORM client, sends nothing on a command or event bus, and has no `INSERT`/`UPDATE`/`DELETE`/DDL in its string or template literals',
    messages: viewsReadOnlyMessages,
    appliesTo: (classification) => classification.role === 'views',
    facts: ['writes'],
    run: (_project, facts) => checkViewsReadOnly(facts),
  },
  [COMMAND_HANDLER_RETURNS_NOTHING]: {
    ruleId: COMMAND_HANDLER_RETURNS_NOTHING,
    description: 'Make command handlers return nothing: reads go through views',
    summary:
      'a command handler (a class registered with `@CommandHandler`, or in a handlers module a function or `execute`/`handle` method whose first parameter is a command: declared in a commands module, or named `…Command`) neither returns a value nor declares a return type other than `void`/`Promise<void>`',
    messages: commandHandlerReturnsNothingMessages,
    appliesTo: (classification) => classification.layer === 'service-layer',
    facts: ['callables'],
    run: checkCommandHandlerReturnsNothing,
  },
  [IMMUTABLE_MESSAGES]: {
    ruleId: IMMUTABLE_MESSAGES,
    description: 'Keep commands and events immutable: readonly fields, no setters',
    summary:
      'in a commands or events module, every field of a top-level class (parameter properties included), interface or object type is `readonly`, and no class has a setter; with that the compiler refuses every assignment to a message, anywhere (fixable: `readonly`)',
    messages: immutableMessagesMessages,
    appliesTo: (classification) => classification.role === 'commands' || classification.role === 'events',
    fixable: true,
    facts: ['mutableMembers'],
    run: (_project, facts) => checkImmutableMessages(facts),
  },
  [VALUE_OBJECTS_IMMUTABLE]: {
    ruleId: VALUE_OBJECTS_IMMUTABLE,
    description: 'Keep value objects immutable: readonly fields, no setters',
    summary:
      'in a value-objects module (`roles["value-objects"]`, or `*.value-object.ts`, `*.vo.ts`, `value-objects/` in the domain), every field of a top-level class, interface or object type is `readonly` and no class has a setter; entities are exempt (fixable: `readonly`)',
    messages: valueObjectsImmutableMessages,
    appliesTo: (classification) => classification.role === 'value-objects',
    fixable: true,
    facts: ['mutableMembers'],
    run: (_project, facts) => checkValueObjectsImmutable(facts),
  },
  [BOOTSTRAP_ONLY_FROM_ENTRYPOINTS]: {
    ruleId: BOOTSTRAP_ONLY_FROM_ENTRYPOINTS,
    description: 'Let only entrypoints import the bootstrap composition root',
    summary: 'only entrypoints (and tests) import bootstrap',
    messages: bootstrapOnlyFromEntrypointsMessages,
    appliesTo: (classification) => classification.layer !== 'entrypoints' && classification.layer !== 'bootstrap',
    run: checkBootstrapOnlyFromEntrypoints,
  },
  [CONTEXT_BOUNDARIES]: {
    ruleId: CONTEXT_BOUNDARIES,
    description: "Keep bounded contexts apart: import another context's published language only",
    summary:
      'a file of one bounded context (`contexts`, or detected: each module, or each folder under `contexts/`) imports from another only what that one publishes (its commands and events, or its `publishes` globs), type-only imports included; a shared kernel may be imported by all and imports no context',
    messages: contextBoundariesMessages,
    appliesTo: (classification) => classification.context !== undefined,
    run: (project, facts) => checkContextBoundaries(project.config, facts),
  },
  [INTEGRATE_THROUGH_EVENTS]: {
    ruleId: INTEGRATE_THROUGH_EVENTS,
    description: "Integrate bounded contexts through events: no calls into another context's handlers, no use of its persistence",
    summary:
      "a context's handlers and entrypoints do not import another context's handlers, message bus or bootstrap at runtime, and no context imports another's repositories, ORM mapping or unit of work, even through what that one publishes (barrels followed); they publish events the other consumes",
    messages: integrateThroughEventsMessages,
    appliesTo: (classification) => classification.context !== undefined,
    run: (project, facts) => checkIntegrateThroughEvents(project, project.config, facts),
  },
  [LAYER_DIRECTION]: {
    ruleId: LAYER_DIRECTION,
    description: 'Enforce the allowed-import matrix between the Cosmic Python layers',
    summary: 'every import between layers follows the allowed-import matrix (role exceptions for the unit of work and views; the type-only policy per preset)',
    presetNotes: { 'domain-only': 'domain only' },
    messages: layerDirectionMessages,
    appliesTo: (classification) => classification.layer !== undefined,
    fixable: true,
    run: (project, facts) => checkLayerDirection(project.config, facts),
  },
  [DOMAIN_PURITY]: {
    ruleId: DOMAIN_PURITY,
    description: 'Keep the domain free of infrastructure packages and I/O built-ins',
    summary: 'the domain imports no infrastructure package (persistence, messaging, cloud, HTTP, frameworks such as `@nestjs/*`) or I/O built-in, type-only imports included',
    messages: domainPurityMessages,
    appliesTo: (classification) => classification.layer === 'domain',
    run: (project, facts) => checkDomainPurity(project.config, facts),
  },
  [NO_UNRESOLVED_IMPORTS]: {
    ruleId: NO_UNRESOLVED_IMPORTS,
    description: 'Report imports that resolve to no file or package, so no boundary goes unchecked',
    summary: 'fail closed: imports that resolve to nothing (or to a file outside the project, which is never checked), and tsconfigs that do not parse',
    messages: noUnresolvedImportsMessages,
    appliesTo: () => true,
    run: (project, facts) => checkUnresolvedImports(project.resolver, facts),
  },
  [NO_UNCLASSIFIED_FILES]: {
    ruleId: NO_UNCLASSIFIED_FILES,
    description: 'Report checked files that belong to no layer, so no file goes unchecked',
    summary: 'fail closed: a checked file in no layer',
    messages: noUnclassifiedFilesMessages,
    appliesTo: (classification) => classification.layer === undefined,
    run: checkNoUnclassifiedFiles,
  },
  [ONE_HANDLER_PER_COMMAND]: {
    ruleId: ONE_HANDLER_PER_COMMAND,
    description: 'Give every command exactly one handler',
    summary:
      'a command registered with a second handler (NestJS `@CommandHandler(…)`, a `new Map([[Command, handler]])`, `bus.register(Command, handler)`, `{ [Command.name]: handler }`), found by the declaration the registration names, through imports and barrels; events may have many. The audit checks the whole program, and also warns about a command with no handler and about a registration it cannot read (a loop, a computed key); ESLint checks the registrations within the linted file',
    messages: oneHandlerPerCommandMessages,
    appliesTo: () => true,
    facts: ['registrations'],
    wholeProgram: true,
    run: (project, facts) => checkOneHandlerPerCommand(project, [facts], { withinFile: true }),
  },
};

/**
 * Rules that judge import edges, most specific first. One edge is reported once, by the most
 * specific rule that is on: a handler importing a concrete repository is
 * `handlers-use-unit-of-work`, not also `unit-of-work-boundary` and `layer-direction`. An edge into
 * another bounded context's unpublished module is `context-boundaries` first: whatever it breaks
 * inside, the fix is not to reach into that context at all.
 */
const EDGE_PRECEDENCE = [
  CONTEXT_BOUNDARIES,
  INTEGRATE_THROUGH_EVENTS,
  HANDLERS_USE_UNIT_OF_WORK,
  UNIT_OF_WORK_BOUNDARY,
  MESSAGE_BUS_DECOUPLED,
  HANDLERS_DO_NOT_CALL_HANDLERS,
  BOOTSTRAP_ONLY_FROM_ENTRYPOINTS,
  LAYER_DIRECTION,
];

/** Whether the description turns a rule on (any severity but `off`). */
export function isOn(project: Project, ruleId: string): boolean {
  const severity = project.config.rules[ruleId];
  return severity !== undefined && severity !== 'off';
}

/** Each check runs once per file even when several rules ask for its findings (precedence asks twice). */
const findingsCache = new WeakMap<FileFacts, Map<string, Finding[]>>();

function findingsOf(ruleId: string, project: Project, facts: FileFacts): Finding[] {
  let byRule = findingsCache.get(facts);
  if (!byRule) findingsCache.set(facts, (byRule = new Map()));
  let findings = byRule.get(ruleId);
  if (!findings) byRule.set(ruleId, (findings = FILE_CHECKS[ruleId]!.run(project, facts)));
  return findings;
}

/** The findings of one rule for one file, minus the edges a more specific rule that is on reports. */
export function runFileCheck(ruleId: string, project: Project, facts: FileFacts): Finding[] {
  const check = FILE_CHECKS[ruleId]!;
  if (!check.appliesTo(facts.classification)) return [];
  const findings = findingsOf(ruleId, project, facts);
  const rank = EDGE_PRECEDENCE.indexOf(ruleId);
  if (rank <= 0 || findings.length === 0) return findings;
  const claimed = new Set<ResolvedImport>();
  for (const specific of EDGE_PRECEDENCE.slice(0, rank)) {
    if (!isOn(project, specific) || !FILE_CHECKS[specific]!.appliesTo(facts.classification)) continue;
    for (const finding of findingsOf(specific, project, facts)) if (finding.import) claimed.add(finding.import);
  }
  return findings.filter((finding) => !finding.import || !claimed.has(finding.import));
}

/**
 * The facts the rules that are on read of a file so classified (and the commands modules' `classes`,
 * for the whole-program handler check), so the audit can take them and drop the file's tree.
 */
export function factsNeeded(project: Project): (classification: Classification) => FactName[] {
  const checks = Object.values(FILE_CHECKS).filter((check) => check.facts && isOn(project, check.ruleId));
  // The whole-program handler check also reads the commands modules' classes: the commands with no handler.
  const inCommands: FactName[] = isOn(project, ONE_HANDLER_PER_COMMAND) ? ['classes'] : [];
  return (classification) => [...(classification.role === 'commands' ? inCommands : []), ...checks.filter((check) => check.appliesTo(classification)).flatMap((check) => check.facts!)];
}

/** The whole-graph rules: the audit runs them; a per-file linter cannot. */
export const GRAPH_RULES: Readonly<Record<string, RuleMeta>> = {
  [NO_TRANSITIVE_VIOLATION]: {
    ruleId: NO_TRANSITIVE_VIOLATION,
    description: 'Forbid dependencies that travel through allowed-looking hops (audit only: a whole-graph check)',
    summary:
      'audit only: a forbidden layer or (from the domain) an infrastructure package reached through hops that each look allowed; one finding per root cause, on the hop where the chain leaves what the layer may depend on, naming everything reached and the files upstream',
    messages: noTransitiveViolationMessages,
  },
  [NO_LAYER_CYCLES]: {
    ruleId: NO_LAYER_CYCLES,
    description: 'Forbid import cycles whose files span two or more layers (audit only: a whole-graph check)',
    summary: 'audit only: an import cycle whose files span two or more layers',
    messages: noLayerCyclesMessages,
  },
};

/** Every rule the audit can run, by id. */
export const ALL_RULES: Readonly<Record<string, RuleMeta>> = { ...FILE_CHECKS, ...GRAPH_RULES };
