import type { LayerName, Role } from '../config/types.js';
import type { Diagnostic } from '../project/model.js';
import { compareText } from '../config/order.js';

/** One hop of a chain: an import in `file` at `line`, written as `specifier`. */
export interface Hop {
  file: string;
  line: number;
  specifier: string;
}

/** A violation as the JSON contract spells it (design README, "Results"). */
export interface Violation {
  ruleId: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** `context`: the bounded context, present only when the project has contexts (null: in none). */
  from: { layer: LayerName | null; role: Role | null; context?: string | null };
  to: { file: string | null; package: string | null; layer: LayerName | null; role: Role | null; context?: string | null } | null;
  specifier: string | null;
  kind: 'value' | 'type' | null;
  chain: Hop[];
  /**
   * Hops of a long chain left out of `chain` between its first CHAIN_SHOWN.head hops and its last
   * CHAIN_SHOWN.tail ones, so a report stays the size of its root causes however deep the chain.
   * Present only when some were left out.
   */
  chainOmitted?: number;
  fingerprint: string;
  baselined: boolean;
}

/** How much of a chain a violation carries: the first and the last hops (the importer and the exit). */
export const CHAIN_SHOWN = { head: 20, tail: 20 };

/** A violation's chain as shown: its hops, each with its position (1-based) in the whole chain, and the gap where hops were left out. */
export function chainItems(violation: Pick<Violation, 'chain' | 'chainOmitted'>): Array<{ hop: Hop; position: number } | { omitted: number }> {
  const omitted = violation.chainOmitted ?? 0;
  if (omitted === 0) return violation.chain.map((hop, index) => ({ hop, position: index + 1 }));
  const head = violation.chain.slice(0, CHAIN_SHOWN.head).map((hop, index) => ({ hop, position: index + 1 }));
  const tail = violation.chain.slice(CHAIN_SHOWN.head).map((hop, index) => ({ hop, position: CHAIN_SHOWN.head + omitted + index + 1 }));
  return [...head, { omitted }, ...tail];
}

/** Observed imports between two layers, and how many of them break a rule: the layer diagram's arrows. */
export interface LayerEdge {
  from: LayerName;
  to: LayerName;
  imports: number;
  violations: number;
}

/** Observed imports from one bounded context into another: how many, how many of them are of its published language (or a shared kernel), and how many break a rule. */
export interface ContextEdge {
  from: string;
  to: string;
  imports: number;
  published: number;
  violations: number;
}

/** A bounded context as the report names it. */
export interface ContextSummary {
  name: string;
  /** Its folders, relative POSIX paths. */
  roots: string[];
  sharedKernel: boolean;
  files: number;
  /** The imports between layers inside the context, for its own layer diagram. */
  layerEdges: LayerEdge[];
}

export interface AuditResult {
  /** The JSON contract's version; bump on any breaking change (fields may be added within a version). */
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** `durationMs` only when asked (`--timing`): by default the JSON report is the same bytes on every run. */
  /** `outsideChange`: with `--changed-since`, the live violations left out because they touch no changed file. */
  summary: { files: number; errors: number; warnings: number; baselined: number; durationMs?: number; outsideChange?: number };
  violations: Violation[];
  diagnostics: Diagnostic[];
  /** The layers the config declares: the book's, inner first, then custom ones in the config's order. */
  layers: LayerName[];
  layerEdges: LayerEdge[];
  /** The bounded contexts and the imports between them (the context map): present only when the project has contexts. */
  contexts?: ContextSummary[];
  contextEdges?: ContextEdge[];
  /** Baseline entries whose violation is no longer found (fixed since): only with --baseline. */
  staleBaseline?: Array<{ fingerprint: string; ruleId: string; file: string; target: string }>;
}

/** Deterministic order, independent of the locale: file, line, column, rule, message (strings by code unit). */
export function compareViolations(a: Violation, b: Violation): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}
