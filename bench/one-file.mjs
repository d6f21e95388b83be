// `node bench/one-file.mjs <project> <file> [--runs N]`
//
// What linting one file costs in a fresh process (an editor opening a file, a pre-commit hook):
// parse-only ESLint against ESLint with cosmic `recommended`, each run a new process (loading
// included), rotated, medians of process time and their difference. The goal is ≤ +60 ms. A third
// mode, one rule that does nothing, shows what ESLint itself adds for having any rule on (it
// loads ajv to validate rule options, and builds rule contexts).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '6' }, child: { type: 'string' } } });

if (values.child) {
  // One run: lint the file once, print the process's age when done.
  const [project, file] = positionals;
  const { ESLint } = await import('eslint');
  // Each mode loads only what it uses: the plugin's cost includes loading it.
  const parseOnly = async () => ({ files: ['**/*.ts'], languageOptions: { parser: (await import('@typescript-eslint/parser')).default } });
  const noop = { rules: { noop: { meta: { schema: [] }, create: () => ({ Program() {} }) } } };
  const config =
    values.child === 'cosmic'
      ? [(await import(path.join(here, '..', 'dist', 'src', 'index.js'))).default.configs.recommended]
      : values.child === 'floor'
        ? [{ ...(await parseOnly()), plugins: { noop }, rules: { 'noop/noop': 'error' } }]
        : [await parseOnly()];
  const [result] = await new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: config }).lintFiles([file]);
  console.log(JSON.stringify({ ms: performance.now(), messages: result.messages.length }));
} else {
  const [project, file] = positionals;
  if (!project || !file) throw new Error('usage: node bench/one-file.mjs <project> <file> [--runs N]');
  const runs = Number(values.runs);
  const modes = ['parse', 'floor', 'cosmic'];
  const samples = { parse: [], floor: [], cosmic: [] };
  const run = (mode) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, path.resolve(project), file], { cwd: here, encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout);
  };
  run('parse'); // warm the file system cache; not counted
  for (let index = 0; index < runs; index++) for (let offset = 0; offset < modes.length; offset++) samples[modes[(index + offset) % modes.length]].push(run(modes[(index + offset) % modes.length]));
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const parse = median(samples.parse.map((sample) => sample.ms));
  const cosmic = median(samples.cosmic.map((sample) => sample.ms));
  const floor = median(samples.floor.map((sample) => sample.ms));
  console.log(`${file}: ${runs} fresh processes each, medians of process time`);
  console.log(`parse-only ESLint              ${parse.toFixed(0).padStart(6)} ms   ${samples.parse[0].messages} messages`);
  console.log(`ESLint + one no-op rule        ${floor.toFixed(0).padStart(6)} ms   (ESLint's own cost of any rule: ${(floor - parse).toFixed(0)} ms)`);
  console.log(`ESLint + cosmic recommended    ${cosmic.toFixed(0).padStart(6)} ms   ${samples.cosmic[0].messages} messages`);
  console.log(`cosmic adds                    ${(cosmic - parse).toFixed(0).padStart(6)} ms   (goal ≤ 60 ms; over the no-op rule: ${(cosmic - floor).toFixed(0)} ms)`);
}
