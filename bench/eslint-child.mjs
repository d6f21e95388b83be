// One cold run of one tool in its own process, printing JSON: the time of the work itself (ms), the
// time since the process started (processMs: loading included), problems found and peak memory.
//   node bench/eslint-child.mjs <project> parse|bare|floor|cosmic|strict|cli-parse|cli-loaded|cli-floor|cli-cosmic|cli-strict|oxlint|audit|audit-strict|audit-contexts|audit-contexts-broken|depcruise [depcruise-config.cjs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import { timedRules } from './timed-rules.mjs';

const [projectArgument, mode, depcruiseConfig] = process.argv.slice(2);
const project = path.resolve(projectArgument);
const here = path.dirname(fileURLToPath(import.meta.url));

/** Milliseconds V8 spent collecting garbage since `start()`, from Node's `gc` performance entries. */
function gcTimer() {
  let total = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) total += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    start: () => {
      total = 0;
    },
    stop: () => {
      for (const entry of observer.takeRecords()) total += entry.duration;
      observer.disconnect();
      return total;
    },
  };
}

async function eslint() {
  // COSMIC_BENCH_PATCH=1: ESLint with the FileContext experiment of bench/eslint-file-context-patch.mjs.
  if (process.env.COSMIC_BENCH_PATCH === '1') await import('./eslint-file-context-patch.mjs');
  // COSMIC_BENCH_ESLINT=eslint9 measures the ESLint 9 line (installed as the alias `eslint9`).
  const { ESLint } = await import(process.env.COSMIC_BENCH_ESLINT ?? 'eslint');
  const { default: tsParser } = await import('@typescript-eslint/parser');
  const { default: cosmic } = await import('../dist/src/index.js');
  const parseOnly = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }];
  const empty = { rules: { noop: { meta: { schema: [] }, create: () => ({ Program() {} }) } } };
  const timed = timedRules(cosmic);
  const configs = {
    parse: parseOnly,
    cosmic: [timed.config('recommended')],
    strict: [timed.config('strict')],
    // One rule that does nothing: what any plugin costs before it does any work.
    floor: [{ ...parseOnly[0], plugins: { empty }, rules: { 'empty/noop': 'error' } }],
    // One rule with no listener at all: ESLint never calls it after `create`.
    bare: [{ ...parseOnly[0], plugins: { bare: { rules: { none: { meta: { schema: [] }, create: () => ({}) } } } }, rules: { 'bare/none': 'error' } }],
  };
  const linter = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: configs[mode] });
  const gc = gcTimer();
  const start = performance.now();
  gc.start();
  const results = await linter.lintFiles(['src']);
  return {
    ms: performance.now() - start,
    gcMs: gc.stop(),
    rulesMs: timed.elapsed(),
    problems: results.reduce((total, result) => total + result.messages.length, 0),
    fatal: results.reduce((total, result) => total + result.fatalErrorCount, 0),
    files: results.length,
  };
}

/**
 * ESLint's command line (`eslint src`) with the same configs, written to a config file: the whole
 * process, timed from here (loading ESLint, the config and the plugin included). It is the one
 * process the plugin knows will exit after this run, so its caches do not check the disk before
 * each file (rules/util/check-rule.ts).
 */
