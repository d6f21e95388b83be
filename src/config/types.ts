import type { HttpList } from './http.js';
import type { Workspace } from './workspaces.js';
/** The book's five layers plus `shared`, for pure utilities anyone may import. */
export const LAYERS = ['domain', 'service-layer', 'adapters', 'entrypoints', 'bootstrap', 'shared'] as const;
export type Layer = (typeof LAYERS)[number];
/** A layer's name: one of the book's, or a custom layer the config declares. */
export type LayerName = Layer | (string & {});

export function isBookLayer(name: string | undefined): name is Layer {
  return name !== undefined && (LAYERS as readonly string[]).includes(name);
}

/** A layer beyond the book's six, as written: its globs and the layers it may import (and that may import it). */
export interface CustomLayerInput {
  globs: string | string[];
  /** Layers (the book's or custom) its files may import; its own files always. */
  mayImport?: string[];
  /** Layers that may import it; `*` for every layer (a utility layer). */
  importedBy?: string[];
}

/** A custom layer, resolved. */
export interface CustomLayer {
  name: string;
  mayImport: string[];
  importedBy: string[];
}

/** Finer roles inside layers; the pattern rules key on them. */
export const ROLES = [
  'model',
  'aggregates',
  'value-objects',
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

/**
 * The keys `roles` accepts: every role, and `none`, whose globs give a file no role at all (and
 * no role by convention either).
 */
export const ROLE_KEYS = [...ROLES, 'none'] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export const PRESET_NAMES = ['domain-only', 'part1', 'recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export type Severity = 'off' | 'warn' | 'error';
export type TypeImportPolicy = 'allowed' | 'forbidden';

/** Changes to a shipped package list: names or globs over names (`@corp/*`). */
export interface PackageListInput {
  add?: string[];
  remove?: string[];
}

/** One bounded context as written: its folder(s), or those and what it publishes. */
export type ContextInput =
  | string
  | string[]
  | {
      /** The context's folder, or folders (one context can span `src/lib/<name>` and `src/<name>`), relative to the config file. */
      root: string | string[];
      /** Its published language: globs relative to each root. Without it, its commands and events (files with role `commands` or `events`). */
      publishes?: string | string[];
      /** A shared kernel: every context may import it, and it imports no context. */
      sharedKernel?: boolean;
    };

/** What a user writes in cosmic-lint.config.json (or settings.cosmic). */
export interface CosmicConfigInput {
  $schema?: string;
  preset?: PresetName;
  include?: string[];
  exclude?: string[];
  tsconfig?: string | string[];
  /** The book's layers by name (globs); any other name is a custom layer (an object). */
  layers?: Partial<Record<Layer, string | string[]>> & Record<string, string | string[] | CustomLayerInput | undefined>;
  roles?: Partial<Record<RoleKey, string | string[]>>;
  /** Bounded contexts by name; without it, detected when layers are detected. */
  contexts?: Record<string, ContextInput>;
  infrastructure?: PackageListInput;
  persistence?: PackageListInput;
  /** What the service layer must not know of HTTP: packages, or `package#Export` names (globs allowed). */
  http?: PackageListInput;
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

/**
 * A resolved package list. `packages` and `patterns` are what is on it; `removed` holds the config's
 * `remove` entries, which also take out names a pattern would match (`remove: ["@nestjs/cqrs"]`
 * under `@nestjs/*`).
 */
export interface PackageList {
  packages: Set<string>;
  patterns: string[];
  removed: string[];
}

export interface GlobList<K extends string> {
  name: K;
  globs: string[];
}

/** A bounded context, resolved: every path relative to the config root, POSIX. */
export interface BoundedContext {
  name: string;
  /** Its folders, without a trailing slash. */
  roots: string[];
  /** Globs (relative to the config root) of what it publishes; undefined: its commands and events. */
  publishes: string[] | undefined;
  /** A workspace package's entry points (relative to the config root): published too, whatever `publishes` says. */
  entries?: string[];
  sharedKernel: boolean;
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
  /** The book's layers in their order, then the custom ones in the config's. */
  layers: GlobList<LayerName>[];
  customLayers: CustomLayer[];
  /** Each listed role's globs (and `none`'s); a glob starting with `!` takes files out of the same list's other globs. */
  roles: GlobList<RoleKey>[];
  /** The bounded contexts, configured or detected; empty when the project is one context. */
  contexts: BoundedContext[];
  /** The npm/yarn/pnpm workspace the config's folder is in (null: none), found once for detection, contexts and resolution. */
  workspace: Workspace | null;
  /** Packages the domain must not import: persistence plus transport, messaging, cloud, frameworks and I/O. */
  infrastructure: PackageList;
  /** Packages that reach storage (ORMs, database and cache clients): a handler reaches them through the unit of work only. */
  persistence: PackageList;
  /** HTTP packages and exports the service layer must not import (`cosmic/service-layer-knows-no-http`). */
  http: HttpList;
  typeImports: TypeImportPolicy;
  unclassified: Severity;
  rules: Record<string, Severity>;
  /** Human-readable lines saying what layout detection found, when it ran. */
  detected: string[];
}
