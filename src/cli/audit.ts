import path from 'node:path';
import { ALL_RULES, factsNeeded, FILE_CHECKS, isOn, runFileCheck, type RuleMeta } from '../checks/registry.js';
import { checkOneHandlerPerCommand, ONE_HANDLER_PER_COMMAND, oneHandlerPerCommandMessages } from '../checks/one-handler-per-command.js';
import { checkLayerCycles, checkTransitiveViolations, NO_LAYER_CYCLES, NO_TRANSITIVE_VIOLATION, noLayerCyclesMessages, noTransitiveViolationMessages, type GraphFile } from '../checks/graph.js';
import { packageInfo } from '../config/package-info.js';
import { CosmicError } from '../config/errors.js';
import type { PresetName, ResolvedConfig } from '../config/types.js';
import { discoverFiles, pathKind } from '../project/discover.js';
import fs from 'node:fs';
import { CACHE_PREFIX, createFactCache, mergeParts, type CacheVersion, type FactCache } from '../project/fact-cache.js';
import { readRegularFile } from '../config/read-file.js';
import { keepTypescriptCompiled, typescriptCodeCache, typescriptVersion } from '../project/typescript.js';
import { buildProjectModel, type Diagnostic, type ProjectModel } from '../project/model.js';
import { buildResult, exitCodeOf, type LocatedFinding } from '../results/build.js';
import type { AuditResult } from '../results/violation.js';
import { loadProject } from './load-project.js';

export interface AuditOptions {
  cwd: string;
  paths: string[];
  configFile?: string | undefined;
  preset?: PresetName | undefined;
  engine: 'cosmic' | 'depcruise';
  maxWarnings?: number | undefined;
  /** Put the duration in the result (`--timing`); without it the result does not depend on the clock. */
  timing?: boolean | undefined;
  /** The clock, injected so the command stays a function of its inputs. */
  now: () => number;
  /** Called as files are parsed, so the edge can show progress on a TTY. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** `merge`: the facts the shards recorded (`audit --shard k/n`), each with the file it was read from. */
  parts?: ReadonlyArray<{ file: string; text: string }> | undefined;
  /** `--cache`: keep each file's facts between runs, in `location` (a file; default `node_modules/.cache/cosmic-lint/facts.json` under the config's folder). */
  cache?: { location: string | undefined } | undefined;
  /** A folder to keep V8's compiled TypeScript in when `--cache` gives none (compile-cache.ts); undefined: compile it from source. */
  compileCache?: string | undefined;
  /** Builds the import graph with dependency-cruiser instead of our own model (audit --engine depcruise). */
  depcruiseGraph?: (model: Parameters<typeof checkTransitiveViolations>[1], project: ReturnType<typeof loadProject>) => Promise<{ graph: Map<string, GraphFile>; diagnostics: Diagnostic[] }>;
}

export interface AuditOutcome {
  result: AuditResult;
  exitCode: 0 | 1 | 2;
  /** The rules that ran, for reports that describe them. */
  rules: RuleMeta[];
  /** The config the run used (a file, or the detected layout), so the edge can say which. */
  config: ResolvedConfig;
  /** Checked files in no layer, relative POSIX paths, sorted. */
  unclassified: string[];
  /** Layer and role globs of the config that match no checked file (likely a typo), when the whole project was audited. */
  unmatchedGlobs: string[];
  /** With `--cache`: what to write back, where, how many files it answered, and why an old cache was not trusted. */
  cache?: {
    file: string;
    text: string | undefined;
    hits: number;
    misses: number;
    warning: string | undefined;
    resolution: ProjectModel['cachedResolution'];
  };
  /** With `merge`: how many files the shards' facts answered, and how many had to be parsed here. */
  shards?: { fromShards: number; parsed: number };
  /** V8's compiled TypeScript to write for the next run, when this run compiled it (the one it read was refused, or there was none). */
  codeCache?: { file: string; data: Buffer };
}

function countBy(names: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return counts;
}

/** The project a run audits (or shards) and the files it checks: under the given paths, else the config's folder. */
function projectFiles(options: Pick<AuditOptions, 'cwd' | 'paths' | 'configFile' | 'preset'>) {
  const project = loadProject({ cwd: options.cwd, near: options.paths[0], configFile: options.configFile, preset: options.preset, deferConflicts: true });
  const roots = options.paths.length > 0 ? options.paths.map((entry) => path.resolve(options.cwd, entry)) : [project.config.root];
  return { project, roots, discovery: discoverFiles(roots, project.classifier) };
}