async function eslintCommandLine() {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-bench-cli-'));
  const url = (file) => JSON.stringify(pathToFileURL(file).href);
  const require = createRequire(import.meta.url);
  const configs = {
    'cli-parse': 'export default [{ files: ["**/*.ts"], languageOptions: { parser: tsParser } }];',
    // Parse-only with the plugin loaded and named in the config, none of its rules on: what loading it costs.
    'cli-loaded': 'export default [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { cosmic } }];',
    'cli-floor':
      'const empty = { rules: { noop: { meta: { schema: [] }, create: () => ({ Program() {} }) } } };\n' +
      'export default [{ files: ["**/*.ts"], languageOptions: { parser: tsParser }, plugins: { empty }, rules: { "empty/noop": "error" } }];',
    // The rules timed as in the API modes; the total goes to stderr when the process exits.
    'cli-cosmic': 'const timed = timedRules(cosmic);\nprocess.on("exit", () => process.stderr.write(`cosmic-rules-ms ${timed.elapsed()}\\n`));\nexport default [timed.config("recommended")];',
    'cli-strict': 'const timed = timedRules(cosmic);\nprocess.on("exit", () => process.stderr.write(`cosmic-rules-ms ${timed.elapsed()}\\n`));\nexport default [timed.config("strict")];',
  };
  const config = path.join(home, 'eslint.config.mjs');
  fs.writeFileSync(
    config,
    // Each config loads only what it uses: the parse-only and no-op configs do not pay for loading cosmic.
    [
      ...(mode === 'cli-cosmic' || mode === 'cli-strict' ? [] : [`import tsParser from ${url(require.resolve('@typescript-eslint/parser'))};`]),
      ...(mode === 'cli-parse' || mode === 'cli-floor' ? [] : [`import cosmic from ${url(path.join(here, '..', 'dist', 'src', 'index.js'))};`]),
      ...(mode === 'cli-cosmic' || mode === 'cli-strict' ? [`import { timedRules } from ${url(path.join(here, 'timed-rules.mjs'))};`] : []),
      configs[mode],
      '',
    ].join('\n'),
  );
  const binary = path.join(here, '..', 'node_modules', 'eslint', 'bin', 'eslint.js');
  const start = performance.now();
  const run = spawnSync(process.execPath, [binary, '--config', config, '--format', 'json', 'src'], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  fs.rmSync(home, { recursive: true, force: true });
  if (run.status === 2 || !run.stdout) throw new Error(`eslint failed: ${run.stderr}`);
  const results = JSON.parse(run.stdout);
  const rulesMs = /cosmic-rules-ms ([\d.]+)/.exec(run.stderr)?.[1];
  return {
    ms,
    processMs: ms,
    ...(rulesMs ? { rulesMs: Number(rulesMs) } : {}),
    problems: results.reduce((total, result) => total + result.messages.length, 0),
    fatal: results.reduce((total, result) => total + result.fatalErrorCount, 0),
    files: results.length,
  };
}

/** oxlint with cosmic's rules as a JS plugin (the README's .oxlintrc.json), its own rules off: the whole oxlint process, timed from here. */
async function oxlint() {
  const { default: cosmic } = await import('../dist/src/index.js');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-bench-oxlint-'));
  fs.mkdirSync(path.join(home, 'node_modules'));
  fs.symlinkSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), path.join(home, 'node_modules', 'cosmic-lint'), 'dir');
  fs.writeFileSync(path.join(home, '.oxlintrc.json'), JSON.stringify({ jsPlugins: ['cosmic-lint'], categories: { correctness: 'off' }, rules: cosmic.configs.recommended.rules }));
  const binary = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'oxlint', 'bin', 'oxlint');
  const start = performance.now();
  const run = spawnSync(process.execPath, [binary, '-c', path.join(home, '.oxlintrc.json'), '--format', 'json', '--no-ignore', 'src'], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  fs.rmSync(home, { recursive: true, force: true });
  const output = JSON.parse(run.stdout);
  return { ms, processMs: ms, problems: output.diagnostics.length, fatal: 0, files: output.number_of_files };
}

/**
 * The audit as a user runs it: the built binary's entry (the bundle, with what it turns on at
 * start-up) imported into this process with its arguments, so the process's age and peak memory
 * are the binary's. The report goes to a temporary file, read back for the counts.
 */
async function audit() {
  const report = path.join(os.tmpdir(), `cosmic-bench-audit-${process.pid}.json`);
  // audit-contexts: the same files described with bounded contexts (the generator's cosmic-lint.contexts.json).
  const configFile =
    mode === 'audit-contexts' ? path.join(project, 'cosmic-lint.contexts.json') : mode === 'audit-contexts-broken' ? path.join(project, 'cosmic-lint.contexts-broken.json') : undefined;
  const args = ['audit', project, '--format', 'json', '--quiet', '--output', report, ...(configFile ? ['--config', configFile] : []), ...(mode === 'audit-strict' ? ['--preset', 'strict'] : [])];
  const bin = path.join(here, '..', 'dist', 'src', 'bin', 'cosmic-lint.js');
  process.argv = [process.argv[0], bin, ...args];
  process.chdir(project);
  const start = performance.now();
  await import(pathToFileURL(bin).href);
  const ms = performance.now() - start;
  if (process.exitCode === 2) throw new Error(`the audit failed (exit 2) on ${project}`);
  process.exitCode = 0;
  const result = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.rmSync(report, { force: true });
  // --quiet keeps warnings out of the report and out of stderr; the summary still counts them.
  return { ms, problems: result.summary.errors + result.summary.warnings, fatal: result.diagnostics.length, files: result.summary.files };
}

async function depcruise() {
  const { cruise } = await import('dependency-cruiser');
  const ruleSet = createRequire(import.meta.url)(path.resolve(depcruiseConfig));
  // depcruise-matrix: the layer rules only, without cycle and reachability rules (the costly part).
  if (mode === 'depcruise-matrix') ruleSet.forbidden = ruleSet.forbidden.filter((rule) => !rule.to.circular && !rule.to.reachable);
  const start = performance.now();
  const { output } = await cruise(['src'], { ...ruleSet.options, ruleSet: { forbidden: ruleSet.forbidden }, baseDir: project, validate: true }, {}, {});
  return { ms: performance.now() - start, problems: output.summary.violations.length, fatal: 0, files: output.summary.totalCruised };
}

const measured = mode.startsWith('audit')
  ? await audit()
  : mode === 'oxlint'
    ? await oxlint()
    : mode.startsWith('cli-')
      ? await eslintCommandLine()
      : mode.startsWith('depcruise')
        ? await depcruise()
        : await eslint();
// A child's own process (oxlint, ESLint's command line) is timed and its memory not seen from here: its processMs is its wall time.
const child = mode === 'oxlint' || mode.startsWith('cli-');
console.log(JSON.stringify({ processMs: performance.now(), ...measured, maxRssMiB: child ? NaN : process.resourceUsage().maxRSS / 1024, heapMiB: process.memoryUsage().heapUsed / 1048576 }));
