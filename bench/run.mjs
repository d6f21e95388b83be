// `npm run bench [-- --files N] [--runs N] [--project DIR] [--skip-eslint] [--skip-audit] [--skip-depcruise] [--skip-cache] [--scale N,N,…]`
//
// Two comparisons, each of cold runs in fresh processes, rotated so every mode sees the same noise,
// reported as medians with ratios and peak memory:
//   1. the ESLint plugin: parse-only ESLint, + one no-op rule (what any plugin costs), + cosmic recommended,
//      + cosmic strict, through ESLint's API (time of lintFiles) and through its command line (whole processes);
//   2. the audit (recommended and strict): cosmic-lint audit, dependency-cruiser with the generated ruleset (all of it, and the
//      layer rules alone), parse-only ESLint (process time, loading included).
// --scale 2000,10000,40000 measures the audit alone on synthetic projects of each size (rotated cold runs,
//   medians), with time and memory per file and each size's time as a ratio of the previous size's.
// --project DIR benchmarks a real project instead of the synthetic one; it needs a cosmic-lint config
// (or a detectable layout) and its sources under DIR/src.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { median } from './median.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    project: { type: 'string' },
    'skip-eslint': { type: 'boolean', default: false },
    'skip-audit': { type: 'boolean', default: false },
    'skip-depcruise': { type: 'boolean', default: false },
    'skip-cache': { type: 'boolean', default: false },
    scale: { type: 'string' },
  },
});
const runs = Number(values.runs);
if (values.scale) {
  await scale(values.scale.split(',').map(Number));
  process.exit(0);
}
// Outside the repository: tools that honour .gitignore (oxlint) would skip a corpus inside it.
const project = values.project ? path.resolve(values.project) : path.join(os.tmpdir(), 'cosmic-bench-synthetic');
if (!values.project) {
  const made = generate(project, Number(values.files));
  console.log(`synthetic project: ${made.files} files, ${made.violations} planted violations, in ${path.relative(process.cwd(), project)}`);
}
const depcruiseConfig = path.join(os.tmpdir(), `cosmic-bench-${process.pid}.cjs`);
execFileSync(process.execPath, [path.join(here, '..', 'dist', 'src', 'bin', 'cosmic-lint.js'), 'depcruise-config', '-o', depcruiseConfig], { cwd: project });

