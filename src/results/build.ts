import path from 'node:path';
import type { ResolvedConfig, Severity } from '../config/types.js';
import { formatMessage, type Finding } from '../checks/finding.js';
import type { GraphFinding } from '../checks/graph.js';
import type { Classification, Classifier } from '../project/classify.js';
import type { ResolvedImport } from '../project/imports.js';
import type { Diagnostic } from '../project/model.js';
import { relativePosix } from '../config/paths.js';
import { assignFingerprints } from './fingerprint.js';
import { compareText } from '../config/order.js';
import { CHAIN_SHOWN, compareViolations, type AuditResult, type ContextEdge, type ContextSummary, type LayerEdge, type Violation } from './violation.js';
import { isBookLayer, LAYERS, type LayerName } from '../config/types.js';

export interface LocatedFinding {
  finding: Finding | GraphFinding;
  /** The importer, absolute. */
  file: string;
  messages: Readonly<Record<string, string>>;
}

function target(imported: ResolvedImport | undefined, withContexts: boolean): Violation['to'] {
  if (!imported) return null;
  const { target: resolved } = imported;
  const context = (name: string | undefined) => (withContexts ? { context: name ?? null } : {});
  if (resolved.type === 'file') {
    const { classification } = resolved;
    return { file: classification.file, package: null, layer: classification.layer ?? null, role: classification.role ?? null, ...context(classification.context) };
  }
  if (resolved.type === 'package') return { file: null, package: resolved.name, layer: null, role: null, ...context(undefined) };
  return { file: null, package: null, layer: null, role: null, ...context(undefined) };
}

/** One import between two checked files, as the diagrams count it. */
export interface ObservedImport {
  from: Pick<Classification, 'layer' | 'context'>;
  to: Pick<Classification, 'layer' | 'context' | 'published'>;
}

function isInside(config: ResolvedConfig, file: string): boolean {
  const relativePath = path.relative(config.root, file);
  return path.isAbsolute(file) && !relativePath.startsWith('..') && !path.isAbsolute(relativePath);
}

function relative(config: ResolvedConfig, file: string): string {
  return relativePosix(config.root, file);
}

/** A finding's chain in the JSON contract: every hop, or the first and last ones and how many were left out between. */
function shownChain(chain: GraphFinding['chain'], config: ResolvedConfig): Pick<Violation, 'chain' | 'chainOmitted'> {
  const hop = ({ file, import: imported }: GraphFinding['chain'][number]) => ({ file: relative(config, file), line: imported.range.line, specifier: imported.specifier });
  const omitted = chain.length - CHAIN_SHOWN.head - CHAIN_SHOWN.tail;
  if (omitted <= 0) return { chain: chain.map(hop) };
  return { chain: [...chain.slice(0, CHAIN_SHOWN.head), ...chain.slice(-CHAIN_SHOWN.tail)].map(hop), chainOmitted: omitted };
}

/** Turns findings into the JSON contract: relative POSIX paths, 1-based columns, severities, chains, fingerprints, sorted. */
export function buildResult(input: {
  config: ResolvedConfig;
  classifier: Classifier;
  findings: readonly LocatedFinding[];
  diagnostics: readonly Diagnostic[];
  files: number;
  /** Every import between checked files, for the layer and context edges. */
  imports: readonly ObservedImport[];
  /** How many checked files each context holds (for the context map). */
  contextFiles?: ReadonlyMap<string, number>;
  durationMs: number;
  /** Put `durationMs` in the summary (`--timing`); off by default, so the result is a function of the project alone. */
  timing?: boolean | undefined;
  tool: { name: string; version: string };
}): AuditResult {
  const { config, classifier } = input;
  const withContexts = config.contexts.length > 0;
  const severityOf = (ruleId: string): Severity => config.rules[ruleId] ?? 'error';
  const violations: Violation[] = input.findings.map(({ finding, file, messages }) => {
    const range = finding.range ?? finding.import?.range ?? { line: 1, column: 0, endLine: 1, endColumn: 0 };
    const from = classifier.classify(file);
    return {
      ruleId: finding.ruleId,
      // A finding may be at most a warning whatever the rule's severity (a registration not checked, a command with no handler).
      severity: finding.warning || severityOf(finding.ruleId) === 'warn' ? 'warning' : 'error',
      file: relative(config, file),
      line: range.line,
      column: range.column + 1,
      endLine: range.endLine,
      endColumn: range.endColumn + 1,
      message: formatMessage(messages[finding.messageId] ?? finding.messageId, finding.data),
      from: { layer: from.layer ?? null, role: from.role ?? null, ...(withContexts ? { context: from.context ?? null } : {}) },
      to: target('reached' in finding ? finding.reached : finding.import, withContexts),
      specifier: finding.import?.specifier ?? null,
      kind: finding.import?.kind ?? null,
      ...shownChain('chain' in finding ? finding.chain : [], config),
      fingerprint: '',
      baselined: false,
    };
  });
  violations.sort(compareViolations);
  assignFingerprints(violations);
  const diagnostics = [...input.diagnostics]
    .map((diagnostic) => ({ ...diagnostic, file: diagnostic.file && isInside(config, diagnostic.file) ? relative(config, diagnostic.file) : diagnostic.file }))
    .sort((a, b) => compareText(a.file ?? '', b.file ?? '') || compareText(a.kind, b.kind) || (a.line ?? 0) - (b.line ?? 0) || compareText(a.message, b.message));
  const names = config.layers.map((list) => list.name);
  const order = (layer: LayerName) => (isBookLayer(layer) ? LAYERS.indexOf(layer) : LAYERS.length + names.indexOf(layer));
  return {
    schemaVersion: 1,
    tool: input.tool,
    summary: {
      files: input.files,
      errors: violations.filter((violation) => violation.severity === 'error').length,
      warnings: violations.filter((violation) => violation.severity === 'warning').length,
      baselined: 0,
      ...(input.timing ? { durationMs: Math.round(input.durationMs) } : {}),
    },
    violations,
    diagnostics,
    layers: [...new Set(names)].sort((a, b) => order(a) - order(b)),
    layerEdges: layerEdgesOf(input.imports, violations, order),
    ...(withContexts ? contextMap(config, input.imports, violations, input.contextFiles, order) : {}),
  };
}

