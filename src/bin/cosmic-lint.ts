#!/usr/bin/env node
// The only module that touches the process: argv, env, stdout/stderr and the exit code.
import { CosmicError } from '../config/errors.js';
import { packageInfo } from '../config/package-info.js';
import { parseCommand, UsageError, type Command } from '../cli/args.js';
import { runAudit } from '../cli/audit.js';
import { classifyReport } from '../cli/classify.js';
import { loadProject, requireExistingPaths } from '../cli/load-project.js';
import { writeFileAtomic } from '../cli/write-atomic.js';
import fs from 'node:fs';
import path from 'node:path';
import { applyBaseline, formatBaseline, parseBaseline, updateBaseline, type Baseline } from '../results/baseline.js';
import { exitCodeOf } from '../results/build.js';
import { formatDiagnostics, formatRunHeader } from '../report/text.js';
import { neutralise } from '../report/escape.js';
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
      requireExistingPaths(cwd, command.files);
      process.stdout.write(classifyReport(loadProject({ cwd, near: command.files[0], configFile: command.config }), cwd, command.files));
      return 0;
    case 'depcruise-config': {
      const { depcruiseConfigSource } = await import('../engines/depcruise/ruleset.js');
      const text = depcruiseConfigSource(loadProject({ cwd, configFile: command.config }));
      if (command.output) writeFileAtomic(command.output, text);
      else process.stdout.write(text);
      return 0;
    }
    case 'audit':
      return audit(command, cwd);
  }
}

/** Reads the baseline file, if any; a missing one is fine only when it is about to be written. */
function readBaseline(file: string, mayBeMissing: boolean): Baseline | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && mayBeMissing) return undefined;
    throw new CosmicError('io', `cannot read the baseline (${(error as Error).message})`, file);
  }
  return parseBaseline(text, file);
}

async function audit(command: Extract<Command, { name: 'audit' }>, cwd: string): Promise<number> {
  const depcruiseGraph = command.engine === 'depcruise' ? (await import('../engines/depcruise/graph.js')).depcruiseGraph : undefined;
  const { result, exitCode, rules, config, unclassified } = await runAudit({
    cwd,
    paths: command.paths,
    configFile: command.config,
    preset: command.preset,
    engine: command.engine,
    maxWarnings: command.maxWarnings,
    timing: command.timing,
    now: () => performance.now(),
    depcruiseGraph,
    // Progress only where a person watches: a TTY on stderr, and not with --quiet.
    onProgress:
      process.stderr.isTTY && !command.quiet
        ? (done, total) => process.stderr.write(done === 0 ? '' : `\rcosmic-lint: parsed ${done}/${total} files…`)
        : undefined,
  });
  if (process.stderr.isTTY && !command.quiet) process.stderr.write('\r\u001b[K');
  // Every format: results go to stdout (or --output), so stderr is free to say what the run used.
  if (!command.quiet) process.stderr.write(formatRunHeader(config, unclassified));
  let code = exitCode;
  if (command.baseline) {
    const baselineFile = path.resolve(cwd, command.baseline);
    const previous = readBaseline(baselineFile, command.updateBaseline);
    if (previous) applyBaseline(result, previous);
    if (command.updateBaseline) {
      const update = updateBaseline(result, previous, command.force);
      writeFileAtomic(baselineFile, formatBaseline(update.baseline));
      process.stderr.write(
        `cosmic-lint: baseline ${command.baseline}: ${update.baseline.violations.length} entries (${update.added} added, ${update.removed} removed)${update.notAdded > 0 ? `; ${update.notAdded} new violation(s) not added: fix them, or add them with --force` : ''}\n`,
      );
      applyBaseline(result, update.baseline);
    }
    code = exitCodeOf(result, command.maxWarnings);
    for (const entry of result.staleBaseline ?? []) {
      process.stderr.write(`cosmic-lint: fixed since the baseline: ${neutralise(`${entry.ruleId} ${entry.file} → ${entry.target}`)} (run with --update-baseline to drop it)\n`);
    }
  }
  if (command.quiet) result.violations = result.violations.filter((violation) => violation.severity === 'error');
  const color = command.output === undefined && process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb';
  const report = await REPORTERS[command.format]!(result, { color, rules });
  if (command.output) writeFileAtomic(path.resolve(cwd, command.output), report);
  else process.stdout.write(report);
  process.stderr.write(formatDiagnostics(result.diagnostics));
  return code;
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