function run(mode) {
  const output = execFileSync(process.execPath, [path.join(here, 'eslint-child.mjs'), project, mode, depcruiseConfig], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').at(-1));
}

/** Runs every mode `runs` times in rotated order; returns per-mode samples. */
function measure(modes) {
  const samples = Object.fromEntries(modes.map((mode) => [mode, []]));
  for (let index = 0; index < runs; index++) {
    for (let offset = 0; offset < modes.length; offset++) {
      const mode = modes[(index + offset) % modes.length];
      samples[mode].push(run(mode));
    }
  }
  return samples;
}

function line(label, sample, field) {
  const ms = median(sample.map((entry) => entry[field]));
  const peaks = sample.map((entry) => entry.maxRssMiB).filter((peak) => Number.isFinite(peak));
  const peak = peaks.length > 0 ? Math.max(...peaks) : NaN;
  const memory = Number.isFinite(peak) ? `peak ${peak.toFixed(0).padStart(5)} MiB` : 'peak     — MiB';
  return { ms, text: `${label.padEnd(40)} ${ms.toFixed(0).padStart(7)} ms   ${memory}   ${sample[0].problems} findings, ${sample[0].files} files` };
}

const ratio = (samples, mode, base, field) => median(samples[mode].map((entry, index) => entry[field] / samples[base][index][field]));

console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${runs} rotated cold runs per mode, medians`);
run('parse'); // warm the file system cache; not counted

/** The time spent inside cosmic's rules in the same runs (bench/timed-rules.mjs): steadier than the ratios on a shared machine, and all of it cosmic's own doing. */
function rulesTime(samples, prefix) {
  for (const [mode, preset] of [
    [`${prefix}cosmic`, 'recommended'],
    [`${prefix}strict`, 'strict'],
  ]) {
    const share = median(samples[mode].map((entry) => entry.rulesMs / entry.ms)) * 100;
    console.log(
      `inside cosmic's rules, ${preset.padEnd(11)} ${median(samples[mode].map((entry) => entry.rulesMs))
        .toFixed(0)
        .padStart(5)} ms   (${share.toFixed(1)} % of the run)`,
    );
  }
}

if (!values['skip-eslint']) {
  // The four ESLint configs, measured through ESLint's API (prefix '') or its command line ('cli-').
  const eslintModes = (prefix) => [
    [`${prefix}parse`, 'parse-only ESLint'],
    [`${prefix}floor`, '+ one no-op rule (any plugin)'],
    [`${prefix}cosmic`, '+ cosmic recommended'],
    [`${prefix}strict`, '+ cosmic strict'],
  ];
  const samples = measure(eslintModes('').map(([mode]) => mode));
  console.log("\n1. ESLint plugin through ESLint's API (time of lintFiles; the plugin cannot tell this process will exit, so it checks its caches against the disk before each file, as in an editor)");
  for (const [mode, label] of eslintModes('')) console.log(line(label, samples[mode], 'ms').text);
  console.log(`cosmic / parse-only        ${ratio(samples, 'cosmic', 'parse', 'ms').toFixed(3)}×   (goal ≤ 1.10)`);
  console.log(`no-op rule / parse-only    ${ratio(samples, 'floor', 'parse', 'ms').toFixed(3)}×   (ESLint's own cost of having any rule)`);
  console.log(`cosmic / no-op rule        ${ratio(samples, 'cosmic', 'floor', 'ms').toFixed(3)}×   (what cosmic's rules add)`);
  console.log(`strict / parse-only        ${ratio(samples, 'strict', 'parse', 'ms').toFixed(3)}×   (goal ≤ 1.10: the pattern rules' cost)`);
  rulesTime(samples, '');
  // ESLint's command line: the process the plugin knows will exit, so its caches trust what they read.
  const commandLineModes = [...eslintModes('cli-'), ['cli-loaded', 'parse-only, cosmic loaded, no rule on']];
  const commandLine = measure(commandLineModes.map(([mode]) => mode));
  console.log("\n1a. ESLint's command line, `eslint src` (whole processes, loading included; the plugin trusts its caches for the run)");
  for (const [mode, label] of commandLineModes) console.log(line(label, commandLine[mode], 'processMs').text);
  console.log(`no-op rule / parse-only    ${ratio(commandLine, 'cli-floor', 'cli-parse', 'processMs').toFixed(3)}×`);
  console.log(`loaded, no rule / parse-only ${ratio(commandLine, 'cli-loaded', 'cli-parse', 'processMs').toFixed(3)}×   (goal ≤ 1.02)`);
  console.log(`cosmic / no-op rule        ${ratio(commandLine, 'cli-cosmic', 'cli-floor', 'processMs').toFixed(3)}×   (goal ≤ 1.05)`);
  console.log(`strict / parse-only        ${ratio(commandLine, 'cli-strict', 'cli-parse', 'processMs').toFixed(3)}×   (goal ≤ 1.10)`);
  rulesTime(commandLine, 'cli-');
  // The same rules under oxlint's JS plugins: whole processes compared, loading included.
  const processes = measure(['cosmic', 'oxlint']);
  console.log('\n1b. The same rules, ESLint or oxlint (whole process, loading included)');
  for (const [mode, label] of [
    ['cosmic', 'ESLint + cosmic recommended'],
    ['oxlint', 'oxlint + cosmic (jsPlugins)'],
  ])
    console.log(line(label, processes[mode], 'processMs').text);
  console.log(`oxlint / ESLint            ${ratio(processes, 'oxlint', 'cosmic', 'processMs').toFixed(3)}×`);
}

if (!values['skip-audit']) {
  // With contexts only where the generator wrote them (the synthetic project); a real project is audited as described.
  const withContexts = !values.project;
  const depcruiseModes = values['skip-depcruise'] ? [] : ['depcruise', 'depcruise-matrix'];
  const samples = measure(['audit', 'audit-strict', ...(withContexts ? ['audit-contexts', 'audit-contexts-broken'] : []), ...depcruiseModes, 'parse']);
  console.log('\n2. Whole-project audit (process time, loading included)');
  for (const [mode, label] of [
    ['audit', 'cosmic-lint audit'],
    ['audit-strict', 'cosmic-lint audit --preset strict'],
    ...(withContexts
      ? [
          ['audit-contexts', 'audit, 20 contexts, boundaries hold'],
          ['audit-contexts-broken', 'audit, 20 contexts, most imports cross'],
        ]
      : []),
    ['depcruise', 'dependency-cruiser, generated ruleset'],
    ['depcruise-matrix', 'dependency-cruiser, layer rules only'],
    ['parse', 'parse-only ESLint'],
  ].filter(([mode]) => samples[mode]))
    console.log(line(label, samples[mode], 'processMs').text);
  if (samples.depcruise) {
    console.log(`audit / dependency-cruiser (same ruleset)   ${ratio(samples, 'audit', 'depcruise', 'processMs').toFixed(3)}×   (goal < 1)`);
    console.log(`audit / dependency-cruiser (layer rules)    ${ratio(samples, 'audit', 'depcruise-matrix', 'processMs').toFixed(3)}×`);
  }
  console.log(`audit / parse-only ESLint                   ${ratio(samples, 'audit', 'parse', 'processMs').toFixed(3)}×   (goal ≤ 0.33)`);
  console.log(`audit strict / audit recommended            ${ratio(samples, 'audit-strict', 'audit', 'processMs').toFixed(3)}×   (goal ≤ 1.15)`);
  if (!values['skip-cache']) cacheBench();
  if (withContexts) {
    console.log(`audit with contexts / audit without         ${ratio(samples, 'audit-contexts', 'audit', 'processMs').toFixed(3)}×   (goal ≤ 1.10; every module published, the same findings)`);
    console.log(`  … with most imports crossing a boundary    ${ratio(samples, 'audit-contexts-broken', 'audit', 'processMs').toFixed(3)}×   (thousands more findings to report)`);
  }
}

