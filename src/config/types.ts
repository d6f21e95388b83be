/** The book's five layers plus `shared`, for pure utilities anyone may import. */
export const LAYERS = ['domain', 'service-layer', 'adapters', 'entrypoints', 'bootstrap', 'shared'] as const;
export type Layer = (typeof LAYERS)[number];

/** Finer roles inside layers; the pattern rules key on them. */
export const ROLES = [
  'model',
  'aggregates',
  'commands',
  'events',
  'exceptions',
  'handlers',
  'unit-of-work',
  'message-bus',
  'views',
  'repository',
  'orm',
  'notifications',
  'event-publisher',
] as const;
export type Role = (typeof ROLES)[number];

export const PRESET_NAMES = ['domain-only', 'part1', 'recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export type Severity = 'off' | 'warn' | 'error';
export type TypeImportPolicy = 'allowed' | 'forbidden';

/** What a user writes in cosmic-lint.config.json (or settings.cosmic). */
export interface CosmicConfigInput {
  $schema?: string;
  preset?: PresetName;
  include?: string[];
  exclude?: string[];
  tsconfig?: string | string[];
  layers?: Partial<Record<Layer, string | string[]>>;
  roles?: Partial<Record<Role, string | string[]>>;
  infrastructure?: { add?: string[]; remove?: string[] };
  typeImports?: 'per-preset' | TypeImportPolicy;
  unclassified?: Severity;
  rules?: Record<string, Severity | [Severity, ...unknown[]]>;
}

/** A selector on one side of an import edge; an absent field matches anything. */
export interface EdgeEnd {
  layer?: Layer | Layer[];
  role?: Role | Role[];
}

/**
 * `allow`: any import. `deny`: any import, type-only included.
 * `type-only`: only type-only imports, whatever the type-import policy.
 * `type-if-allowed`: type-only imports when the policy is `allowed`, else deny.
 */
export type Verdict = 'allow' | 'deny' | 'type-only' | 'type-if-allowed';

/** One cell (or a role exception) of the allowed-import matrix; the first match wins. */
export interface EdgeRule {
  from: EdgeEnd;
  to: EdgeEnd;
  verdict: Verdict;
  /** Why this cell exists, shown by `explain` and in messages when it denies. */
  note?: string;
}

export interface Preset {
  name: PresetName;
  description: string;
  typeImports: TypeImportPolicy;
  matrix: readonly EdgeRule[];
  rules: Readonly<Record<string, Severity>>;
}

export interface GlobList<K extends string> {
  name: K;
  globs: string[];
}

/** A loaded, validated, defaulted configuration; what every check reads. */
export interface ResolvedConfig {
  /** Absolute directory globs and relative paths are taken from. */
  root: string;
  /** The config file, `settings.cosmic`, or `detected layout`. */
  source: string;
  preset: Preset;
  include: string[];
  exclude: string[];
  /** Absolute tsconfig paths; empty when none was found. */
  tsconfigs: string[];
  layers: GlobList<Layer>[];
  roles: GlobList<Role>[];
  infrastructure: { packages: Set<string>; patterns: string[] };
  typeImports: TypeImportPolicy;
  unclassified: Severity;
  rules: Record<string, Severity>;
  /** Human-readable lines saying what layout detection found, when it ran. */
  detected: string[];
}
