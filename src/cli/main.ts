// The whole command line as a function: argv and an Io in, an exit code out. The binary
// (src/bin/cosmic-lint.ts) calls it with the process; the tests call it in process with buffers.
// `--help` and `--version` load nothing beyond the argument parser: the commands that do work
// (./commands.ts, and with them TypeScript) are imported only when one is asked for.
import { packageInfo } from '../config/package-info.js';
import { parseCommand } from './args.js';
import { formatFatal } from './fatal.js';
import type { Io } from './io.js';

export type { Io, Output } from './io.js';

/** Runs one command line; never throws: a tool error is reported on stderr and is exit code 2. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case 'help':
        io.stdout.write(command.text);
        return 0;
      case 'version':
        io.stdout.write(`${packageInfo().version}\n`);
        return 0;
      default:
        return await (await import('./commands.js')).runCommand(command, io);
    }
  } catch (error) {
    io.stderr.write(formatFatal(error));
    return 2;
  }
}
