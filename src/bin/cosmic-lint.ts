#!/usr/bin/env node
// The only modules that touch the process (argv, env, stdout/stderr, the exit code) are this entry
// and the commands it loads on demand (./commands.ts): `--help` and `--version` load neither the
// audit nor TypeScript.
import { packageInfo } from '../config/package-info.js';
import { parseCommand, type Command } from '../cli/args.js';
import { formatFatal } from '../cli/fatal.js';

async function run(command: Command): Promise<number> {
  switch (command.name) {
    case 'help':
      process.stdout.write(command.text);
      return 0;
    case 'version':
      process.stdout.write(`${packageInfo().version}\n`);
      return 0;
    default:
      return (await import('./commands.js')).runCommand(command);
  }
}

try {
  process.exitCode = await run(parseCommand(process.argv.slice(2)));
} catch (error) {
  process.stderr.write(formatFatal(error));
  process.exitCode = 2;
}
