// `node bench/editor.mjs --project DIR [--passes 3]`
//
// The ESLint plugin as an editor keeps it: one process linting the project's files again and again
// (issue 11, item 9). The first pass fills the plugin's caches; each later pass reuses them after
// checking, per lint, the stat of every file and folder the answers came from. Prints each pass's
// time and, for the passes after the first, how many stat calls the check made per linted file and
// how long they took in all (fs.statSync is counted by wrapping it).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { project: { type: 'string' }, passes: { type: 'string', default: '3' } } });
if (!values.project) throw new Error('--project DIR is required (a project with a cosmic config and its sources under DIR/src)');
const project = path.resolve(values.project);
const { ESLint } = await import('eslint');
const { default: cosmic } = await import('../dist/src/index.js');
const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [cosmic.configs.recommended] });

let stats = 0;
let statMs = 0;
const statSync = fs.statSync;
fs.statSync = function counted(...args) {
  stats += 1;
  const started = performance.now();
  try {
    return statSync.apply(this, args);
  } finally {
    statMs += performance.now() - started;
  }
};

for (let pass = 1; pass <= Number(values.passes); pass++) {
  stats = 0;
  statMs = 0;
  const started = performance.now();
  const results = await eslint.lintFiles(['src']);
  const ms = performance.now() - started;
  const problems = results.reduce((total, result) => total + result.messages.length, 0);
  const check = pass === 1 ? '(fills the caches)' : `${(stats / results.length).toFixed(1)} stat calls per file, ${statMs.toFixed(0)} ms of stat in all`;
  console.log(`pass ${pass}: ${ms.toFixed(0)} ms, ${results.length} files, ${problems} problems; ${check}`);
}
