import type { EdgeRule, Preset, PresetName, Severity } from './types.js';

/** Every rule id in the catalog (RULES.md); a config may name any of them. */
export const RULE_IDS: readonly string[] = [
  'cosmic/adapters-built-in-bootstrap',
  'cosmic/aggregate-reference-by-id',
  'cosmic/bootstrap-only-from-entrypoints',
  'cosmic/command-handler-returns-nothing',
  'cosmic/context-boundaries',
  'cosmic/domain-purity',
  'cosmic/handlers-do-not-call-handlers',
  'cosmic/handlers-use-unit-of-work',
  'cosmic/immutable-messages',
  'cosmic/integrate-through-events',
  'cosmic/layer-direction',
  'cosmic/message-bus-decoupled',
  'cosmic/no-layer-cycles',
  'cosmic/no-transitive-violation',
  'cosmic/no-unclassified-files',
  'cosmic/no-unresolved-imports',
  'cosmic/one-aggregate-per-transaction',
  'cosmic/one-handler-per-command',
  'cosmic/service-layer-knows-no-http',
  'cosmic/unit-of-work-boundary',
  'cosmic/value-objects-immutable',
  'cosmic/views-read-only',
];

const INNER = ['domain', 'shared'] as const;

/** Role exceptions, checked before the layer cells. */
const ROLE_EXCEPTIONS: EdgeRule[] = [
  {
    from: { role: 'unit-of-work' },
    to: { layer: 'adapters' },
    verdict: 'allow',
    note: 'the unit of work is the one door to the repositories and the session factory',
  },
  {
    from: { layer: 'entrypoints' },
    to: { role: 'views' },
    verdict: 'allow',
    note: 'entrypoints read through views (the CQRS read side) wherever they live',
  },
];

const DOMAIN_ROWS: EdgeRule[] = [
  { from: { layer: 'domain' }, to: { layer: [...INNER] }, verdict: 'allow' },
  {
    from: { layer: 'domain' },
    to: {},
    verdict: 'deny',
    note: 'the domain depends on nothing outside itself, not even on types',
  },
];

const SHARED_ROWS: EdgeRule[] = [
  { from: { layer: 'shared' }, to: { layer: 'shared' }, verdict: 'allow' },
  { from: { layer: 'shared' }, to: {}, verdict: 'deny', note: 'shared utilities are a leaf everyone may import' },
];

/**
 * The composition root composes: a NestJS module registers its controllers, a composition root
 * builds the web server around them. `bootstrap-only-from-entrypoints` guards the other direction.
 */
const BOOTSTRAP_ROWS: EdgeRule[] = [{ from: { layer: 'bootstrap' }, to: {}, verdict: 'allow' }];

/**
 * The book's narrower bootstrap (ch. 13): it builds adapters and handlers and hands the bus to the
 * entrypoints, which import it; it never imports them.
 */
const STRICT_BOOTSTRAP_ROWS: EdgeRule[] = [
  {
    from: { layer: 'bootstrap' },
    to: { layer: 'entrypoints' },
    verdict: 'deny',
    note: 'in the strict preset bootstrap builds the dependencies and the entrypoints call it, never the other way round',
  },
  ...BOOTSTRAP_ROWS,
];

/** The book as shipped: ports live in adapters/, so type-only imports of them are fine. */
const RECOMMENDED_MATRIX: EdgeRule[] = [
  ...ROLE_EXCEPTIONS,
  ...DOMAIN_ROWS,
  { from: { layer: 'service-layer' }, to: { layer: ['domain', 'service-layer', 'shared'] }, verdict: 'allow' },
  {
    from: { layer: 'service-layer' },
    to: { layer: 'adapters' },
    verdict: 'type-if-allowed',
    note: 'the service layer depends on abstractions; bootstrap injects the concrete adapter',
  },
  { from: { layer: 'service-layer' }, to: {}, verdict: 'deny' },
  {
    from: { layer: 'adapters' },
    to: { layer: 'service-layer', role: ['handlers', 'message-bus'] },
    verdict: 'deny',
    note: 'an adapter that calls application logic is an entrypoint in disguise',
  },
  { from: { layer: 'adapters' }, to: { layer: ['domain', 'service-layer', 'adapters', 'shared'] }, verdict: 'allow' },
  { from: { layer: 'adapters' }, to: {}, verdict: 'deny' },
  { from: { layer: 'entrypoints' }, to: { layer: ['domain', 'service-layer', 'entrypoints', 'bootstrap', 'shared'] }, verdict: 'allow' },
  {
    from: { layer: 'entrypoints' },
    to: { layer: 'adapters' },
    verdict: 'type-if-allowed',
    note: 'entrypoints get adapters wired by bootstrap, not directly',
  },
  ...BOOTSTRAP_ROWS,
  ...SHARED_ROWS,
];