/**
 * `audit --cache` through the binary, whole processes: without a cache, with an empty one (the
 * run that writes it), with a warm one (nothing changed), and after one file changed.
 */
function cacheBench() {
  const bin = path.join(here, '..', 'dist', 'src', 'bin', 'cosmic-lint.js');
  const cacheFile = path.join(os.tmpdir(), `cosmic-bench-cache-${process.pid}.json`);
  const timed = (args) => {
    const start = performance.now();
    spawnSync(process.execPath, [bin, 'audit', '--format', 'json', '--quiet', ...args], { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 });
    return performance.now() - start;
  };
  const cached = ['--cache', '--cache-location', cacheFile];
  const edited = listSources(path.join(project, 'src'))[0];
  const original = fs.readFileSync(edited, 'utf8');
  const samples = { none: [], cold: [], warm: [], one: [], node: [], floor: [] };
  // What no warm run can beat: Node's start-up alone, and bench/cache-floor.mjs (start-up, reading
  // and hashing every source, reading the cache; nothing of cosmic's loaded, nothing checked).
  const bare = (args) => {
    const start = performance.now();
    spawnSync(process.execPath, args, { cwd: project });
    return performance.now() - start;
  };
  timed([]); // warm the file system cache; not counted
  for (let index = 0; index < runs; index++) {
    fs.rmSync(cacheFile, { force: true });
    samples.none.push(timed([]));
    samples.cold.push(timed(cached));
    samples.warm.push(timed(cached));
    samples.node.push(bare(['-e', '0']));
    samples.floor.push(bare([path.join(here, 'cache-floor.mjs'), project, cacheFile]));
    fs.writeFileSync(edited, `${original}\n// edited ${index}\n`);
    try {
      samples.one.push(timed(cached));
    } finally {
      fs.writeFileSync(edited, original);
    }
  }
  fs.rmSync(cacheFile, { force: true });
  console.log(`\n3. audit --cache (whole processes, the binary; ${runs} rounds, medians)`);
  for (const [mode, label] of [
    ['none', 'no cache'],
    ['cold', 'empty cache (writes it)'],
    ['warm', 'warm cache, nothing changed'],
    ['one', 'warm cache, one file changed'],
    ['node', 'floor: Node start-up (node -e 0)'],
    ['floor', 'floor: + read and hash sources, read cache'],
  ])
    console.log(`${label.padEnd(40)} ${median(samples[mode]).toFixed(0).padStart(7)} ms   ${median(samples[mode].map((ms, index) => ms / samples.none[index])).toFixed(3)}× no cache`);
}

function listSources(directory) {
  return fs
    .readdirSync(directory, { recursive: true })
    .filter((file) => /\.tsx?$/.test(file) && !/\.d\.ts$/.test(file))
    .map((file) => path.join(directory, file))
    .sort();
}

/** The audit alone at each size: does its time grow with the files, and what does each file cost? */
async function scale(sizes) {
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error(`--scale takes file counts separated by commas, got ${values.scale}`);
  const projects = sizes.map((size) => {
    const root = path.join(os.tmpdir(), `cosmic-bench-scale-${size}`);
    generate(root, size);
    return root;
  });
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; audit only, ${runs} rotated cold runs per size, medians`);
  const child = (root) =>
    JSON.parse(
      execFileSync(process.execPath, [path.join(here, 'eslint-child.mjs'), root, 'audit'], { encoding: 'utf8', maxBuffer: 1 << 26 })
        .trim()
        .split('\n')
        .at(-1),
    );
  child(projects[0]); // warm the file system cache; not counted
  const samples = projects.map(() => []);
  for (let index = 0; index < runs; index++) {
    for (let offset = 0; offset < projects.length; offset++) {
      const which = (index + offset) % projects.length;
      samples[which].push(child(projects[which]));
    }
  }
  let previous;
  for (const [which, size] of sizes.entries()) {
    const ms = median(samples[which].map((entry) => entry.processMs));
    const peak = median(samples[which].map((entry) => entry.maxRssMiB));
    const growth = previous ? `   ${(ms / previous.ms).toFixed(2)}× the time for ${(size / previous.size).toFixed(2)}× the files` : '';
    console.log(
      `${String(size).padStart(7)} files ${ms.toFixed(0).padStart(8)} ms ${(ms / size).toFixed(2).padStart(6)} ms/file   peak ${peak.toFixed(0).padStart(5)} MiB ${((peak * 1024) / size).toFixed(1).padStart(6)} KiB/file   ${samples[which][0].problems} findings${growth}`,
    );
    previous = { ms, size };
  }
}
