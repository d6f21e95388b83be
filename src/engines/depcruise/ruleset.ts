import { cellAllows, matrixCell } from '../../checks/matrix.js';
import type { BoundedContext, LayerName, ResolvedConfig, Role } from '../../config/types.js';
import type { Classification } from '../../project/classify.js';
import { LAYERS } from '../../config/types.js';
import { discoverFiles } from '../../project/discover.js';
import type { Project } from '../../project/project.js';

interface Side {
  layer: LayerName;
  role: Role | undefined;
}

export interface ForbiddenRule {
  name: string;
  comment: string;
  severity: 'error' | 'warn';
  from: Record<string, unknown>;
  to: Record<string, unknown>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The index of the `]` closing the class that opens at `start`, or -1 (then `[` is literal, as picomatch reads it). */
function classEnd(glob: string, start: number): number {
  let index = start + 1;
  if (glob[index] === '^') index++;
  if (glob[index] === ']') index++;
  for (; index < glob.length; index++) {
    if (glob[index] === '\\') index++;
    else if (glob[index] === ']') return index;
    else if (glob[index] === '/') return -1;
  }
  return -1;
}

/** The index of the `)` closing the group whose `(` is at `open`, or -1. */
function groupEnd(glob: string, open: number): number {
  let depth = 0;
  for (let index = open; index < glob.length; index++) {
    if (glob[index] === '\\') index++;
    else if (glob[index] === '(') depth++;
    else if (glob[index] === ')' && --depth === 0) return index;
  }
  return -1;
}

/** Splits an extglob's body at its top-level `|`. */
function alternatives(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < body.length; index++) {
    if (body[index] === '(') depth++;
    else if (body[index] === ')') depth--;
    else if (body[index] === '|' && depth === 0) {
      parts.push(body.slice(start, index));
      start = index + 1;
    }
  }
  return [...parts, body.slice(start)];
}

const EXTGLOB_SUFFIX: Record<string, string> = { '@': '', '?': '?', '+': '+', '*': '*' };

/**
 * A glob (or part of one) as regular-expression source, read as picomatch reads it (with `dot`):
 * `**`, `*`, `?`, braces, character classes (`[a-c]`, `[^x]`) and extglobs (`@(a|b)`, `?(…)`,
 * `+(…)`, `*(…)`, and `!(…)` as a lookahead over the rest of its segment).
 */
function translate(glob: string, whole: string): { pattern: string; anchorEnd: boolean } {
  let pattern = '';
  let anchorEnd = true;
  for (let index = 0; index < glob.length; index++) {
    const character = glob[index]!;
    const next = glob[index + 1];
    if (glob.startsWith('**/', index)) {
      pattern += '(?:.*/|)';
      index += 2;
    } else if (glob.startsWith('/**', index) && index + 3 === glob.length && glob[index - 1] !== '*') {
      // A trailing `/**` after a literal segment matches the folder itself too (`src/**` takes
      // `src`); after a star (`src/*/**`) picomatch wants the slash, so that case goes on below.
      pattern += '(?:/|$)';
      anchorEnd = false;
      index += 2;
    } else if (glob.startsWith('**', index)) {
      pattern += '.*';
      index += 1;
    } else if (next === '(' && (character in EXTGLOB_SUFFIX || character === '!') && groupEnd(glob, index + 1) > 0) {
      const end = groupEnd(glob, index + 1);
      if (character === '!') {
        // As picomatch reads it: a lookahead at the segment's start over the alternatives, anchored
        // at the end when nothing follows, taking a following extension into account when an
        // alternative has a star (`!(index|*Controller).ts`), else a prefix (`!(legacy)` refuses
        // `legacy-domain` too).
        const innerGlob = glob.slice(index + 2, end);
        const inner = alternatives(innerGlob)
          .map((part) => translate(part, whole).pattern)
          .join('|');
        const remaining = glob.slice(end + 1);
        const tail = remaining === '' ? '$' : innerGlob.includes('*') && /^\.[^\\/.]+$/.test(remaining) ? translate(remaining, whole).pattern : '';
        pattern += `(?!(?:${inner})${tail})[^/]*`;
        index = end;
        continue;
      }
      const inner = alternatives(glob.slice(index + 2, end)).map((part) => translate(part, whole).pattern);
      pattern += `(?:${inner.join('|')})${EXTGLOB_SUFFIX[character]!}`;
      index = end;
    } else if (character === '(' && groupEnd(glob, index) > 0) {
      // A bare group is a regular-expression group to picomatch: `a(b|c)d`.
      const end = groupEnd(glob, index);
      pattern += `(?:${alternatives(glob.slice(index + 1, end))
        .map((part) => translate(part, whole).pattern)
        .join('|')})`;
      index = end;
    } else if (character === '[' && classEnd(glob, index) > 0) {
      const end = classEnd(glob, index);
      const body = glob.slice(index + 1, end);
      // picomatch negates with `^` only: `[!a]` is the class of `!` and `a`.
      const negated = body.startsWith('^');
      const members = (negated ? body.slice(1) : body).replace(/\\(.)/g, '$1').replace(/[\]\\^]/g, '\\$&');
      pattern += negated ? `[^/${members}]` : `[${members}]`;
      index = end;
    } else if (character === '\\' && next !== undefined) {
      pattern += escape(next);
      index += 1;
    } else if (character === '*') pattern += '[^/]*';
    else if (character === '?') pattern += '[^/]';
    else if (character === '{') pattern += '(?:';
    else if (character === '}') pattern += ')';
    else if (character === ',' && glob.lastIndexOf('{', index) > glob.lastIndexOf('}', index)) pattern += '|';
    else pattern += escape(character);
  }
  return { pattern, anchorEnd };
}

