import { lazy } from './lazy.js';
import type { MutableMember } from './members.js';
import type { Registration } from './registrations.js';
import type { Callable } from './callables.js';
import type { WriteSite } from './writes.js';
import type { ClassShape } from './classes.js';
import { classesOfSourceFile } from './classes-typescript.js';
import { writesOfSourceFile } from './writes-typescript.js';
import { callablesOfSourceFile } from './callables-typescript.js';
import { registrationsOfSourceFile } from './registrations-typescript.js';
import { mutableMembersOfSourceFile } from './members-typescript.js';
import fs from 'node:fs';
import type * as TS from 'typescript';
import type { Classification } from './classify.js';
import type { Construction, ResolvedImport } from './imports.js';
import { constructionsOfSourceFile, firstParseError, importRecordsOfSourceFile } from './imports-typescript.js';
import { resolveImports, type Project } from './project.js';
import { exceedsNesting, MAX_NESTING } from './nesting.js';
import { parseOptions, typescript } from './typescript.js';
import { contentHash, type CachedFile, type FactCache } from './fact-cache.js';
import { readEmit, readTarget, startResolution, storeEmit, storeTarget } from './resolution-cache.js';
import { resolutionForm } from './resolve.js';
import type { ImportRecord } from './imports.js';
import { relativePosix } from '../config/paths.js';

export type DiagnosticKind = 'config' | 'io' | 'parse-error' | 'tsconfig' | 'no-files' | 'no-tsconfig' | 'engine';

/** Something that kept the tool from checking part of the project; never a silent pass. */
export interface Diagnostic {
  kind: DiagnosticKind;
  file: string | undefined;
  line?: number;
  message: string;
}

export interface FileModel {
  path: string;
  classification: Classification;
  imports: ResolvedImport[];
  constructions: () => readonly Construction[];
  mutableMembers: () => readonly MutableMember[];
  callables: () => readonly Callable[];
  writes: () => readonly WriteSite[];
  classes: () => readonly ClassShape[];
  /** Where it registers handlers for messages (decorators, handler maps, `register` calls), on demand: the whole-program check reads them. */
  registrations: () => readonly Registration[];
}

/** The whole project as the audit sees it: every checked file parsed once, its imports resolved. */
export interface ProjectModel {
  project: Project;
  files: Map<string, FileModel>;
  diagnostics: Diagnostic[];
  /** With a cache: whether the resolution it kept still held (`held`), had to be redone (`changed`), or there was none (`none`). */
  cachedResolution?: 'held' | 'changed' | 'none';
}

function scriptKind(ts: typeof TS, file: string): TS.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** What a file gets if the parser still runs out of call stack within the nesting limit: a per-file diagnostic, never the end of the run. */
const TOO_DEEP = `nests too deeply for the parser (over ${MAX_NESTING} levels of brackets, or the call stack ran out; generated or minified code?); its imports were not checked`;

/** The facts of a file taken from its syntax tree beyond its imports, each read by some checks only. */
export const FILE_FACTS = {
  constructions: constructionsOfSourceFile,
  mutableMembers: mutableMembersOfSourceFile,
  registrations: registrationsOfSourceFile,
  callables: callablesOfSourceFile,
  writes: writesOfSourceFile,
  classes: classesOfSourceFile,
} as const;
export type FactName = keyof typeof FILE_FACTS;

export interface ModelOptions {
  onProgress?: ((done: number, total: number) => void) | undefined;
  /**
   * The facts the enabled checks will read of a file so classified: taken while its tree is at
   * hand, after which the tree is dropped (a whole project's trees are most of the audit's memory).
   * Any other fact is still answered, by parsing the file again on first use. Without it, every
   * tree is kept until its facts are asked for.
   */
  factsFor?: ((classification: Classification) => Iterable<FactName>) | undefined;
  /** Facts kept from an earlier run (`audit --cache`): a file whose content hashes the same is not parsed again. */
  cache?: FactCache | undefined;
}

