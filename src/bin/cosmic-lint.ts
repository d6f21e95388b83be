#!/usr/bin/env node
// The only module that touches the process: it hands argv, the streams, the working directory and
// the environment to the command line (../cli/main.ts) and sets the exit code from its answer.
import fs from 'node:fs';
import module from 'node:module';
import { main } from '../cli/main.js';
import { removePendingTemporaries } from '../cli/write-atomic.js';

let writesGuarded = false;

/**
 * From the first write on, SIGINT and SIGTERM wait for the (synchronous) write in progress instead
 * of killing the process halfway through it, then remove any temporary file and exit as the signal
 * would have.
 */
function guardWrites(): void {
  if (writesGuarded) return;
  writesGuarded = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      removePendingTemporaries();
      process.exit(code);
    });
  }
}

// Node ≥ 22.1 keeps what it compiles (TypeScript's 9 MB bundle above all) in its own cache under
// the system's temporary folder, as `tsc` does; on older Node, `audit --cache` keeps TypeScript's.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
  stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
  beforeFirstWrite: guardWrites,
  readStdin: () => fs.readFileSync(0, 'utf8'),
});
