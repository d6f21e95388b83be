// `node bench/native-parser.mjs [--project DIR] [--runs N] [--oxc PATH] [--audit-root DIR] [--all-files] [--skip-agreement] [--skip-audit]`
//
// Would a native parser (oxc-parser: Rust, returns a TS-ESTree tree) make the audit's fact extraction
// cheaper than TypeScript's `createSourceFile`? Prints, side by side:
//   1. agreement, on every .ts/.tsx file under fixtures/ (fixtures/real/* included, node_modules not)
//      and under --project: each file's facts (import records, constructions, mutable members,
//      registrations, callables, writes, classes) as the audit takes them (TypeScript's tree, the
//      *-typescript.js extractors) and from oxc-parser's tree fed to the ESTree extractors the ESLint
//      plugin uses, compared per file and per fact, and whether both parsers refuse the same files.
//      oxc's tree is made what ESLint hands a rule: `parent` set along typescript-eslint's visitor
//      keys, `loc` computed from oxc's (UTF-16) offsets since it gives none, `range` and no
//      ParenthesizedExpression (oxc options), scope analysis by @typescript-eslint/scope-manager
//      (how each import is used). typescript-estree goes through the same harness, as a check of it;
//   2. the cold audit (`cosmic-lint audit ROOT --format json --timing`): median wall of 5 fresh runs,
//      and 3 more with TypeScript's createSourceFile and the FILE_FACTS extractors wrapped in timers
//      (a preload; the source untouched): what share of the audit's wall is parsing and extraction,
//      and which files it parses. The speed measures run on those files (all of --project with --all-files);
//   3. speed, warm, in one process: the files read into memory first, then N rounds (order rotated
//      each round, a full GC before each variant; medians, ratios to (i)) of
//        (i0)   ts.createSourceFile alone,
//        (i)    ts.createSourceFile + importRecordsOfSourceFile + every FILE_FACTS extractor (the audit's path),
//        (ii)   oxc parseSync alone (reading `.program`, which deserializes the tree lazily),
//        (iii)  oxc parseSync + parent and loc + scope analysis + ESTree extraction (the same facts),
//        (iii-) the same without scope analysis (a bound: every import then counts as used as a value),
//        (iv)   typescript-eslint's parseForESLint, as ESLint runs it, + parent + ESTree extraction;
//   4. speed, each variant alone in a fresh process (module loading not counted): the first pass over
//      the files (cold, as in an audit) and later passes (warm, with no other variant's code in the JIT);
//   5. module load in a fresh process: require('typescript') vs import of oxc-parser, median of 5;
// then projects the cold audit's speed-up with (iii) in place of (i), from shares and ratios each taken
// within one section (the audit's share in TypeScript's parser and extractors × what oxc saves of that
// work, less oxc's load), so a noisy moment on a shared machine moves both sides of each. TypeScript
// stays loaded (module resolution, tsconfig); export maps, parse errors and the nesting guard would need
// ESTree ports too, not measured here.
//
// --project DIR: defaults to /tmp/bench/vendure/packages/core/src (a real NestJS project, ~680 files),
//   else /tmp/scale/p2000/src (synthetic, 2,000 files). The audit root is the nearest folder at or
//   above it with a cosmic-lint config (or --audit-root).
// --oxc PATH: the oxc-parser package folder, installed outside the repository (it is no dependency):
//   mkdir -p /tmp/oxc && cd /tmp/oxc && npm init -y && npm install oxc-parser
// Needs `npm run build` (it imports the compiled extractors from dist/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const bin = path.join(repo, 'dist', 'src', 'bin', 'cosmic-lint.js');
const defaultProject = fs.existsSync('/tmp/bench/vendure/packages/core/src') ? '/tmp/bench/vendure/packages/core/src' : '/tmp/scale/p2000/src';
const { values } = parseArgs({
  options: {
    project: { type: 'string', default: defaultProject },
    runs: { type: 'string', default: '7' },
    oxc: { type: 'string', default: '/tmp/oxc/node_modules/oxc-parser' },
    'audit-root': { type: 'string' },
    'all-files': { type: 'boolean', default: false },
    'skip-agreement': { type: 'boolean', default: false },
    'skip-audit': { type: 'boolean', default: false },
    // Internal: one measure in a fresh process (`load-ts`, `load-oxc`, or a variant name with --list).
    child: { type: 'string' },
    list: { type: 'string' },
  },
});
const runs = Number(values.runs);
const COLD_RUNS = 5;
/** Passes over the files in each fresh process: the first is cold; the later ones are warm with no other variant run in between. */
const COLD_PASSES = 3;
/** Audit runs with TypeScript's parser and the extractors timed from inside. */
const HOOKED_RUNS = 3;