/** A file's text as both engines read it: a byte order mark is no column (ESLint drops it too, so both count columns alike). */
function readText(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function parse(ts: typeof TS, file: string, text: string): TS.SourceFile {
  return ts.createSourceFile(file, text, parseOptions(ts), false, scriptKind(ts, file));
}

/** A file parsed again for a fact nobody said it would need; the file parsed a moment ago, so it parses now (its text, if it changed meanwhile, is what it says now). */
function reparse(ts: typeof TS, file: string): TS.SourceFile {
  return parse(ts, file, readText(file));
}

/** Parses each file with TypeScript (no type checker), builds its import records and resolves them. */
export function buildProjectModel(project: Project, files: readonly string[], options: ModelOptions = {}): ProjectModel {
  const { onProgress, factsFor, cache } = options;
  // Loaded on first use: a run whose every file and resolution is cached never loads the compiler.
  const ts = lazy(typescript);
  const model: ProjectModel = { project, files: new Map(), diagnostics: [] };
  const resolution = cache ? startResolution(project.config, project.resolver, cache.resolution) : undefined;
  if (resolution) model.cachedResolution = resolution.valid ? 'held' : cache!.resolution ? 'changed' : 'none';
  if (resolution?.diagnostics) project.resolver.seedDiagnostics(resolution.diagnostics);
  for (const diagnostic of project.resolver.diagnostics) {
    model.diagnostics.push({ kind: 'tsconfig', file: diagnostic.file, message: diagnostic.message });
  }
  readFiles(project, files, model, { onProgress, factsFor, cache }, ts, resolution?.valid === true);
  // A run that fails writes no cache, and its resolver (which observes) goes with it.
  if (resolution) cache!.keepResolution(resolution.finish(resolution.valid ? undefined : project.resolver.diagnostics));
  return model;
}

/** What resolving a file's imports gave, to keep in its cache entry. */
function storedResolution(project: Project, file: string, imports: readonly ResolvedImport[]): Pick<CachedFile, 'targets' | 'emit'> {
  return { targets: imports.map((imported) => storeTarget(imported.target, project.config.root)), emit: storeEmit(project.resolver.emitOptions(file)) };
}

/** Seeds the resolver with a cached file's answers, when the cache's resolution holds and the entry has them. */
function seedResolution(project: Project, file: string, records: readonly ImportRecord[], cached: CachedFile): boolean {
  const { targets, emit } = cached;
  if (!targets || emit === undefined || targets.length !== records.length) return false;
  project.resolver.seed(
    file,
    records.map((record, index) => ({ specifier: record.specifier, form: resolutionForm(record), target: readTarget(targets[index]!, project.config.root) })),
    readEmit(emit),
  );
  return true;
}

function readFiles(project: Project, files: readonly string[], model: ProjectModel, options: ModelOptions, ts: () => typeof TS, resolutionHolds: boolean): void {
  const { onProgress, factsFor, cache } = options;
  // Each file's export map goes to the export index as it is parsed, so that asking what a name is
  // where it is declared (re-exports, decorator metadata, barrels) never parses a file twice; those
  // questions are asked by the checks, after every file is in.
  for (const [index, file] of files.entries()) {
    if (onProgress && index % 100 === 0) onProgress(index, files.length);
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      model.diagnostics.push({ kind: 'io', file, message: `cannot be read: ${(error as Error).message}` });
      continue;
    }
    const key = cache ? relativePosix(project.config.root, file) : '';
    const hash = cache ? contentHash(text) : '';
    const cached = cache?.lookup(key, hash);
    if (cached) {
      if (fromCache(project, model, ts, file, text, cached, factsFor, resolutionHolds)) cache!.store(key, cached);
      continue;
    }
    const problem = (message: string, line?: number): void => {
      model.diagnostics.push({ kind: 'parse-error', file, ...(line === undefined ? {} : { line }), message });
      cache?.store(key, { hash, problem: { ...(line === undefined ? {} : { line }), message } });
    };
    if (exceedsNesting(ts(), text, file) !== undefined) {
      problem(TOO_DEEP);
      continue;
    }
    let source: TS.SourceFile;
    try {
      source = parse(ts(), file, text);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problem(TOO_DEEP);
      continue;
    }
    const parseError = firstParseError(source);
    if (parseError) {
      problem(`does not parse (${parseError.line}:${parseError.column}: ${parseError.message}); its imports were not checked`, parseError.line);
      continue;
    }
    project.exports.remember(file, source);
    let records: ReturnType<typeof importRecordsOfSourceFile>;
    try {
      records = importRecordsOfSourceFile(source);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      problem(TOO_DEEP);
      continue;
    }
    const classification = project.classifier.classify(file);
    const imports = resolveImports(project, file, records);
    if (!factsFor) {
      if (cache) cache.store(key, { hash, records, exports: project.exports.dataOf(file), facts: {}, ...storedResolution(project, file, imports) });
      model.files.set(file, { path: file, classification, imports, ...keptFacts(source) });
      continue;
    }
    const values = takenValues(source, factsFor(classification));
    if (cache) cache.store(key, { hash, records, exports: project.exports.dataOf(file), facts: Object.fromEntries(values), ...storedResolution(project, file, imports) });
    model.files.set(file, { path: file, classification, imports, ...answers(ts, file, values) });
  }
}