/** `cosmic-lint audit`: the whole project, every per-file check and the graph checks, without ESLint. */
export async function runAudit(options: AuditOptions): Promise<AuditOutcome> {
  const started = options.now();
  const { project, roots, discovery } = projectFiles(options);
  const { config } = project;
  const diagnostics: Diagnostic[] = discovery.unreadable.map(({ path: file, message }) => ({ kind: 'io', file, message }));
  if (discovery.files.length === 0) {
    diagnostics.push({
      kind: 'no-files',
      file: undefined,
      message: `no files to check under ${roots.join(', ')} (include: ${config.include.join(', ')}; exclude: ${config.exclude.join(', ')}); nothing was checked`,
    });
  }
  // `merge`: the shards' facts answer every file they parsed (a file none of them saw, or one changed since, is parsed here).
  const merged = options.parts ? mergeParts(options.parts, cacheVersion()) : undefined;
  if (merged && merged.problems.length > 0) throw new CosmicError('io', `cannot merge the shards: ${merged.problems.join('; ')}`);
  const cacheFolder = path.join(config.root, 'node_modules', '.cache', 'cosmic-lint');
  const cached = !merged && options.cache ? openCache(options.cache.location ?? path.join(cacheFolder, 'facts.json')) : undefined;
  // Compiling TypeScript is a fixed cost of every run: V8's compiled code is kept in the project's
  // cache folder with --cache (wherever the facts go: it is of this machine, not for another), else
  // in the folder the edge chose (the user's own, under the temporary folder), as Node ≥ 22.1 does.
  const compiled = cached ? (cached.foreign ? undefined : cacheFolder) : options.compileCache;
  if (compiled) keepTypescriptCompiled(compiled);
  const model = buildProjectModel(project, discovery.files, { onProgress: options.onProgress, factsFor: factsNeeded(project), cache: merged?.cache ?? cached?.cache });
  // Every overlap at once, so a config is fixed in one edit rather than one run per glob.
  const conflicts = project.classifier.conflicts();
  if (conflicts.length > 0) {
    throw new CosmicError(
      'config',
      `invalid configuration: ${conflicts.length === 1 ? 'a file matches' : `${conflicts.length} pairs of globs match`} the same files:\n${conflicts.map((line) => `  - ${line}`).join('\n')}`,
      config.source,
    );
  }
  diagnostics.push(...model.diagnostics);
  if (config.tsconfigs.length === 0) {
    const aliased = [...model.files.values()].flatMap((file) => file.imports.filter((imported) => imported.target.type === 'unresolved' && !imported.specifier.startsWith('.')).map(() => file.path));
    if (aliased.length > 0) {
      diagnostics.push({
        kind: 'no-tsconfig',
        file: aliased[0],
        message: `no tsconfig.json was found at or above ${config.root}, and ${aliased.length} import(s) look like path aliases that cannot resolve without one; name it with "tsconfig" in cosmic-lint.config.json`,
      });
    }
  }

  const findings: LocatedFinding[] = [];
  // A whole-program rule's per-file part is ESLint's; the audit runs the whole-program check below.
  const enabled = Object.keys(FILE_CHECKS).filter((ruleId) => isOn(project, ruleId) && !FILE_CHECKS[ruleId]!.wholeProgram);
  for (const file of model.files.values()) {
    const facts = file;
    for (const ruleId of enabled) {
      for (const finding of runFileCheck(ruleId, project, facts)) findings.push({ finding, file: file.path, messages: FILE_CHECKS[ruleId]!.messages });
    }
  }

  const wantsGraph = isOn(project, NO_TRANSITIVE_VIOLATION) || isOn(project, NO_LAYER_CYCLES);
  if (wantsGraph) {
    let graph: Map<string, GraphFile> = model.files;
    if (options.engine === 'depcruise') {
      if (!options.depcruiseGraph) throw new Error('internal: the depcruise engine was asked for but not provided');
      const cruised = await options.depcruiseGraph(model.files, project);
      graph = cruised.graph;
      diagnostics.push(...cruised.diagnostics);
    }
    if (isOn(project, NO_TRANSITIVE_VIOLATION)) {
      for (const finding of checkTransitiveViolations(project, graph)) findings.push({ finding, file: finding.file, messages: noTransitiveViolationMessages });
    }
    if (isOn(project, NO_LAYER_CYCLES)) {
      for (const finding of checkLayerCycles(project, graph)) findings.push({ finding, file: finding.file, messages: noLayerCyclesMessages });
    }
  }

  if (isOn(project, ONE_HANDLER_PER_COMMAND)) {
    for (const finding of checkOneHandlerPerCommand(project, model.files.values())) findings.push({ finding, file: finding.file, messages: oneHandlerPerCommandMessages });
  }

  const result = buildResult({
    config,
    classifier: project.classifier,
    findings,
    diagnostics,
    files: model.files.size,
    imports: [...model.files.values()].flatMap((file) =>
      file.imports.flatMap((imported) => (imported.target.type === 'file' ? [{ from: file.classification, to: imported.target.classification }] : [])),
    ),
    contextFiles: countBy([...model.files.values()].flatMap((file) => (file.classification.context ? [file.classification.context] : []))),
    durationMs: options.now() - started,
    timing: options.timing,
    tool: { name: packageInfo().name, version: packageInfo().version },
  });
  const rules = Object.values(ALL_RULES).filter((rule) => isOn(project, rule.ruleId));
  const unclassified = [...model.files.values()].flatMap((file) => (file.classification.layer ? [] : [file.classification.file])).sort();
  // Only a whole-project run can tell a glob that matches nothing; a detected layout's globs come from folders that exist.
  const unmatchedGlobs = options.paths.length === 0 && config.detected.length === 0 ? project.classifier.unmatchedGlobs() : [];
  const cache = cached && {
    file: cached.file,
    // A file there that is no cache of ours is an input of someone else's: never written over.
    // Written when this run changed it: an unchanged cache is not rewritten (nor its file's time touched).
    text: cached.foreign || !cached.cache.changed ? undefined : cached.cache.serialize(),
    hits: cached.cache.hits,
    misses: cached.cache.misses,
    warning: cached.warning,
    resolution: model.cachedResolution,
  };
  const shards = merged && { fromShards: merged.cache.hits, parsed: merged.cache.misses };
  const codeCache = compiled ? typescriptCodeCache() : undefined;
  return {
    result,
    exitCode: exitCodeOf(result, options.maxWarnings),
    rules,
    config,
    unclassified,
    unmatchedGlobs,
    ...(cache ? { cache } : {}),
    ...(shards ? { shards } : {}),
    ...(codeCache ? { codeCache } : {}),
  };
}