// ---------------------------------------------------------------------------------------------
// Loading

const requireFromRepo = createRequire(path.join(repo, 'package.json'));
const dist = (module) => import(pathToFileURL(path.join(repo, 'dist', 'src', 'project', module)).href);

async function loadOxc() {
  const folder = path.resolve(values.oxc);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
  const oxc = await import(pathToFileURL(path.join(folder, manifest.main ?? 'index.js')).href);
  return { ...oxc, version: manifest.version };
}

/** Everything the measures call, loaded once. */
async function loadAll() {
  const ts = requireFromRepo('typescript');
  const [importsTs, model, imports, members, callables, writes, classes, registrations] = await Promise.all(
    ['imports-typescript.js', 'model.js', 'imports.js', 'members.js', 'callables.js', 'writes.js', 'classes.js', 'registrations.js'].map(dist),
  );
  return {
    ts,
    oxc: await loadOxc(),
    tsParser: requireFromRepo('@typescript-eslint/parser'),
    analyze: requireFromRepo('@typescript-eslint/scope-manager').analyze,
    visitorKeys: requireFromRepo('@typescript-eslint/visitor-keys').visitorKeys,
    importsTs,
    FILE_FACTS: model.FILE_FACTS,
    estree: {
      importRecordsOfProgram: imports.importRecordsOfProgram,
      constructionsOfProgram: imports.constructionsOfProgram,
      mutableMembersOfProgram: members.mutableMembersOfProgram,
      callablesOfProgram: callables.callablesOfProgram,
      writesOfProgram: writes.writesOfProgram,
      classesOfProgram: classes.classesOfProgram,
      registrationsOfProgram: registrations.registrationsOfProgram,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The three ways to a file's facts

/** A file's text as the audit reads it (no byte order mark). */
function readText(file) {
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function scriptKind(ts, file) {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** TypeScript's tree, as model.js parses it. */
function tsParse(lib, file, text) {
  const { ts } = lib;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(ts, file));
}

/** The facts as the audit takes them (FILE_FACTS names). */
function tsFacts(lib, source) {
  const facts = { records: lib.importsTs.importRecordsOfSourceFile(source) };
  for (const [name, extract] of Object.entries(lib.FILE_FACTS)) facts[name] = extract(source);
  return facts;
}

/** The same facts from an ESTree program (with `parent`, `loc`, `range`), as the ESLint rules take them. */
function estreeFacts(lib, program, text, scopeManager) {
  const { estree, visitorKeys } = lib;
  return {
    records: estree.importRecordsOfProgram(program, text, visitorKeys, scopeManager),
    constructions: estree.constructionsOfProgram(program, visitorKeys),
    mutableMembers: estree.mutableMembersOfProgram(program),
    registrations: estree.registrationsOfProgram(program, visitorKeys),
    callables: estree.callablesOfProgram(program, text, visitorKeys),
    writes: estree.writesOfProgram(program, visitorKeys),
    classes: estree.classesOfProgram(program, visitorKeys),
  };
}

/** Offsets where each line starts, split as TypeScript and ESLint split lines (LF, CRLF, CR, LS, PS). */
function lineStarts(text) {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0d) {
      if (text.charCodeAt(index + 1) === 0x0a) index++;
      starts.push(index + 1);
    } else if (code === 0x0a || code === 0x2028 || code === 0x2029) {
      starts.push(index + 1);
    }
  }
  return starts;
}

function position(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low] };
}

/**
 * What ESLint adds to a parser's tree before rules see it, and what oxc leaves out: `parent` on
 * every node the visitor keys reach, and `loc` (line 1-based, column 0-based, from oxc's UTF-16
 * offsets) when the node has none.
 */