/**
 * A glob as a regular expression dependency-cruiser accepts: it refuses patterns that may
 * backtrack badly (picomatch's own output among them), so this translation keeps star height 1.
 * Tested against picomatch on generated paths (test/engines/glob-regex.test.ts).
 */
export function globToRegex(glob: string): string {
  const { pattern, anchorEnd } = translate(glob, glob);
  return `^${pattern}${anchorEnd ? '$' : ''}`;
}

/** One regular expression for a layer's globs (dependency-cruiser matches paths relative to its baseDir). */
function layerPattern(config: ResolvedConfig, layer: LayerName): string {
  const globs = config.layers.find((list) => list.name === layer)?.globs ?? [];
  return globs.map(globToRegex).join('|');
}

function filesPattern(files: readonly string[]): string {
  return `^(?:${files.map(escape).join('|')})$`;
}

/**
 * The matrix as dependency-cruiser `forbidden` rules. Where a layer pair's verdict is the same for
 * every role present, one rule names the two layers by their globs; where roles change it (the
 * unit of work, views, handlers, the bus), the rule names the files with that role: regenerate
 * after adding such a file.
 */
export function depcruiseRules(project: Project): ForbiddenRule[] {
  const { config } = project;
  const severity = (ruleId: string) => (config.rules[ruleId] === 'warn' ? 'warn' : 'error');
  const files = discoverFiles([config.root], project.classifier).files.map((file) => project.classifier.classify(file));
  const groups = new Map<string, { side: Side; files: string[] }>();
  for (const file of files) {
    if (!file.layer) continue;
    const key = `${file.layer}|${file.role ?? ''}`;
    const group = groups.get(key) ?? { side: { layer: file.layer, role: file.role }, files: [] };
    group.files.push(file.file);
    groups.set(key, group);
  }
  const rules: ForbiddenRule[] = [];
  // The book's layers, then the config's custom ones.
  const layerNames = [...new Set([...LAYERS, ...config.layers.map((list) => list.name)])];
  for (const fromLayer of layerNames) {
    for (const toLayer of layerNames) {
      const fromGroups = [...groups.values()].filter((group) => group.side.layer === fromLayer);
      const toGroups = [...groups.values()].filter((group) => group.side.layer === toLayer);
      const judged = fromGroups.flatMap((from) =>
        toGroups.map((to) => {
          const cell = matrixCell(config, from.side, to.side);
          const verdict = cellAllows(config, cell, 'value') ? 'allow' : cellAllows(config, cell, 'type') ? 'types' : 'deny';
          return { from, to, verdict, note: cell.note };
        }),
      );
      const forbidden = judged.filter((entry) => entry.verdict !== 'allow');
      if (forbidden.length === 0) continue;
      const uniform = forbidden.length === judged.length && forbidden.every((entry) => entry.verdict === forbidden[0]!.verdict);
      const entries = uniform ? [{ ...forbidden[0]!, whole: true }] : forbidden.map((entry) => ({ ...entry, whole: false }));
      for (const entry of entries) {
        const fromPattern = entry.whole ? layerPattern(config, fromLayer) : filesPattern(entry.from.files);
        const toPattern = entry.whole ? layerPattern(config, toLayer) : filesPattern(entry.to.files);
        const suffix = entry.whole ? '' : `-${entry.from.side.role ?? 'other'}-to-${entry.to.side.role ?? 'other'}`;
        rules.push({
          name: `cosmic-${fromLayer}-to-${toLayer}${suffix}`,
          comment: `${fromLayer} must not import ${toLayer}${entry.verdict === 'types' ? ' at runtime (types only)' : ''}: ${entry.note ?? 'dependencies point inward'} (cosmic/layer-direction)`,
          severity: severity('cosmic/layer-direction'),
          from: { path: fromPattern },
          // `pre-compilation-only`: an import the compiled JavaScript no longer has (used only as a type).
          to: { path: toPattern, ...(entry.verdict === 'types' ? { dependencyTypesNot: ['type-only', 'type-import', 'pre-compilation-only'] } : {}) },
        });
      }
    }
  }
  const domain = layerPattern(config, 'domain');
  const infrastructure = [...config.infrastructure.packages].map(escape);
  const unanchored = (glob: string) => globToRegex(glob).replace(/^\^|\$$/g, '');
  const patterns = config.infrastructure.patterns.map(unanchored);
  // A removed name a pattern would match (`@nestjs/cqrs` under `@nestjs/*`) stays allowed.
  const removed = config.infrastructure.removed.map(unanchored);
  const exceptRemoved = removed.length > 0 ? `(?!(?:${removed.join('|')})(?:/|$))` : '';
  const packages = `(?:^|node_modules/)${exceptRemoved}(?:${[...infrastructure, ...patterns].join('|')})(?:/|$)`;
  if (domain) {
    rules.push(
      {
        name: 'cosmic-domain-purity',
        comment: 'the domain imports no infrastructure package or I/O built-in (cosmic/domain-purity)',
        severity: severity('cosmic/domain-purity'),
        from: { path: domain },
        to: { path: packages },
      },
      {
        name: 'cosmic-domain-reaches-infrastructure',
        comment: 'the domain reaches no infrastructure package, however many hops away (cosmic/no-transitive-violation)',
        severity: severity('cosmic/no-transitive-violation'),
        from: { path: domain },
        to: { path: packages, reachable: true },
      },
    );
  }
  rules.push(...contextRules(config, files));
  const layerCycles = config.rules['cosmic/no-layer-cycles'];
  if (layerCycles && layerCycles !== 'off') {
    // A cycle that leaves a layer and comes back to it: one that spans two or more layers.
    for (const layer of layerNames) {
      const pattern = layerPattern(config, layer);
      if (!pattern) continue;
      rules.push({
        name: `cosmic-cycle-through-${layer}`,
        comment: `no import cycle from ${layer} through another layer (cosmic/no-layer-cycles)`,
        severity: severity('cosmic/no-layer-cycles'),
        from: { path: pattern },
        to: { circular: true, via: { pathNot: pattern } },
      });
    }
  }
  return rules;
}

