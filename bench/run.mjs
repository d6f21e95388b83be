// `npm run bench [-- --files N] [--runs N] [--project DIR]`: parse-only ESLint against the same
// plus cosmic `recommended`, cold runs in fresh processes, alternated so both see the same noise.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { files: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' }, project: { type: 'string' } },
});
const runs = Number(values.runs);
let project = values.project ? path.resolve(values.project) : path.join(here, '.corpus', 'synthetic');
if (!values.project) {
  const made = generate(project, Number(values.files));
  console.log(`synthetic project: ${made.files} files, ${made.violations} planted violations, in ${path.relative(process.cwd(), project)}`);
}

function run(mode) {
  const output = execFileSync(process.execPath, [path.join(here, 'eslint-child.mjs'), project, mode], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(output.trim().split('\n').at(-1));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

run('parse'); // warm the file system cache; not counted
const MODES = ['parse', 'floor', 'cosmic'];
const samples = { parse: [], floor: [], cosmic: [] };
for (let index = 0; index < runs; index++) {
  // Rotate the order so no mode always runs first (or last) in a round.
  const order = MODES.map((_, offset) => MODES[(index + offset) % MODES.length]);
  for (const mode of order) samples[mode].push(run(mode));
}
const summary = (mode) => ({
  medianMs: median(samples[mode].map((sample) => sample.ms)),
  peakMiB: Math.max(...samples[mode].map((sample) => sample.maxRssMiB)),
  problems: samples[mode][0].problems,
  fatal: samples[mode][0].fatal,
  files: samples[mode][0].files,
});
const parse = summary('parse');
const floor = summary('floor');
const cosmic = summary('cosmic');
const ratios = (mode, base) => samples[mode].map((sample, index) => sample.ms / samples[base][index].ms);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; ${runs} paired cold runs, medians`);
console.log(`files linted                    ${parse.files}`);
console.log(`parse-only ESLint               ${parse.medianMs.toFixed(0).padStart(6)} ms   peak ${parse.peakMiB.toFixed(0)} MiB   ${parse.fatal} parse errors`);
console.log(`+ one no-op rule (any plugin)   ${floor.medianMs.toFixed(0).padStart(6)} ms   peak ${floor.peakMiB.toFixed(0)} MiB`);
console.log(`+ cosmic recommended            ${cosmic.medianMs.toFixed(0).padStart(6)} ms   peak ${cosmic.peakMiB.toFixed(0)} MiB   ${cosmic.problems} problems`);
console.log(`cosmic / parse-only (goal ≤ 1.10)     ${(cosmic.medianMs / parse.medianMs).toFixed(3)}×  (median of paired ratios ${median(ratios('cosmic', 'parse')).toFixed(3)}×)`);
console.log(`no-op rule / parse-only (the floor)   ${(floor.medianMs / parse.medianMs).toFixed(3)}×  (median of paired ratios ${median(ratios('floor', 'parse')).toFixed(3)}×)`);
console.log(`cosmic / no-op rule (our own cost)    ${(cosmic.medianMs / floor.medianMs).toFixed(3)}×  (median of paired ratios ${median(ratios('cosmic', 'floor')).toFixed(3)}×)`);