/** The observed imports between two layers, and how many of them a direct (chainless) violation reports: a layer diagram's arrows. */
function layerEdgesOf(imports: readonly ObservedImport[], violations: readonly Violation[], order: (layer: LayerName) => number): LayerEdge[] {
  const edges = new Map<string, LayerEdge>();
  const edge = (from: LayerName, to: LayerName): LayerEdge => {
    const key = `${from}|${to}`;
    let found = edges.get(key);
    if (!found) edges.set(key, (found = { from, to, imports: 0, violations: 0 }));
    return found;
  };
  for (const { from, to } of imports) if (from.layer && to.layer && from.layer !== to.layer) edge(from.layer, to.layer).imports += 1;
  for (const violation of violations) {
    const to = violation.to?.layer;
    if (violation.from.layer && to && to !== violation.from.layer && violation.chain.length === 0) edge(violation.from.layer, to).violations += 1;
  }
  return [...edges.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The context map: every context, and the imports from one into another, published or not, and how many break a rule. */
function contextMap(
  config: ResolvedConfig,
  imports: readonly ObservedImport[],
  violations: readonly Violation[],
  files: ReadonlyMap<string, number> | undefined,
  order: (layer: LayerName) => number,
): { contexts: ContextSummary[]; contextEdges: ContextEdge[] } {
  // Inside each context: the imports and violations between its own files, for its own layer diagram.
  const insideImports = groupBy(imports, ({ from, to }) => (from.context && from.context === to.context ? from.context : undefined));
  const insideViolations = groupBy(violations, ({ from, to }) => (from.context && from.context === to?.context ? from.context : undefined));
  const edges = new Map<string, ContextEdge>();
  const edge = (from: string, to: string): ContextEdge => {
    const key = `${from}\0${to}`;
    let found = edges.get(key);
    if (!found) edges.set(key, (found = { from, to, imports: 0, published: 0, violations: 0 }));
    return found;
  };
  for (const { from, to } of imports) {
    if (!from.context || !to.context || from.context === to.context) continue;
    const counted = edge(from.context, to.context);
    counted.imports += 1;
    if (to.published) counted.published += 1;
  }
  for (const violation of violations) {
    const from = violation.from.context;
    const to = violation.to?.context;
    if (from && to && from !== to && violation.chain.length === 0) edge(from, to).violations += 1;
  }
  return {
    contexts: config.contexts.map((context) => ({
      name: context.name,
      roots: context.roots,
      sharedKernel: context.sharedKernel,
      files: files?.get(context.name) ?? 0,
      layerEdges: layerEdgesOf(insideImports.get(context.name) ?? [], insideViolations.get(context.name) ?? [], order),
    })),
    contextEdges: [...edges.values()].sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to)),
  };
}

/** 0 clean; 1 error-severity violations (or warnings past `maxWarnings`); 2 the tool could not do all of its job. */
export function exitCodeOf(result: AuditResult, maxWarnings: number | undefined): 0 | 1 | 2 {
  if (result.diagnostics.length > 0) return 2;
  const live = result.violations.filter((violation) => !violation.baselined);
  if (live.some((violation) => violation.severity === 'error')) return 1;
  if (maxWarnings !== undefined && live.filter((violation) => violation.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}
