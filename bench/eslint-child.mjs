// One cold ESLint run in its own process: `node eslint-child.mjs <project> parse|cosmic`.
// Prints JSON: wall time of lintFiles, problems found, peak resident memory.
import path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import cosmic from '../dist/src/index.js';

const [projectArgument, mode] = process.argv.slice(2);
const project = path.resolve(projectArgument);
const parseOnly = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }];
const empty = { rules: { noop: { meta: { schema: [] }, create: () => ({ Program() {} }) } } };
const configs = {
  parse: parseOnly,
  cosmic: [cosmic.configs.recommended],
  // One rule that does nothing: what any plugin costs before it does any work.
  floor: [{ ...parseOnly[0], plugins: { empty }, rules: { 'empty/noop': 'error' } }],
};
const config = configs[mode];
const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: config });
const start = performance.now();
const results = await eslint.lintFiles(['src']);
const ms = performance.now() - start;
const problems = results.reduce((total, result) => total + result.messages.length, 0);
const fatal = results.reduce((total, result) => total + result.fatalErrorCount, 0);
console.log(JSON.stringify({ ms, problems, fatal, files: results.length, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
