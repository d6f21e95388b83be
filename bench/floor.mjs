// `node bench/floor.mjs [--project DIR] [--runs N]`: what ESLint itself costs for having any rule on,
// against parse-only ESLint, on the ESLint 10 and ESLint 9 lines, with cosmic's presets beside it,
// and on ESLint 10 with FileContext#extend replaced by a copy (bench/eslint-file-context-patch.mjs).
// Each mode is a cold lintFiles in a fresh process (bench/eslint-child.mjs), rotated so every mode
// sees the same noise; medians of time and of the time V8 spent collecting garbage during the lint,
// and medians of per-round ratios to parse-only ESLint of the same line.
//   parse   parse-only ESLint (typescript-eslint's parser, no rule)
//   bare    + one rule whose `create` returns no listener (ESLint never calls it again)
//   floor   + one rule with an empty `Program` listener (the bench's no-op floor)
//   cosmic  + cosmic recommended;  strict  + cosmic strict
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { median } from './median.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({ options: { project: { type: 'string' }, runs: { type: 'string', default: '5' }, files: { type: 'string', default: '2000' } } });
const project = values.project ? path.resolve(values.project) : path.join(os.tmpdir(), 'cosmic-bench-synthetic');
if (!values.project) generate(project, Number(values.files));
const runs = Number(values.runs);
const lines = ['eslint', 'eslint9', 'eslint+patch'];
const modes = ['parse', 'bare', 'floor', 'cosmic', 'strict'];
const cells = lines.flatMap((line) => modes.map((mode) => ({ line, mode })));

const run = ({ line, mode }) =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(here, 'eslint-child.mjs'), project, mode], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
      env: { ...process.env, COSMIC_BENCH_ESLINT: line.replace('+patch', ''), COSMIC_BENCH_PATCH: line.endsWith('+patch') ? '1' : '0' },
    })
      .trim()
      .split('\n')
      .at(-1),
  );

const samples = new Map(cells.map((cell) => [`${cell.line} ${cell.mode}`, []]));
run({ line: 'eslint', mode: 'parse' }); // warm the file system cache; not counted
for (let round = 0; round < runs; round++) {
  for (let offset = 0; offset < cells.length; offset++) {
    const cell = cells[(round + offset) % cells.length];
    samples.get(`${cell.line} ${cell.mode}`).push(run(cell));
  }
}
const version = (line) =>
  JSON.parse(execFileSync(process.execPath, ['-p', `JSON.stringify(require('${line.replace('+patch', '')}/package.json').version)`], { cwd: path.join(here, '..'), encoding: 'utf8' })) +
  (line.endsWith('+patch') ? ' with FileContext#extend copying' : '');
console.log(`${project}: machine ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${runs} rotated cold runs per mode, medians`);
for (const line of lines) {
  console.log(`\nESLint ${version(line)}          time      GC    / parse-only (per round)   GC / parse-only`);
  const base = samples.get(`${line} parse`);
  for (const mode of modes) {
    const sample = samples.get(`${line} ${mode}`);
    const ratio = median(sample.map((entry, index) => entry.ms / base[index].ms));
    const gcRatio = median(sample.map((entry, index) => entry.gcMs / base[index].gcMs));
    console.log(
      `${mode.padEnd(8)} ${median(sample.map((entry) => entry.ms))
        .toFixed(0)
        .padStart(12)} ms ${median(sample.map((entry) => entry.gcMs))
        .toFixed(0)
        .padStart(6)} ms   ${ratio.toFixed(3).padStart(10)}×              ${gcRatio.toFixed(2)}×`,
    );
  }
}
