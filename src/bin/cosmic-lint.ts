#!/usr/bin/env node
// The only module that touches the process: argv, env, stdout/stderr and the exit code.
import { CosmicError } from '../config/errors.js';
import { packageInfo } from '../config/package-info.js';
import { parseCommand, UsageError, type Command } from '../cli/args.js';
import { runAudit } from '../cli/audit.js';
import { classifyReport } from '../cli/classify.js';
import { loadProject } from '../cli/load-project.js';
import { writeFileAtomic } from '../cli/write-atomic.js';
import { formatDiagnostics } from '../report/text.js';
import { REPORTERS } from '../report/index.js';

async function run(command: Command): Promise<number> {
  const cwd = process.cwd();
  switch (command.name) {
    case 'help':
      process.stdout.write(command.text);
      return 0;
    case 'version':
      process.stdout.write(`${packageInfo().version}\n`);
      return 0;
    case 'classify':
      process.stdout.write(classifyReport(loadProject({ cwd, near: command.files[0], configFile: command.config }), cwd, command.files));
      return 0;
    case 'depcruise-config': {
      const { depcruiseConfigSource } = await import('../engines/depcruise/ruleset.js');
      const text = depcruiseConfigSource(loadProject({ cwd, configFile: command.config }));
      if (command.output) writeFileAtomic(command.output, text);
      else process.stdout.write(text);
      return 0;
    }
    case 'audit': {
      const depcruiseGraph = command.engine === 'depcruise' ? (await import('../engines/depcruise/graph.js')).depcruiseGraph : undefined;
      const { result, exitCode } = await runAudit({
        cwd,
        paths: command.paths,
        configFile: command.config,
        preset: command.preset,
        engine: command.engine,
        maxWarnings: command.maxWarnings,
        now: () => performance.now(),
        depcruiseGraph,
      });
      if (command.quiet) result.violations = result.violations.filter((violation) => violation.severity === 'error');
      const color = command.output === undefined && process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb';
      const report = REPORTERS[command.format]!(result, { color });
      if (command.output) writeFileAtomic(command.output, report);
      else process.stdout.write(report);
      process.stderr.write(formatDiagnostics(result.diagnostics));
      return exitCode;
    }
  }
}

try {
  process.exitCode = await run(parseCommand(process.argv.slice(2)));
} catch (error) {
  if (error instanceof UsageError || error instanceof CosmicError) {
    process.stderr.write(`cosmic-lint: ${error.message}\n`);
  } else {
    process.stderr.write(`cosmic-lint: internal error, please report it: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exitCode = 2;
}
