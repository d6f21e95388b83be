// `node bench/start-up.mjs [--runs N]`
//
// What the command line costs before it does any work (issue 13's start-up budgets): a one-file
// project audited in a fresh process, against `node -e "require('typescript')"` (loading the
// compiler it needs, the floor of any audit), and `--version`, each run alternating with the others,
// medians of wall time. Goals: the audit ≤ 1.3× loading TypeScript; `--version` ≤ 0.15 s.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src', 'bin', 'cosmic-lint.js');
const typescript = createRequire(import.meta.url).resolve('typescript');

const project = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-start-up-'));
fs.mkdirSync(path.join(project, 'src', 'domain'), { recursive: true });
fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'one-file', private: true }));
fs.writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'commonjs' } }));
fs.writeFileSync(path.join(project, 'src', 'domain', 'order.ts'), 'export class Order {\n  constructor(readonly id: string) {}\n}\n');

const modes = {
  'require typescript': ['-e', `require(${JSON.stringify(typescript)})`],
  'audit, one file': [bin, 'audit', '--quiet'],
  '--version': [bin, '--version'],
};
const samples = Object.fromEntries(Object.keys(modes).map((mode) => [mode, []]));
for (let round = 0; round < Number(values.runs); round++) {
  for (const [mode, args] of Object.entries(modes)) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
    samples[mode].push(performance.now() - started);
  }
}
fs.rmSync(project, { recursive: true, force: true });

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const floor = median(samples['require typescript']);
console.log(`node ${process.version}; ${values.runs} alternating runs each, medians of wall time`);
for (const [mode, times] of Object.entries(samples)) console.log(`${mode.padEnd(20)} ${median(times).toFixed(0).padStart(5)} ms   ${(median(times) / floor).toFixed(2)}× require('typescript')`);
console.log("goals: audit ≤ 1.30× require('typescript'); --version ≤ 150 ms");
