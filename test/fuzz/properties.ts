/**
 * The fuzz suite's properties (issue 11), checked over one generated project, in process, through
 * the functions the binary uses: `runAudit`, every reporter in `REPORTERS`, the baseline functions,
 * and ESLint with the plugin. Each check throws (an `expect` failure) with what went wrong.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { ESLint } from 'eslint';
import { XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { ALL_RULES } from '../../src/checks/registry.js';
import { runAudit, type AuditOutcome } from '../../src/cli/audit.js';
import { formatFatal } from '../../src/cli/fatal.js';
import { loadProject } from '../../src/cli/load-project.js';
import { CosmicError } from '../../src/config/errors.js';
import { readConfigFile } from '../../src/config/load.js';
import { relativePosix } from '../../src/config/paths.js';
import type { PresetName } from '../../src/config/types.js';
import cosmic from '../../src/index.js';
import { discoverFiles } from '../../src/project/discover.js';
import { REPORTERS } from '../../src/report/index.js';
import { formatDiagnostics, formatRunHeader } from '../../src/report/text.js';
import { applyBaseline, formatBaseline, parseBaseline, updateBaseline, type Baseline } from '../../src/results/baseline.js';
import { exitCodeOf } from '../../src/results/build.js';
import type { AuditResult } from '../../src/results/violation.js';
import { engineAgreement, REPO_ROOT } from '../helpers.js';
import { validateSarif } from '../report/sarif-schema.js';
import { isUriReference } from '../report/uri.js';
import { filePath, NEW_FILE_NAME, NEW_FILE_TEXT, writeProject, type ProjectSpec } from './project-arbitrary.js';

// ---------------------------------------------------------------------------------------------
// Validators

const validateResults = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'results.schema.json'), 'utf8')) as object);

/** What a report for people must never carry raw: C0 but LF and tab, DEL, C1, bidi controls and marks, U+2028/9, non-characters, lone surrogates. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** XML 1.0's Char production, inverted. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The only escape sequences the text painter writes. */
const OUR_SGR = /\u001b\[(?:1|2|4|22|24|31|32|33|39)m/g;

function unsafeIn(text: string): string | null {
  const found = UNSAFE.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found.index}: ${JSON.stringify(text.slice(Math.max(0, found.index - 60), found.index + 20))}` : null;
}

function expectSafe(what: string, text: string): void {
  expect(unsafeIn(text), `${what} carries a raw control or bidi character`).toBeNull();
}

// ---------------------------------------------------------------------------------------------
// Statistics, so a test can tell the generator still reaches the interesting cases.

export interface FuzzStats {
  runs: number;
  configErrors: number;
  audited: number;
  withViolations: number;
  withDiagnostics: number;
  newFileViolations: number;
  eslintFilesCompared: number;
  eslintFilesWithFindings: number;
  eslintParseSkipped: number;
  eslintSkippedPresetOverride: number;
  binaryRuns: number;
  exitCodes: Record<string, number>;
  diagnosticKinds: Record<string, number>;
}

export const stats: FuzzStats = {
  runs: 0,
  configErrors: 0,
  audited: 0,
  withViolations: 0,
  withDiagnostics: 0,
  newFileViolations: 0,
  eslintFilesCompared: 0,
  eslintFilesWithFindings: 0,
  eslintParseSkipped: 0,
  eslintSkippedPresetOverride: 0,
  binaryRuns: 0,
  exitCodes: {},
  diagnosticKinds: {},
};

const count = (counter: Record<string, number>, key: string) => (counter[key] = (counter[key] ?? 0) + 1);

/** Milliseconds spent per phase, over all runs (FUZZ_TIMING=1 prints them). */
export const timing: Record<string, number> = {};
async function timed<T>(phase: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timing[phase] = (timing[phase] ?? 0) + performance.now() - started;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface Attempt {
  outcome?: AuditOutcome;
  error?: unknown;
}

async function audit(root: string, spec: ProjectSpec, paths: string[] = []): Promise<Attempt> {
  try {
    return {
      outcome: await runAudit({
        cwd: root,
        paths,
        preset: spec.presetOverride ?? undefined,
        engine: 'cosmic',
        maxWarnings: spec.maxWarnings ?? undefined,
        now: () => 0,
      }),
    };
  } catch (error) {
    return { error };
  }
}

/** What the binary prints for an error it maps to exit 2: one line, or a config error's list of problems, inert. */
function fatalLine(error: CosmicError): string {
  const text = formatFatal(error);
  expectSafe('the error on stderr', text);
  const lines = text.trimEnd().split('\n');
  expect(lines[0], 'the error on stderr starts with the tool name').toMatch(/^cosmic-lint: /);
  for (const line of lines.slice(1)) expect(line, 'the error on stderr: no forged line, only indented problems').toMatch(/^ {2}- /);
  return text;
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Fails unless `attempt` is a CosmicError (exit 2, one clear line) or an outcome. */
function expectNoCrash(attempt: Attempt, what: string): void {
  if (attempt.error !== undefined && !(attempt.error instanceof CosmicError)) {
    throw new Error(`${what}: runAudit threw something the binary would report as an internal error (exit 2 with a stack trace):\n${describeError(attempt.error)}`);
  }
}

async function formatAll(result: AuditResult, outcome: AuditOutcome): Promise<Record<string, string>> {
  const outputs: Record<string, string> = {};
  // JSON first: a difference in the result shows there, whole.
  for (const [format, reporter] of Object.entries(REPORTERS).sort(([a], [b]) => Number(b === 'json') - Number(a === 'json')))
    outputs[format] = await reporter(result, { color: false, rules: outcome.rules });
  outputs['text (colour)'] = await REPORTERS['text']!(result, { color: true, rules: outcome.rules });
  outputs['stderr header'] = formatRunHeader(outcome.config, outcome.unclassified, outcome.unmatchedGlobs);
  outputs['stderr diagnostics'] = formatDiagnostics(result.diagnostics);
  return outputs;
}

/** Two texts that must be the same bytes; a failure shows the first line that differs. */
function expectSameBytes(what: string, actual: string, expected: string): void {
  if (actual === expected) return;
  const lines = [actual.split('\n'), expected.split('\n')] as const;
  const index = lines[0].findIndex((line, at) => line !== lines[1][at]);
  const at = index === -1 ? lines[0].length : index;
  const show = (text: readonly string[]) =>
    text
      .slice(Math.max(0, at - 2), at + 4)
      .map((line) => `    ${JSON.stringify(line)}`)
      .join('\n');
  throw new Error(`${what}: line ${at + 1} differs; now:\n${show(lines[0])}\n  before:\n${show(lines[1])}`);
}

/** Every format's own validity: schema, SARIF, XML, no raw control or bidi character where people read. */
function checkOutputs(result: AuditResult, outputs: Record<string, string>): void {
  const json = JSON.parse(outputs['json']!) as unknown;
  expect(validateResults(json), `results.schema.json: ${JSON.stringify(validateResults.errors?.slice(0, 3))}`).toBe(true);
  expect(json, 'the JSON report is the result, exactly').toEqual(JSON.parse(JSON.stringify(result)));

  const sarif = JSON.parse(outputs['sarif']!) as { runs: Array<{ results: unknown[] }> };
  expect(validateSarif(sarif), `SARIF 2.1.0 schema: ${JSON.stringify(validateSarif.errors?.slice(0, 3))}`).toBe(true);
  expect(sarif.runs[0]!.results).toHaveLength(result.violations.length);
  for (const match of outputs['sarif']!.matchAll(/"uri": ("(?:[^"\\]|\\.)*")/g)) {
    const uri = JSON.parse(match[1]!) as string;
    expect(isUriReference(uri), `SARIF artifact URI ${JSON.stringify(uri)}`).toBe(true);
  }
  for (const match of outputs['sarif']!.matchAll(/"text": ("(?:[^"\\]|\\.)*")/g)) expectSafe('a SARIF message text', JSON.parse(match[1]!) as string);

  const junit = outputs['junit']!;
  expect(XMLValidator.validate(junit), 'JUnit is well-formed XML').toBe(true);
  expect(XML_ILLEGAL.exec(junit), 'JUnit holds no XML-illegal character').toBeNull();
  expectSafe('junit', junit);

  for (const format of ['text', 'github', 'markdown', 'html', 'stderr header', 'stderr diagnostics']) if (format in outputs) expectSafe(format, outputs[format]!);
  expectSafe('text (colour), our own colours aside', outputs['text (colour)']!.replace(OUR_SGR, ''));

  // No forged lines: the summary is the only line of the text report that starts like one,
  // every GitHub line is one annotation, every Markdown table row has its header's cells.
  const textLines = outputs['text']!.trimEnd().split('\n');
  expect(
    textLines.filter((line) => /^\s*[✔✖]/.test(line)),
    'text: only the summary line starts with ✔ or ✖',
  ).toEqual([textLines.at(-1)]);
  for (const line of outputs['github']!.split('\n').filter(Boolean)) expect(line, 'github: one annotation per line').toMatch(/^::(error|warning) /);
  let cells: number | undefined;
  for (const line of outputs['markdown']!.split('\n')) {
    if (!line.startsWith('|')) {
      cells = undefined;
      continue;
    }
    const count = line.replace(/\\\|/g, '').split('|').length;
    cells ??= count;
    expect(count, `markdown: a table row with an extra cell: ${JSON.stringify(line)}`).toBe(cells);
  }
}

/** The exit code the binary returns for this outcome: in {0,1,2}, 2 with any diagnostic, 0 only when nothing is wrong. */
function checkExitCode(outcome: AuditOutcome, maxWarnings: number | undefined): void {
  const { result, exitCode } = outcome;
  expect([0, 1, 2]).toContain(exitCode);
  expect(exitCode).toBe(exitCodeOf(result, maxWarnings));
  if (result.diagnostics.length > 0) expect(exitCode, 'a diagnostic (the check is incomplete) is exit 2').toBe(2);
  if (exitCode === 0) {
    expect(
      result.violations.filter((violation) => violation.severity === 'error'),
      'exit 0 with an error',
    ).toEqual([]);
    expect(result.diagnostics, 'exit 0 with a diagnostic').toEqual([]);
  }
  expect(result.summary.errors).toBe(result.violations.filter((violation) => violation.severity === 'error').length);
  expect(result.summary.warnings).toBe(result.violations.filter((violation) => violation.severity === 'warning').length);
  expect(new Set(result.violations.map((violation) => violation.fingerprint)).size, 'fingerprints are unique').toBe(result.violations.length);
}

// ---------------------------------------------------------------------------------------------
// The reporters and the baseline alone, on arbitrary results and baseline files

/** Every reporter on a result: valid, inert, and the same bytes twice. */
export async function checkReports(result: AuditResult): Promise<void> {
  const rules = Object.values(ALL_RULES);
  const format = async () => {
    const outputs: Record<string, string> = {};
    for (const [name, reporter] of Object.entries(REPORTERS)) outputs[name] = await reporter(result, { color: false, rules });
    outputs['text (colour)'] = await REPORTERS['text']!(result, { color: true, rules });
    outputs['stderr diagnostics'] = formatDiagnostics(result.diagnostics);
    return outputs;
  };
  const outputs = await format();
  checkOutputs(result, outputs);
  const again = await format();
  for (const name of Object.keys(outputs)) expectSameBytes(`${name}: the same bytes twice`, again[name]!, outputs[name]!);
}

/** A baseline file's text: read, or refused with a config error the binary prints inert; what is read writes back to itself and applies to any result. */
export async function checkBaselineText(text: string, result: AuditResult): Promise<void> {
  let parsed: Baseline;
  try {
    parsed = parseBaseline(text, '/project/cosmic-lint.baseline.json');
  } catch (error) {
    if (!(error instanceof CosmicError)) throw new Error(`parseBaseline threw something the binary would report as an internal error:\n${describeError(error)}`);
    fatalLine(error);
    return;
  }
  const written = formatBaseline(parsed);
  expect(parseBaseline(written, 'again.json'), 'formatBaseline writes what parseBaseline reads').toEqual({ ...parsed, violations: JSON.parse(written).violations as unknown });
  expect(formatBaseline(parseBaseline(written, 'again.json')), 'formatBaseline ∘ parseBaseline is stable').toBe(written);
  const applied = structuredClone(result);
  for (const violation of applied.violations) violation.baselined = false;
  applyBaseline(applied, parsed);
  const known = new Set(parsed.violations.map((entry) => entry.fingerprint));
  for (const violation of applied.violations) expect(violation.baselined, 'hidden exactly when its fingerprint is in the baseline').toBe(known.has(violation.fingerprint));
  expect(applied.staleBaseline!.map((entry) => entry.fingerprint)).toEqual(
    parsed.violations.filter((entry) => !applied.violations.some((violation) => violation.fingerprint === entry.fingerprint)).map((entry) => entry.fingerprint),
  );
  await checkReports(applied);
}

// ---------------------------------------------------------------------------------------------
// The property

export interface CheckOptions {
  /** Keep the project on disk (for a replay): the folder it was written to is returned. */
  keep?: boolean;
}

/** Writes `spec` to a fresh temporary folder and checks every property on it. */
export async function checkProject(spec: ProjectSpec, options: CheckOptions = {}): Promise<string> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-fuzz-'));
  const root = path.join(base, 'project');
  try {
    await timed('write', () => writeProject(spec, root, path.join(base, 'outside')));
    await checkWrittenProject(spec, root);
  } finally {
    if (!options.keep) fs.rmSync(base, { recursive: true, force: true });
  }
  return root;
}

async function checkWrittenProject(spec: ProjectSpec, root: string): Promise<void> {
  stats.runs += 1;
  const maxWarnings = spec.maxWarnings ?? undefined;
  const first = await timed('audit', () => audit(root, spec));
  expectNoCrash(first, 'first audit');

  if (first.error) {
    // A CosmicError: the binary prints one line and exits 2. The line is inert, and the same on every run.
    stats.configErrors += 1;
    const error = first.error as CosmicError;
    // …and never for a config the schema accepts that names its layers (and no missing tsconfig): that config describes the project.
    const layers = spec.config.kind === 'object' && spec.config.valid ? (spec.config.value['layers'] as object | undefined) : undefined;
    if (layers !== undefined && Object.keys(layers).length > 0) throw new Error(`a config the schema accepts, with layers, is refused: ${error.message}`);
    expect(error.message.length).toBeGreaterThan(0);
    fatalLine(error);
    const again = await audit(root, spec);
    expectNoCrash(again, 'second audit');
    expect(again.error instanceof CosmicError ? again.error.message : 'no error', 'the same error on every run').toBe(error.message);
    if (spec.binaryLocale) checkBinary(spec, root, { status: 2, stdout: '', stderr: fatalLine(error) });
    return;
  }

  const outcome = first.outcome!;
  const { result } = outcome;
  stats.audited += 1;
  if (result.violations.length > 0) stats.withViolations += 1;
  if (result.diagnostics.length > 0) stats.withDiagnostics += 1;
  count(stats.exitCodes, String(outcome.exitCode));
  for (const kind of new Set(result.diagnostics.map((diagnostic) => diagnostic.kind))) count(stats.diagnosticKinds, kind);
  checkExitCode(outcome, maxWarnings);
  const outputs = await timed('format', () => formatAll(result, outcome));
  await timed('check outputs', () => checkOutputs(result, outputs));

  // Determinism: a second run, under another time zone and locale variables, is the same bytes in every format.
  // (In process, TZ takes effect at once but LANG/LC_ALL do not change ICU's default locale, which
  // Node reads at start-up: the runs through the binary, under tr_TR, sv_SE and C, cover the locale.)
  const saved = { TZ: process.env['TZ'], LANG: process.env['LANG'], LC_ALL: process.env['LC_ALL'] };
  let second: Attempt;
  try {
    Object.assign(process.env, { TZ: 'Pacific/Chatham', LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8' });
    second = await timed('audit', () => audit(root, spec));
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  expectNoCrash(second, 'second audit');
  expect(second.error, 'the second run fails where the first did not').toBeUndefined();
  const again = second.outcome!;
  expect(again.exitCode).toBe(outcome.exitCode);
  const outputsAgain = await timed('format', () => formatAll(again.result, again));
  for (const format of Object.keys(outputs)) expectSameBytes(`${format}: the same bytes on a second run`, outputsAgain[format]!, outputs[format]!);

  await timed('discovery', () => checkDiscovery(spec, root, outcome));
  await timed('path order', () => checkPathOrder(spec, root));
  if (spec.binaryLocale)
    await timed('binary', () => checkBinary(spec, root, { status: outcome.exitCode, stdout: outputs['json']!, stderr: outputs['stderr header']! + outputs['stderr diagnostics']! }));
  await timed('baseline', () => checkBaseline(spec, root, outcome, again.result));
  await timed('eslint', () => checkEslintAgreement(spec, root, outcome));
}

/**
 * Never lose a file, never check one outside the project: every generated file the config includes
 * is among the files the audit walks to (unless a .gitignore may hide it), and every file it walks
 * to is, once links are resolved, inside the project (a link that leaves it is a diagnostic).
 */
function checkDiscovery(spec: ProjectSpec, root: string, outcome: AuditOutcome): void {
  const project = loadProject({ cwd: root, preset: spec.presetOverride ?? undefined });
  const discovered = discoverFiles([outcome.config.root], project.classifier).files;
  const realRoot = fs.realpathSync(root);
  for (const file of discovered) {
    const real = fs.realpathSync(file);
    const relative = path.relative(realRoot, real);
    expect(
      relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative),
      `the audit checks ${JSON.stringify(relativePosix(root, file))}, which is ${real}, outside the project`,
    ).toBe(false);
  }
  // Each file walked to is checked or named in a diagnostic: none is dropped on the way.
  const named = new Set(outcome.result.diagnostics.filter((diagnostic) => diagnostic.kind === 'parse-error' || diagnostic.kind === 'io').map((diagnostic) => diagnostic.file));
  const unchecked = discovered.filter((file) => named.has(relativePosix(outcome.config.root, file)) || named.has(file));
  expect(outcome.result.summary.files, 'files checked = files walked to − files with a parse or read diagnostic').toBe(discovered.length - unchecked.length);
  if (spec.gitignore !== null) return;
  const found = new Set(discovered);
  for (const file of spec.files) {
    const absolute = path.join(root, filePath(file));
    if (!project.classifier.classify(absolute).included) continue;
    expect(found.has(absolute), `${JSON.stringify(filePath(file))} is included by the config but the audit never reaches it`).toBe(true);
  }
}

/**
 * The same paths in another order give the same result. The paths are the project's top-level
 * folders and source files (links aside: a link given as a path is followed as the user asked),
 * so the config search and the walk are the same; only the `no-files` diagnostic, which names the
 * paths in the order given, may differ, and is compared without them.
 */
async function checkPathOrder(spec: ProjectSpec, root: string): Promise<void> {
  const entries = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((entry) => !entry.isSymbolicLink() && !entry.name.startsWith('.') && entry.name !== 'node_modules' && (entry.isDirectory() || /\.(?:[cm]?[jt]sx?)$/.test(entry.name)))
    .map((entry) => entry.name)
    .sort();
  if (entries.length < 2) return;
  const forward = await audit(root, spec, entries);
  const backward = await audit(root, spec, [...entries].reverse());
  expectNoCrash(forward, 'audit of the top-level paths');
  expectNoCrash(backward, 'audit of the top-level paths, reversed');
  const comparable = (attempt: Attempt) => {
    if (attempt.error) return `error: ${(attempt.error as Error).message}`;
    const result = structuredClone(attempt.outcome!.result);
    for (const diagnostic of result.diagnostics) if (diagnostic.kind === 'no-files') diagnostic.message = diagnostic.message.replace(/under .* \(include/, 'under … (include');
    return JSON.stringify({ result, exitCode: attempt.outcome!.exitCode });
  };
  expect(comparable(backward), 'the same result whatever the order of the paths').toBe(comparable(forward));
}

/** The built binary, in a process under another locale: the same JSON bytes, exit code and (inert) stderr as in process. */
function checkBinary(spec: ProjectSpec, root: string, expected: { status: number; stdout: string; stderr: string }): void {
  stats.binaryRuns += 1;
  const bin = path.join(REPO_ROOT, 'dist', 'src', 'bin', 'cosmic-lint.js');
  if (!fs.existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` first');
  const args = ['audit', '--format', 'json', ...(spec.presetOverride ? ['--preset', spec.presetOverride] : []), ...(spec.maxWarnings !== null ? ['--max-warnings', String(spec.maxWarnings)] : [])];
  const locale = spec.binaryLocale!;
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1', LANG: locale, LC_ALL: locale, LC_COLLATE: locale, TZ: 'America/St_Johns' },
  });
  expect(run.stderr, 'the binary reports no internal error').not.toContain('internal error');
  expect(run.status, `the binary's exit code (stderr: ${run.stderr})`).toBe(expected.status);
  expect(run.stdout, "the binary's JSON under another locale").toBe(expected.stdout);
  expect(run.stderr, "the binary's stderr").toBe(expected.stderr);
  expectSafe("the binary's stderr", run.stderr);
}

