#!/usr/bin/env node
// Long fuzz campaigns (issue 11): `npm run fuzz -- --runs 10000 --seed 42`.
// Runs test/fuzz/fuzz.test.ts through vitest with the FUZZ_* variables it reads. A failure is
// shrunk, saved under test-output/fuzz/ (the spec as JSON and the project it writes), and printed
// with the seed and path that replay it.
//
//   --runs N      generated projects (default 1000)
//   --seed S      the seed (default: a fresh one, printed)
//   --path P      replay one counterexample path of a seed (from a failure report), with --runs 1
//   --replay F    check one saved spec (test-output/fuzz/*.json or fixtures/fuzz/*.json)
//   --binary      also run the built binary under another locale on every project (slower; needs npm run build)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string' },
    path: { type: 'string' },
    replay: { type: 'string' },
    binary: { type: 'boolean', default: false },
  },
});
const whole = (name, text) => {
  if (!/^\d+$/.test(text)) {
    console.error(`fuzz: --${name} must be a whole number, got "${text}"`);
    process.exit(2);
  }
  return text;
};
const runs = whole('runs', values.runs);
const seed = values.seed === undefined ? String(Date.now() % 2 ** 31) : whole('seed', values.seed);
const env = { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed };
if (values.path) env.FUZZ_PATH = values.path;
if (values.replay) env.FUZZ_REPLAY = path.resolve(values.replay);
if (values.binary) env.FUZZ_BINARY = '1';
console.log(values.replay ? `fuzz: replaying ${values.replay}` : `fuzz: ${runs} runs, seed ${seed}${values.path ? `, path ${values.path}` : ''}${values.binary ? ', with the binary' : ''}`);
const started = Date.now();
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz/fuzz.test.ts', '--disableConsoleIntercept'], { cwd: root, env, stdio: 'inherit' });
const what = values.replay ? values.replay : `seed ${seed}, ${runs} runs${values.path ? `, path ${values.path}` : ''}${values.binary ? ', with the binary' : ''}`;
console.log(`fuzz: ${run.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s (${what})`);
process.exit(run.status ?? 2);