/**
 * A file answered from the cache: its problem, or its records and export map, and the facts the
 * checks want (any the entry lacks are taken from one parse and added to it). True when the entry
 * changed and is to be stored again.
 */
function fromCache(project: Project, model: ProjectModel, ts: () => typeof TS, file: string, text: string, cached: CachedFile, factsFor: ModelOptions['factsFor'], resolutionHolds: boolean): boolean {
  if (cached.problem) {
    const { line, message } = cached.problem;
    model.diagnostics.push({ kind: 'parse-error', file, ...(line === undefined ? {} : { line }), message });
    return false;
  }
  project.exports.rememberData(file, cached.exports!);
  const classification = project.classifier.classify(file);
  const seeded = resolutionHolds && seedResolution(project, file, cached.records!, cached);
  const imports = resolveImports(project, file, cached.records!);
  let changed = false;
  if (!seeded) {
    Object.assign(cached, storedResolution(project, file, imports));
    changed = true;
  }
  const values = new Map(Object.entries(cached.facts ?? {}) as Array<[FactName, unknown]>);
  const missing = factsFor ? [...factsFor(classification)].filter((name) => !values.has(name)) : [];
  if (missing.length > 0) {
    for (const [name, value] of takenValues(parse(ts(), file, text), missing)) values.set(name, value);
    cached.facts = Object.fromEntries(values);
    changed = true;
  }
  model.files.set(file, { path: file, classification, imports, ...answers(ts, file, values) });
  return changed;
}

/**
 * The wanted facts, taken from the tree now. No closure here sees the tree (V8 would keep it, for
 * every file, as long as the closure lives): the values are taken in a loop and handed to
 * `answers`, which answers the others from a new parse if ever asked.
 */
function takenValues(source: TS.SourceFile, wanted: Iterable<FactName>): Map<FactName, unknown> {
  const values = new Map<FactName, unknown>();
  for (const name of wanted) if (!values.has(name)) values.set(name, FILE_FACTS[name](source));
  return values;
}

function answers(ts: () => typeof TS, file: string, values: ReadonlyMap<FactName, unknown>): Pick<FileModel, FactName> {
  return factsOf(<K extends FactName>(name: K) => {
    type Value = ReturnType<(typeof FILE_FACTS)[K]>;
    if (!values.has(name)) return lazy(() => FILE_FACTS[name](reparse(ts(), file)) as Value);
    const value = values.get(name) as Value;
    return () => value;
  });
}

/** Every fact taken from the tree on first use; the tree lives as long as the file's model. */
function keptFacts(source: TS.SourceFile): Pick<FileModel, FactName> {
  return factsOf(<K extends FactName>(name: K) => lazy(() => FILE_FACTS[name](source) as ReturnType<(typeof FILE_FACTS)[K]>));
}

/** Every fact of a file, each made by `fact`. */
function factsOf(fact: <K extends FactName>(name: K) => () => ReturnType<(typeof FILE_FACTS)[K]>): Pick<FileModel, FactName> {
  return {
    constructions: fact('constructions'),
    mutableMembers: fact('mutableMembers'),
    registrations: fact('registrations'),
    callables: fact('callables'),
    writes: fact('writes'),
    classes: fact('classes'),
  };
}