/**
 * Baseline round trip: a baseline of every violation, written and read back, hides exactly them on
 * a fresh audit of the same project (nothing stale, nothing left); after one new violating file is
 * added, exactly that file's violations are left, and the ratchet adds them only when forced.
 */
async function checkBaseline(spec: ProjectSpec, root: string, outcome: AuditOutcome, fresh: AuditResult): Promise<void> {
  const created = updateBaseline(outcome.result, undefined, false);
  expect(created.added).toBe(outcome.result.violations.length);
  expect(created.notAdded).toBe(0);
  const text = formatBaseline(created.baseline);
  const parsed: Baseline = parseBaseline(text, path.join(root, 'cosmic-lint.baseline.json'));
  expect(formatBaseline(parsed), 'formatBaseline ∘ parseBaseline is the identity on its own output').toBe(text);

  const hidden = structuredClone(fresh);
  applyBaseline(hidden, parsed);
  expect(
    hidden.violations.filter((violation) => !violation.baselined),
    'a fresh audit under its own baseline leaves nothing',
  ).toEqual([]);
  expect(hidden.staleBaseline, 'nothing is stale on the same project').toEqual([]);
  expect(hidden.summary).toMatchObject({ errors: 0, warnings: 0, baselined: hidden.violations.length });
  expect(exitCodeOf(hidden, spec.maxWarnings ?? undefined)).toBe(hidden.diagnostics.length > 0 ? 2 : 0);
  const kept = updateBaseline(hidden, parsed, false);
  expect({ added: kept.added, removed: kept.removed, notAdded: kept.notAdded }).toEqual({ added: 0, removed: 0, notAdded: 0 });
  expect(formatBaseline(kept.baseline), 'updating an unchanged project changes no byte').toBe(text);
  // A hand-made baseline of fingerprints only hides the same, and updating it fills in the rest.
  const bare: Baseline = { ...parsed, violations: parsed.violations.map((entry) => ({ fingerprint: entry.fingerprint, ruleId: '', file: '', target: '' })) };
  expect(formatBaseline(updateBaseline(hidden, bare, false).baseline), 'updating a fingerprints-only baseline fills in every field').toBe(text);
  // The reports of a baselined result are valid too (suppressions in SARIF, staleBaseline in JSON).
  checkOutputs(hidden, await formatAll(hidden, outcome));
  // Every violation fixed: each entry is stale, named with the project's own (hostile) strings.
  const fixed = structuredClone(fresh);
  fixed.violations = [];
  applyBaseline(fixed, parsed);
  expect(fixed.staleBaseline, 'every entry of a fixed project is stale').toEqual(parsed.violations);
  checkOutputs(fixed, await formatAll(fixed, outcome));

  // One new violating file, in a folder the project already has (a new folder could change the detected layout).
  const folder = spec.files
    .map((file) => path.join(root, file.folder))
    .find((candidate) => {
      try {
        return fs.lstatSync(candidate).isDirectory();
      } catch {
        return false;
      }
    });
  if (!folder) return;
  fs.writeFileSync(path.join(folder, NEW_FILE_NAME), NEW_FILE_TEXT);
  const after = await audit(root, spec);
  expectNoCrash(after, 'audit after adding a file');
  if (after.error) return;
  const result = after.outcome!.result;
  applyBaseline(result, parsed);
  const isNew = (file: string) => file === NEW_FILE_NAME || file.endsWith(`/${NEW_FILE_NAME}`);
  const live = result.violations.filter((violation) => !violation.baselined);
  expect(
    live.filter((violation) => !isNew(violation.file)).map((violation) => [violation.ruleId, violation.file, violation.line]),
    'only the new file has violations the baseline does not hide',
  ).toEqual([]);
  expect(
    result.violations.filter((violation) => isNew(violation.file) && violation.baselined),
    "the new file's violations are all shown",
  ).toEqual([]);
  expect(result.staleBaseline, 'adding a file makes no entry stale').toEqual([]);
  if (live.length > 0) stats.newFileViolations += 1;
  const ratchet = updateBaseline(result, parsed, false);
  expect({ added: ratchet.added, removed: ratchet.removed, notAdded: ratchet.notAdded }).toEqual({ added: 0, removed: 0, notAdded: live.length });
  const forced = updateBaseline(result, parsed, true);
  expect({ added: forced.added, removed: forced.removed }).toEqual({ added: live.length, removed: 0 });
  fs.rmSync(path.join(folder, NEW_FILE_NAME));
}