/** What the book recommends, beyond what its code ships. */
const STRICT_MATRIX: EdgeRule[] = [
  ...ROLE_EXCEPTIONS,
  ...DOMAIN_ROWS,
  { from: { layer: 'service-layer' }, to: { layer: ['domain', 'service-layer', 'shared'] }, verdict: 'allow' },
  {
    from: { layer: 'service-layer' },
    to: { layer: 'adapters' },
    verdict: 'type-if-allowed',
    note: 'the service layer owns its abstractions; concrete adapters are injected by bootstrap',
  },
  { from: { layer: 'service-layer' }, to: {}, verdict: 'deny' },
  {
    from: { layer: 'adapters' },
    to: { layer: 'service-layer', role: ['handlers', 'message-bus'] },
    verdict: 'deny',
    note: 'an adapter that calls application logic is an entrypoint in disguise',
  },
  {
    from: { layer: 'adapters' },
    to: { layer: 'service-layer' },
    verdict: 'type-only',
    note: "adapters implement the service layer's ports; they need its types, never its code",
  },
  { from: { layer: 'adapters' }, to: { layer: ['domain', 'adapters', 'shared'] }, verdict: 'allow' },
  { from: { layer: 'adapters' }, to: {}, verdict: 'deny' },
  { from: { layer: 'entrypoints' }, to: { layer: 'domain', role: ['commands', 'events', 'exceptions'] }, verdict: 'allow' },
  {
    from: { layer: 'entrypoints' },
    to: { layer: 'domain' },
    verdict: 'deny',
    note: 'entrypoints send commands and read views; the model stays behind the service layer',
  },
  {
    from: { layer: 'entrypoints' },
    to: { layer: 'service-layer', role: ['unit-of-work', 'message-bus'] },
    verdict: 'deny',
    note: 'entrypoints take the bus and the unit of work from bootstrap',
  },
  { from: { layer: 'entrypoints' }, to: { layer: ['service-layer', 'entrypoints', 'bootstrap', 'shared'] }, verdict: 'allow' },
  {
    from: { layer: 'entrypoints' },
    to: { layer: 'adapters' },
    verdict: 'type-if-allowed',
    note: 'entrypoints get adapters wired by bootstrap, not directly',
  },
  ...STRICT_BOOTSTRAP_ROWS,
  ...SHARED_ROWS,
];

/**
 * Chapters 1-7 have no bootstrap yet: the entrypoint is the composition root and starts the ORM
 * and builds the unit of work itself, so it may import adapters.
 */
const PART1_MATRIX: EdgeRule[] = RECOMMENDED_MATRIX.map((rule) =>
  rule.from.layer === 'entrypoints' && rule.to.layer === 'adapters' ? { ...rule, verdict: 'allow', note: 'before bootstrap (ch. 13) the entrypoint wires the adapters' } : rule,
);

/** Chapters 1-2: only the domain's direction is checked. */
const DOMAIN_ONLY_MATRIX: EdgeRule[] = [...DOMAIN_ROWS, { from: {}, to: {}, verdict: 'allow' }];

const FAIL_CLOSED: Record<string, Severity> = {
  'cosmic/no-unclassified-files': 'warn',
  'cosmic/no-unresolved-imports': 'warn',
};

/** Chapters 1-7: the repository and the unit of work. */
const PART1_RULES: Record<string, Severity> = {
  'cosmic/domain-purity': 'error',
  'cosmic/handlers-use-unit-of-work': 'error',
  'cosmic/layer-direction': 'error',
  'cosmic/no-layer-cycles': 'error',
  'cosmic/unit-of-work-boundary': 'error',
  ...FAIL_CLOSED,
};

/** Chapters 8-13: events, the message bus, dependency injection. */
const RECOMMENDED_RULES: Record<string, Severity> = {
  ...PART1_RULES,
  'cosmic/bootstrap-only-from-entrypoints': 'error',
  'cosmic/message-bus-decoupled': 'error',
  'cosmic/no-transitive-violation': 'error',
  'cosmic/one-handler-per-command': 'error',
  // Ch. 11 and the epilogue: contexts integrate through their published messages (on only when the project has contexts).
  'cosmic/context-boundaries': 'error',
};

export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  'domain-only': {
    name: 'domain-only',
    description: "Chapters 1-2: a pure domain model. Only the domain's imports are checked.",
    typeImports: 'allowed',
    matrix: DOMAIN_ONLY_MATRIX,
    rules: {
      'cosmic/domain-purity': 'error',
      'cosmic/layer-direction': 'error',
      'cosmic/no-unclassified-files': 'warn',
      'cosmic/no-unresolved-imports': 'off',
    },
  },
  part1: {
    name: 'part1',
    description: 'Chapters 1-7: domain, repository, service layer, unit of work, aggregates.',
    typeImports: 'allowed',
    matrix: PART1_MATRIX,
    rules: PART1_RULES,
  },
  recommended: {
    name: 'recommended',
    description: 'The whole book as its code ships: events, message bus, CQRS views, bootstrap.',
    typeImports: 'allowed',
    matrix: RECOMMENDED_MATRIX,
    rules: RECOMMENDED_RULES,
  },
  strict: {
    name: 'strict',
    description: 'What the book recommends, where its own code bends the advice.',
    typeImports: 'forbidden',
    matrix: STRICT_MATRIX,
    rules: {
      ...RECOMMENDED_RULES,
      // The book's advice its own code bends (ch. 9's handler calls another; ch. 4's flask app is the translating edge).
      'cosmic/handlers-do-not-call-handlers': 'error',
      'cosmic/immutable-messages': 'error',
      'cosmic/command-handler-returns-nothing': 'error',
      'cosmic/views-read-only': 'error',
      'cosmic/aggregate-reference-by-id': 'error',
      'cosmic/one-aggregate-per-transaction': 'error',
      'cosmic/value-objects-immutable': 'error',
      'cosmic/service-layer-knows-no-http': 'error',
      // Ch. 11: contexts call each other only through events (on only when the project has contexts).
      'cosmic/integrate-through-events': 'error',
      'cosmic/no-unclassified-files': 'error',
      'cosmic/no-unresolved-imports': 'error',
    },
  },
};
