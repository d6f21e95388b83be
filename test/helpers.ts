import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import cosmic from '../src/index.js';
import type { PresetName } from '../src/config/types.js';
import { CosmicError } from '../src/config/errors.js';
import { main } from '../src/cli/main.js';
import type { Violation } from '../src/results/violation.js';
import { FILE_CHECKS, GRAPH_RULES } from '../src/checks/registry.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function fixturePath(...segments: string[]): string {
  return path.join(REPO_ROOT, 'fixtures', ...segments);
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  messageId: string | undefined;
}

/** Lints a fixture project with the real ESLint class and one cosmic preset; problems sorted by file, line, column. */
export async function lintFixture(directory: string, preset: PresetName = 'recommended'): Promise<{ problems: Problem[]; messages: string[]; files: number }> {
  const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [cosmic.configs[preset]] });
  const results = await eslint.lintFiles(['.']);
  const problems: Problem[] = [];
  const messages: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      problems.push({
        file: path.relative(directory, result.filePath).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        ruleId: message.ruleId,
        messageId: message.messageId,
      });
      messages.push(message.message);
    }
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
  return { problems, messages, files: results.length };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command line in process, through the same entry the binary uses (`main` in
 * src/cli/main.ts), against src/: what it writes is collected, nothing touches this process's
 * streams, and no stale build can answer. `env` is the whole environment the command sees.
 */
export async function cli(args: readonly string[], cwd: string = REPO_ROOT, env: Record<string, string | undefined> = {}, stdin = ''): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    cwd,
    // One process for every test: TypeScript is loaded once, so a code cache for it would only be written, never used.
    env: { NO_COLOR: '1', NODE_DISABLE_COMPILE_CACHE: '1', ...env },
    stdout: { write: (text) => void (stdout += text), isTTY: false },
    stderr: { write: (text) => void (stderr += text), isTTY: false },
    beforeFirstWrite: () => undefined,
    readStdin: () => stdin,
  });
  return { status, stdout, stderr };
}

/** Runs the built binary, as a user would: `node dist/src/bin/cosmic-lint.js …`. For the few smoke tests of the binary itself. */
export function runBinary(args: readonly string[], cwd: string = REPO_ROOT, env: NodeJS.ProcessEnv = {}): CliRun {
  const bin = path.join(REPO_ROOT, 'dist', 'src', 'bin', 'cosmic-lint.js');
  if (!fs.existsSync(bin)) throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The CosmicError `action` throws; fails the test when it throws nothing, and rethrows anything else. */
export function thrown(action: () => unknown): CosmicError {
  try {
    action();
  } catch (error) {
    if (error instanceof CosmicError) return error;
    throw error;
  }
  throw new Error('expected a CosmicError');
}

/** A hand-built violation (a domain file importing `pg`), for tests of the reporters and the results schema. */
export function pgViolation(file: string, message: string, fingerprint: string): Violation {
  return {
    ruleId: 'cosmic/domain-purity',
    severity: 'error',
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    message,
    from: { layer: 'domain', role: null },
    to: { file: null, package: 'pg', layer: null, role: null },
    specifier: 'pg',
    kind: 'value',
    chain: [],
    fingerprint,
    baselined: false,
  };
}

/**
 * How the two engines' findings on one project must relate: equal, rule by rule, for every per-file
 * rule; for a whole-program rule (ESLint sees what one file shows), each of ESLint's is also the
 * audit's. Rows are `rule file line:column`; returns the rows to compare equal and the ones of
 * ESLint's that the audit lacks.
 */
export function engineAgreement(
  violations: ReadonlyArray<Pick<Violation, 'ruleId' | 'file' | 'line' | 'column'>>,
  problems: ReadonlyArray<Pick<Problem, 'ruleId' | 'file' | 'line' | 'column'>>,
): { audit: string[]; eslint: string[]; eslintOnly: string[] } {
  const row = (found: { ruleId: string | null; file: string; line: number; column: number }) => `${found.ruleId} ${found.file} ${found.line}:${found.column}`;
  const wholeProgram = (ruleId: string | null) => ruleId !== null && FILE_CHECKS[ruleId]?.wholeProgram === true;
  const audited = new Set(violations.map(row));
  return {
    audit: violations.filter((violation) => !(violation.ruleId in GRAPH_RULES) && !wholeProgram(violation.ruleId)).map(row),
    eslint: problems.filter((problem) => !wholeProgram(problem.ruleId)).map(row),
    eslintOnly: problems.filter((problem) => wholeProgram(problem.ruleId) && !audited.has(row(problem))).map(row),
  };
}