/**
 * The audit and ESLint agree on the per-file rules: for each file the audit checked and both
 * engines could parse, the same (rule, line, column) multiset. ESLint runs with the preset the
 * audit used and the severities of its config, on the same paths (links as links).
 *
 * Excluded, for principled reasons:
 * - the graph rules (no-layer-cycles, no-transitive-violation): audit only;
 * - files either engine cannot parse (a diagnostic in the audit, a fatal message in ESLint);
 * - runs with `--preset` over a config file that names a preset: ESLint has no `--preset`, and the
 *   config file's preset wins over the flat config's by design, so the two run different presets.

 */
function presetNamedIn(file: string): unknown {
  try {
    const value = readConfigFile(file);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['preset'] : undefined;
  } catch {
    return undefined;
  }
}

async function checkEslintAgreement(spec: ProjectSpec, root: string, outcome: AuditOutcome): Promise<void> {
  const { config, result } = outcome;
  // The preset the config file names, read as the tool reads it (a raw config may be valid JSONC).
  const filePreset = spec.config.kind === 'object' ? spec.config.value['preset'] : config.source.endsWith('.json') ? presetNamedIn(config.source) : undefined;
  if (spec.presetOverride !== null && filePreset !== undefined && spec.presetOverride !== filePreset) {
    stats.eslintSkippedPresetOverride += 1;
    return;
  }
  const project = loadProject({ cwd: root, preset: spec.presetOverride ?? undefined });
  const files = discoverFiles([config.root], project.classifier).files;
  const failed = new Set(result.diagnostics.filter((diagnostic) => diagnostic.kind === 'parse-error' || diagnostic.kind === 'io').map((diagnostic) => diagnostic.file));
  const pluginRules = new Set(Object.keys(cosmic.rules ?? {}).map((name) => `cosmic/${name}`));
  const rules = Object.fromEntries(Object.entries(config.rules).filter(([ruleId]) => pluginRules.has(ruleId)));
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [cosmic.configs[config.preset.name as PresetName], { rules }] });
  for (const file of files) {
    const relative = relativePosix(config.root, file);
    if (failed.has(relative) || failed.has(file)) continue;
    const text = fs.readFileSync(file, 'utf8');
    let messages: ESLint.LintResult['messages'];
    try {
      [{ messages }] = (await eslint.lintText(text, { filePath: file })) as [ESLint.LintResult];
    } catch (error) {
      throw new Error(`ESLint crashed on ${JSON.stringify(relative)}:\n${describeError(error)}`);
    }
    if (messages.some((message) => message.fatal)) {
      stats.eslintParseSkipped += 1;
      continue;
    }
    stats.eslintFilesCompared += 1;
    const agreement = engineAgreement(
      result.violations.filter((violation) => violation.file === relative),
      messages.filter((message) => message.ruleId?.startsWith('cosmic/')).map((message) => ({ ruleId: message.ruleId, file: relative, line: message.line, column: message.column })),
    );
    if (agreement.audit.length > 0) stats.eslintFilesWithFindings += 1;
    expect(`ESLint:\n${[...agreement.eslint].sort().join('\n')}`, `ESLint and the audit disagree on ${JSON.stringify(relative)}`).toBe(`ESLint:\n${[...agreement.audit].sort().join('\n')}`);
    expect(agreement.eslintOnly, `ESLint reports in ${JSON.stringify(relative)} what the whole-program audit does not`).toEqual([]);
  }
}