/**
 * `audit --shard k/n`: parses the k-th of n shares of the project's files (every n-th, in path
 * order) and returns their facts, in the cache's format, for `merge`; no check runs here.
 */
export function runShard(options: Pick<AuditOptions, 'cwd' | 'paths' | 'configFile' | 'preset'> & { index: number; count: number }): {
  text: string;
  files: number;
  of: number;
  config: ResolvedConfig;
} {
  const { project, discovery } = projectFiles(options);
  const all = discovery.files;
  const share = all.filter((_, position) => position % options.count === options.index - 1);
  const { cache } = createFactCache(undefined, cacheVersion());
  buildProjectModel(project, share, { factsFor: factsNeeded(project), cache });
  return { text: cache.serialize(), files: share.length, of: all.length, config: project.config };
}

/** The cache at `file` (its folder's facts.json when it names a folder), read if there is one. */
function openCache(location: string): { file: string; cache: FactCache; warning: string | undefined; foreign: boolean } {
  const file = pathKind(location) === 'directory' ? path.join(location, 'facts.json') : location;
  let previous: string | undefined;
  if (fs.existsSync(file)) {
    try {
      previous = readRegularFile(file, 'cache');
    } catch (error) {
      return { file, ...createFactCache(undefined, cacheVersion()), warning: `${(error as Error).message}; the audit runs without it`, foreign: true };
    }
  }
  // A file that does not even start as our caches do is someone else's: read as empty, never written over.
  const foreign = previous !== undefined && !previous.startsWith(CACHE_PREFIX);
  const { cache, warning } = createFactCache(foreign ? undefined : previous, cacheVersion());
  if (foreign) return { file, cache, warning: `${file} is not a cosmic-lint cache; the audit runs without a cache and leaves the file as it is (name another with --cache-location)`, foreign };
  return { file, cache, warning: warning && `${file}: ${warning}`, foreign };
}

function cacheVersion(): CacheVersion {
  return { tool: packageInfo().version, typescript: typescriptVersion() };
}