function prepare(program, visitorKeys, text) {
  const starts = text === undefined ? undefined : lineStarts(text);
  const stack = [program];
  program.parent = undefined;
  while (stack.length > 0) {
    const node = stack.pop();
    if (starts && node.loc === undefined) node.loc = { start: position(starts, node.start), end: position(starts, node.end) };
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (const key of keys) {
      const child = node[key];
      if (Array.isArray(child)) {
        for (const item of child) {
          if (item && typeof item.type === 'string') {
            item.parent = node;
            stack.push(item);
          }
        }
      } else if (child && typeof child.type === 'string') {
        child.parent = node;
        stack.push(child);
      }
    }
  }
  return program;
}

function oxcOptions(file) {
  // As ESLint and the audit read a .ts file: an ES module; no ParenthesizedExpression nodes (TS-ESTree has none).
  return { sourceType: 'module', range: true, preserveParens: false, lang: file.endsWith('.tsx') ? 'tsx' : file.endsWith('.d.ts') ? 'dts' : 'ts' };
}

/** oxc's tree made ready for the ESTree extractors; `errors` its syntax errors. */
function oxcParse(lib, file, text, { scope = true } = {}) {
  const result = lib.oxc.parseSync(file, text, oxcOptions(file));
  const program = prepare(result.program, lib.visitorKeys, text);
  const scopeManager = scope ? lib.analyze(program, { sourceType: 'module' }) : null;
  return { program, scopeManager, errors: result.errors };
}

/** typescript-estree's tree, as ESLint gets it from @typescript-eslint/parser (tokens, comments, scope analysis). */
function tseslintParse(lib, file, text) {
  const { ast, scopeManager, visitorKeys } = lib.tsParser.parseForESLint(text, { sourceType: 'module', ecmaFeatures: { jsx: file.endsWith('.tsx') }, filePath: file });
  return { program: prepare(ast, visitorKeys), scopeManager };
}

// ---------------------------------------------------------------------------------------------
// Comparing

/** JSON with keys sorted and undefined fields dropped (as toEqual compares). */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = canonical(value[key]);
    return out;
  }
  return value;
}

/** Where two canonical values first differ: a path and both sides (named `names`), shortened. */
function firstDifference(left, right, names, at = '') {
  if (JSON.stringify(left) === JSON.stringify(right)) return undefined;
  if (left && right && typeof left === 'object' && typeof right === 'object' && Array.isArray(left) === Array.isArray(right)) {
    const keys = Array.isArray(left) ? [...Array(Math.max(left.length, right.length)).keys()] : [...new Set([...Object.keys(left), ...Object.keys(right)])];
    for (const key of keys) {
      const found = firstDifference(left[key], right[key], names, `${at}${Array.isArray(left) ? `[${key}]` : `.${key}`}`);
      if (found) return found;
    }
  }
  const short = (value) => (value === undefined ? 'missing' : JSON.stringify(value).slice(0, 160));
  return `${at || ' (whole)'}: ${names[0]} ${short(left)}, ${names[1]} ${short(right)}`;
}