/** Where a context's files are: under any of its folders. */
function contextPattern(context: BoundedContext): string {
  return `^(?:${context.roots.map((folder) => (folder === '.' ? '' : `${escape(folder)}/`)).join('|')})`;
}

/**
 * `cosmic/context-boundaries` as dependency-cruiser rules: one per context, forbidding every other
 * (non-kernel) context to import what it does not publish (its `publishes` globs, or the files
 * with role commands or events: regenerate after adding one), and one per shared kernel,
 * forbidding it every context.
 */
function contextRules(config: ResolvedConfig, files: readonly Classification[]): ForbiddenRule[] {
  const ruleId = 'cosmic/context-boundaries';
  const setting = config.rules[ruleId];
  if (!setting || setting === 'off') return [];
  const severity = setting === 'warn' ? 'warn' : 'error';
  const contexts = config.contexts;
  const kernels = contexts.filter((context) => context.sharedKernel);
  const name = (context: BoundedContext) => context.name.replace(/[^A-Za-z0-9-]/g, '-');
  const rules: ForbiddenRule[] = [];
  for (const target of contexts.filter((context) => !context.sharedKernel)) {
    const others = contexts.filter((context) => context !== target && !context.sharedKernel);
    if (others.length > 0) {
      const published = target.publishes
        ? target.publishes.map(globToRegex)
        : [filesPattern(files.filter((file) => file.context === target.name && file.published).map((file) => file.file))].filter((pattern) => pattern !== '^(?:)$');
      rules.push({
        name: `cosmic-context-into-${name(target)}`,
        comment: `other contexts import only what ${target.name} publishes (${target.publishes ? target.publishes.join(', ') : 'its commands and events'}) (${ruleId})`,
        severity,
        from: { path: others.map(contextPattern).join('|') },
        to: { path: contextPattern(target), ...(published.length > 0 ? { pathNot: published.join('|') } : {}) },
      });
    }
    for (const kernel of kernels) {
      rules.push({
        name: `cosmic-kernel-${name(kernel)}-into-${name(target)}`,
        comment: `the shared kernel ${kernel.name} imports no context (${ruleId})`,
        severity,
        from: { path: contextPattern(kernel) },
        to: { path: contextPattern(target) },
      });
    }
  }
  return rules;
}

/** A standalone `.dependency-cruiser.cjs`: no `extends`, every option spelled out, runnable by plain `depcruise`. */
export function depcruiseConfigSource(project: Project): string {
  const { config } = project;
  const options = {
    // 'specify' keeps the imports the compiler erases and marks them `pre-compilation-only`, so the
    // layer rules can let them pass where types may cross, as cosmic-lint's own engines do.
    tsPreCompilationDeps: 'specify',
    doNotFollow: { path: 'node_modules' },
    ...(config.tsconfigs[0] ? { tsConfig: { fileName: config.tsconfigs[0] } } : {}),
  };
  return `// Generated by cosmic-lint from ${config.source} (preset ${config.preset.name}). Do not edit:
// regenerate with \`npx cosmic-lint depcruise-config -o .dependency-cruiser.cjs\` after changing the
// config or adding a file with a role (handlers, unit of work, views, message bus, repository).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = ${JSON.stringify({ forbidden: depcruiseRules(project), options }, null, 2)};
`;
}