function sourceFiles(directory) {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** A file's parse verdict and facts by one engine: `error` when it refuses the text (the audit then reports the file, unchecked). */
function engineResults(lib, file, text) {
  const settle = (run) => {
    try {
      const { error, facts } = run();
      return error ? { error } : { facts: canonical(facts()) };
    } catch (error) {
      return { error: error.message.split('\n')[0] };
    }
  };
  return {
    typescript: settle(() => {
      const source = tsParse(lib, file, text);
      const error = lib.importsTs.firstParseError(source);
      return { error: error && `${error.line}:${error.column} ${error.message}`, facts: () => tsFacts(lib, source) };
    }),
    oxc: settle(() => {
      const parsed = oxcParse(lib, file, text);
      return { error: parsed.errors[0]?.message, facts: () => estreeFacts(lib, parsed.program, text, parsed.scopeManager) };
    }),
    'typescript-estree': settle(() => {
      const parsed = tseslintParse(lib, file, text);
      return { facts: () => estreeFacts(lib, parsed.program, text, parsed.scopeManager) };
    }),
  };
}

/** The pairs compared: the audit's extraction against oxc's (the question) and typescript-estree's (the harness), and those two against each other. */
const PAIRS = [
  ['typescript', 'oxc'],
  ['typescript', 'typescript-estree'],
  ['typescript-estree', 'oxc'],
];

function agreement(lib, files) {
  const tally = { files: files.length, records: 0, refusedByAll: 0, pairs: PAIRS.map((pair) => ({ pair, agree: 0, disagree: 0, verdict: 0, byFact: {}, examples: [] })) };
  for (const file of files) {
    const text = readText(file);
    const shown = path.relative(repo, file).startsWith('..') ? file : path.relative(repo, file);
    const results = engineResults(lib, file, text);
    tally.records += results.typescript.facts?.records.length ?? 0;
    if (Object.values(results).every((result) => result.error)) tally.refusedByAll++;
    for (const count of tally.pairs) {
      const [left, right] = count.pair.map((engine) => results[engine]);
      if (Boolean(left.error) !== Boolean(right.error)) {
        count.disagree++;
        count.verdict++;
        const verdict = (engine, result) => `${engine} ${result.error ? `refuses (${result.error})` : 'accepts'}`;
        count.examples.push(`${shown}: parse verdict: ${verdict(count.pair[0], left)}, ${verdict(count.pair[1], right)}`);
        continue;
      }
      const differing = left.error ? [] : Object.keys(left.facts).filter((fact) => JSON.stringify(left.facts[fact]) !== JSON.stringify(right.facts[fact]));
      if (differing.length === 0) {
        count.agree++;
        continue;
      }
      count.disagree++;
      for (const fact of differing) {
        count.byFact[fact] = (count.byFact[fact] ?? 0) + 1;
        count.examples.push(`${shown}: ${fact}${firstDifference(left.facts[fact], right.facts[fact], count.pair)}`);
      }
    }
  }
  return tally;
}

// ---------------------------------------------------------------------------------------------
// Speed

/** Each variant: one pass over the files; returns a count so no work is optimized away. */
const VARIANTS = {
  '(i0) ts parse': (lib, inputs) => {
    let sink = 0;
    for (const { file, text } of inputs) sink += tsParse(lib, file, text).statements.length;
    return sink;
  },
  '(i) ts parse + facts': (lib, inputs) => {
    let sink = 0;
    for (const { file, text } of inputs) sink += tsFacts(lib, tsParse(lib, file, text)).records.length;
    return sink;
  },
  '(ii) oxc parse': (lib, inputs) => {
    let sink = 0;
    for (const { file, text } of inputs) sink += lib.oxc.parseSync(file, text, oxcOptions(file)).program.body.length;
    return sink;
  },
  '(iii) oxc parse + facts': (lib, inputs) => {
    let sink = 0;
    for (const { file, text } of inputs) {
      const { program, scopeManager } = oxcParse(lib, file, text);
      sink += estreeFacts(lib, program, text, scopeManager).records.length;
    }
    return sink;
  },
  '(iii-) oxc, no scope analysis': (lib, inputs) => {
    let sink = 0;
    for (const { file, text } of inputs) {
      const { program } = oxcParse(lib, file, text, { scope: false });
      sink += estreeFacts(lib, program, text, null).records.length;
    }
    return sink;
  },
  '(iv) typescript-eslint + facts': (lib, inputs) => {
    let sink = 0;
    for (const { file, text } of inputs) {
      const { program, scopeManager } = tseslintParse(lib, file, text);
      sink += estreeFacts(lib, program, text, scopeManager).records.length;
    }
    return sink;
  },
};
const REFERENCE = '(i) ts parse + facts';

/** A full collection before each timed pass (the script runs itself with --expose-gc; setting the flag at run time slows V8 down). */
function collectGarbage() {
  globalThis.gc?.();
}

const ms = (value) => `${value.toFixed(0)} ms`;
const pad = (text, width) => String(text).padEnd(width);

function warmSpeed(lib, inputs) {
  const names = Object.keys(VARIANTS);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < runs; round++) {
    for (let step = 0; step < names.length; step++) {
      const name = names[(round + step) % names.length];
      collectGarbage();
      const started = performance.now();
      VARIANTS[name](lib, inputs);
      samples[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

/** Runs this script as a child for one measure; returns its JSON answer. */
function child(what, extra = []) {
  const result = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--child', what, '--oxc', values.oxc, ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`child ${what} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** Each variant alone in fresh processes: the median first pass (cold) and the median later pass (warm, no other variant in between). */
function isolatedSpeed(listFile) {
  const names = Object.keys(VARIANTS);
  const first = Object.fromEntries(names.map((name) => [name, []]));
  const later = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < COLD_RUNS; round++) {
    for (let step = 0; step < names.length; step++) {
      const name = names[(round + step) % names.length];
      const { passes } = child(name, ['--list', listFile]);
      first[name].push(passes[0]);
      later[name].push(...passes.slice(1));
    }
  }
  return {
    cold: Object.fromEntries(names.map((name) => [name, median(first[name])])),
    warm: Object.fromEntries(names.map((name) => [name, median(later[name])])),
  };
}

function loadCost() {
  const samples = { typescript: [], 'oxc-parser': [] };
  for (let round = 0; round < COLD_RUNS; round++) {
    const order = round % 2 ? ['load-oxc', 'load-ts'] : ['load-ts', 'load-oxc'];
    for (const what of order) samples[what === 'load-ts' ? 'typescript' : 'oxc-parser'].push(child(what).ms);
  }
  return { typescript: median(samples.typescript), 'oxc-parser': median(samples['oxc-parser']) };
}

async function runChild(what) {
  if (what === 'load-ts') {
    const started = performance.now();
    requireFromRepo('typescript');
    return { ms: performance.now() - started };
  }
  if (what === 'load-oxc') {
    const started = performance.now();
    await loadOxc();
    return { ms: performance.now() - started };
  }
  const lib = await loadAll();
  const inputs = JSON.parse(fs.readFileSync(values.list, 'utf8')).map((file) => ({ file, text: readText(file) }));
  const passes = [];
  for (let pass = 0; pass < COLD_PASSES; pass++) {
    collectGarbage();
    const started = performance.now();
    VARIANTS[what](lib, inputs);
    passes.push(performance.now() - started);
  }
  return { passes };
}

// ---------------------------------------------------------------------------------------------
// The audit

function auditRootOf(directory) {
  for (let folder = path.resolve(directory); ; folder = path.dirname(folder)) {
    if (['cosmic-lint.config.json', 'cosmic-lint.config.js', 'cosmic-lint.config.mjs'].some((name) => fs.existsSync(path.join(folder, name)))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** A preload that times TypeScript's createSourceFile and the FILE_FACTS extractors inside the audit (the source untouched). */
const HOOK = `
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { median } from './median.mjs';
const { COSMIC_HOOK_REPO: repo, COSMIC_HOOK_OUT: out } = process.env;
const require = createRequire(repo + '/package.json');
const real = require('typescript');
const wrapped = { ...real };
const timed = { parseMs: 0, factsMs: 0, files: [] };
wrapped.createSourceFile = (file, ...rest) => {
  const started = performance.now();
  try { return real.createSourceFile(file, ...rest); } finally { timed.parseMs += performance.now() - started; timed.files.push(file); }
};
require.cache[require.resolve('typescript')].exports = wrapped;
const { FILE_FACTS } = await import(pathToFileURL(repo + '/dist/src/project/model.js').href);
for (const [name, extract] of Object.entries(FILE_FACTS)) {
  FILE_FACTS[name] = (source) => {
    const started = performance.now();
    try { return extract(source); } finally { timed.factsMs += performance.now() - started; }
  };
}
process.on('exit', () => fs.writeFileSync(out, JSON.stringify(timed)));
`;

/**
 * The cold audit, in fresh processes: COLD_RUNS plain runs (wall and durationMs) and, between them,
 * HOOKED_RUNS runs with the timing preload (shares of each run's own wall, so a noisy moment skews
 * both sides of a share alike).
 */
function audit(root) {
  const report = path.join(os.tmpdir(), `cosmic-native-parser-${process.pid}.json`);
  const hook = path.join(os.tmpdir(), `cosmic-native-parser-hook-${process.pid}.mjs`);
  const timings = path.join(os.tmpdir(), `cosmic-native-parser-timing-${process.pid}.json`);
  fs.writeFileSync(hook, HOOK);
  const args = [bin, 'audit', root, '--format', 'json', '--output', report, '--timing'];
  const run = (preload) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [...preload, ...args], { encoding: 'utf8', env: { ...process.env, COSMIC_HOOK_REPO: repo, COSMIC_HOOK_OUT: timings } });
    const wall = performance.now() - started;
    if (result.status !== 0 && result.status !== 1) throw new Error(`audit failed (${result.status}): ${result.stderr}`);
    return { wall, summary: JSON.parse(fs.readFileSync(report, 'utf8')).summary };
  };
  const plain = [];
  const hooked = [];
  for (let round = 0; round < COLD_RUNS; round++) {
    plain.push(run([]));
    if (round < HOOKED_RUNS) hooked.push({ ...run(['--import', pathToFileURL(hook).href]), ...JSON.parse(fs.readFileSync(timings, 'utf8')) });
  }
  for (const file of [report, hook, timings]) fs.rmSync(file, { force: true });
  return {
    wall: median(plain.map((one) => one.wall)),
    duration: median(plain.map((one) => one.summary.durationMs)),
    summary: plain[0].summary,
    files: hooked[0].files,
    calls: hooked[0].files.length,
    parseMs: median(hooked.map((one) => one.parseMs)),
    factsMs: median(hooked.map((one) => one.factsMs)),
    hookedWall: median(hooked.map((one) => one.wall)),
    parseShare: median(hooked.map((one) => one.parseMs / one.wall)),
    factsShare: median(hooked.map((one) => one.factsMs / one.wall)),
  };
}

// ---------------------------------------------------------------------------------------------
// Main

if (typeof globalThis.gc !== 'function') {
  const again = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}
if (values.child) {
  console.log(JSON.stringify(await runChild(values.child)));
  process.exit(0);
}

const lib = await loadAll();
console.log(
  `oxc-parser ${lib.oxc.version} (${path.resolve(values.oxc)}), typescript ${lib.ts.version}, @typescript-eslint/parser ${requireFromRepo('@typescript-eslint/parser/package.json').version}, node ${process.version}, ${os.cpus().length} cpus`,
);

const project = path.resolve(values.project);
if (!values['skip-agreement']) {
  for (const [label, directory] of [
    ['fixtures/ (fixtures/real/* included)', path.join(repo, 'fixtures')],
    [project, project],
  ]) {
    console.log(`\n== 1. Agreement on ${label}: TypeScript extraction (the audit's) vs ESTree extraction ==`);
    const tally = agreement(lib, sourceFiles(directory).sort());
    console.log(`${tally.files} files (.ts/.tsx, .d.ts included), ${tally.records} import records on TypeScript's side; refused by all three parsers: ${tally.refusedByAll}`);
    for (const count of tally.pairs) {
      const facts =
        Object.entries(count.byFact)
          .map(([fact, n]) => `${fact} ${n}`)
          .join(', ') || 'none';
      console.log(`${pad(count.pair.join(' vs '), 34)} ${count.agree} agree, ${count.disagree} disagree (parse verdict ${count.verdict}; by fact: ${facts})`);
      for (const example of count.examples.slice(0, 8)) console.log(`  ${example}`);
      if (count.examples.length > 8) console.log(`  … ${count.examples.length - 8} more`);
    }
  }
}

const root = values['audit-root'] ? path.resolve(values['audit-root']) : auditRootOf(project);
let auditResult;
if (!values['skip-audit'] && root) {
  console.log(`\n== 2. The cold audit: cosmic-lint audit ${root} --format json --timing (median of ${COLD_RUNS}) ==`);
  auditResult = audit(root);
  const { wall, duration, summary, calls, files, parseMs, factsMs, hookedWall, parseShare, factsShare } = auditResult;
  console.log(`wall ${ms(wall)} (process included), durationMs ${ms(duration)}; ${summary.files} files, ${summary.errors} errors, ${summary.warnings} warnings`);
  console.log(
    `${HOOKED_RUNS} more runs with timers (median wall ${ms(hookedWall)}): ts.createSourceFile ${ms(parseMs)} (${calls} calls, ${new Set(files).size} files) = ${(100 * parseShare).toFixed(0)} % of the wall; FILE_FACTS extractors ${ms(factsMs)} = ${(100 * factsShare).toFixed(0)} % (only the facts the enabled checks read; import records not timed)`,
  );
}

const allFiles = sourceFiles(project).sort();
const parsedByAudit = auditResult ? new Set(auditResult.files.map((file) => path.resolve(file))) : undefined;
const files = parsedByAudit && !values['all-files'] ? allFiles.filter((file) => parsedByAudit.has(file)) : allFiles;
const inputs = files.map((file) => ({ file, text: readText(file) }));
const bytes = inputs.reduce((sum, input) => sum + input.text.length, 0);
const listFile = path.join(os.tmpdir(), `cosmic-native-parser-files-${process.pid}.json`);
fs.writeFileSync(listFile, JSON.stringify(files));
console.log(
  `\n== 3. Speed, warm, one process: ${project}, ${files.length} of its ${allFiles.length} files${files.length < allFiles.length ? ' (those the audit parses)' : ''}, ${(bytes / 1e6).toFixed(1)} M chars; ${runs} rounds, rotated, medians ==`,
);
const warm = warmSpeed(lib, inputs);
for (const [name, value] of Object.entries(warm)) console.log(`${pad(name, 34)} ${pad(ms(value), 9)} ${(value / warm[REFERENCE]).toFixed(2)} × (i)`);

console.log(`\n== 4. Speed, each variant alone in a fresh process (loading not counted), ${COLD_RUNS} processes, rotated, ${COLD_PASSES} passes each: medians ==`);
const isolated = isolatedSpeed(listFile);
fs.rmSync(listFile, { force: true });
const { cold } = isolated;
console.log(`${pad('', 34)} ${pad('cold (1st pass)', 27)} warm (later passes)`);
for (const name of Object.keys(VARIANTS)) {
  const cell = (measured) => `${pad(ms(measured[name]), 9)} ${(measured[name] / measured[REFERENCE]).toFixed(2)} × (i)`;
  console.log(`${pad(name, 34)} ${pad(cell(isolated.cold), 27)} ${cell(isolated.warm)}`);
}

console.log(`\n== 5. Module load in a fresh process, median of ${COLD_RUNS} ==`);
const load = loadCost();
console.log(`require('typescript') ${ms(load.typescript)}; import oxc-parser ${ms(load['oxc-parser'])}`);

if (auditResult) {
  // Shares and ratios, each taken within one section, so that a noisy moment on a shared machine
  // moves both sides of each: the audit's share in TypeScript's parser and extractors (its own runs),
  // times what oxc saves of that work (the fresh-process passes), less oxc's load (of the wall).
  const { wall, parseShare, factsShare } = auditResult;
  const loadShare = load['oxc-parser'] / wall;
  const pct = (share) => `${(100 * share).toFixed(0)} %`;
  console.log(`\n== Projection: the cold audit with oxc in place of TypeScript's parser and extractors (TypeScript still loaded: resolution, tsconfig) ==`);
  console.log(
    `in the audit, TypeScript's parser is ${pct(parseShare)} and the FILE_FACTS extractors ${pct(factsShare)} of the wall: ${pct(parseShare + factsShare)} replaceable (plus import records, not timed)`,
  );
  for (const [label, measured] of [
    ['cold passes (4)', cold],
    ['warm, one process (3)', warm],
  ]) {
    for (const variant of ['(iii) oxc parse + facts', '(iii-) oxc, no scope analysis', '(ii) oxc parse']) {
      const saved = (parseShare + factsShare) * (1 - measured[variant] / measured[REFERENCE]) - loadShare;
      console.log(`  ${pad(label, 22)} ${pad(variant, 32)} ${(measured[variant] / measured[REFERENCE]).toFixed(2)} × (i) → audit ${pct(saved)} faster`);
    }
  }
  // Parse alone against parse alone bounds the saving whenever ESTree extraction costs more than TypeScript's.
  const costlier = cold['(iii) oxc parse + facts'] - cold['(ii) oxc parse'] > cold[REFERENCE] - cold['(i0) ts parse'];
  const ceiling = parseShare * (1 - cold['(ii) oxc parse'] / cold['(i0) ts parse']) - loadShare;
  console.log(
    `ceiling: oxc's parse is ${(cold['(ii) oxc parse'] / cold['(i0) ts parse']).toFixed(2)} × TypeScript's, cold, so a parser swap saves at most ${pct(ceiling)} of the wall${costlier ? " (ESTree extraction, scope analysis included, costs more than TypeScript's: (iii) − (ii) > (i) − (i0))" : " (no bound here: ESTree extraction measured cheaper than TypeScript's)"}`,
  );
  console.log('((iii) gives the identical facts; (iii-) and (ii) are bounds: no import-use analysis, no extraction at all. Adopt only at ≥ 30 %.)');
}
