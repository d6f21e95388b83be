// The commands that do work, loaded by the entry (cosmic-lint.ts) only when one is asked for, so
// `--help` and `--version` load nothing else. Like the entry, it touches the process (stdout, stderr, env).
import type { Command } from '../cli/args.js';
import { runAudit } from '../cli/audit.js';
import { classifyReport } from '../cli/classify.js';
import { configFileOf, loadProject, requireExistingPaths } from '../cli/load-project.js';
import { checkOutputs, removePendingTemporaries, writeFileAtomic } from '../cli/write-atomic.js';
import { readRegularFile } from '../config/read-file.js';
import fs from 'node:fs';
import path from 'node:path';
import { applyBaseline, describeEntry, formatBaseline, parseBaseline, updateBaseline, type Baseline } from '../results/baseline.js';
import { exitCodeOf } from '../results/build.js';
import { formatDiagnostics, formatOutputNote, formatRunHeader } from '../report/text.js';
import { neutralise } from '../report/escape.js';
import { REPORTERS } from '../report/index.js';

/** Runs a command that does work; `help` and `version` are answered by the entry without loading any of this. */
export async function runCommand(command: Exclude<Command, { name: 'help' | 'version' }>): Promise<number> {
  const cwd = process.cwd();
  switch (command.name) {
    case 'classify':
      requireExistingPaths(cwd, command.files);
      process.stdout.write(classifyReport(loadProject({ cwd, near: command.files[0], configFile: command.config }), cwd, command.files));
      return 0;
    case 'depcruise-config': {
      const { depcruiseConfigSource } = await import('../engines/depcruise/ruleset.js');
      const project = loadProject({ cwd, configFile: command.config });
      const text = depcruiseConfigSource(project);
      if (command.output) {
        const output = path.resolve(cwd, command.output);
        checkOutputs([{ file: output, what: 'the ruleset (--output)' }], fs.existsSync(project.config.source) ? [{ file: project.config.source, what: 'the config file' }] : []);
        guardWrites();
        writeFileAtomic(output, text);
      } else {
        process.stdout.write(text);
      }
      return 0;
    }
    case 'audit':
      return audit(command, cwd);
  }
}

/** Reads the baseline file, if any; a missing one is fine only when it is about to be written. Regular files only, never a FIFO or a device. */
function readBaseline(file: string, mayBeMissing: boolean): Baseline | undefined {
  if (mayBeMissing && !fs.existsSync(file) && !isLink(file)) return undefined;
  return parseBaseline(readRegularFile(file, 'baseline'), file);
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

let writesGuarded = false;

/**
 * From the first write on, SIGINT and SIGTERM wait for the (synchronous) write in progress instead
 * of killing the process halfway through it, then remove any temporary file and exit as the signal
 * would have. Only from then on: before it, a signal must still stop a long audit at once.
 */
function guardWrites(): void {
  if (writesGuarded) return;
  writesGuarded = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      removePendingTemporaries();
      process.exit(code);
    });
  }
}

/** The run's outputs and the files it reads that they must not overwrite; checked before the audit and again once the config is known. */
function checkAuditOutputs(command: Extract<Command, { name: 'audit' }>, cwd: string, configFile: string | undefined): void {
  const baseline = command.baseline ? path.resolve(cwd, command.baseline) : undefined;
  const config = configFile && fs.existsSync(configFile) ? [{ file: configFile, what: 'the config file' }] : [];
  if (command.output) {
    checkOutputs([{ file: path.resolve(cwd, command.output), what: 'the report (--output)' }], [...(baseline ? [{ file: baseline, what: 'the baseline (--baseline)' }] : []), ...config]);
  }
  if (baseline && command.updateBaseline) checkOutputs([{ file: baseline, what: 'the baseline (--update-baseline)' }], config);
}

async function audit(command: Extract<Command, { name: 'audit' }>, cwd: string): Promise<number> {
  // Refuse an output that cannot be written, or that is an input, before the work, not after it.
  checkAuditOutputs(command, cwd, configFileOf({ cwd, near: command.paths[0], configFile: command.config }));
  const baselineFile = command.baseline ? path.resolve(cwd, command.baseline) : undefined;
  const previous = baselineFile ? readBaseline(baselineFile, command.updateBaseline) : undefined;
  const depcruiseGraph = command.engine === 'depcruise' ? (await import('../engines/depcruise/graph.js')).depcruiseGraph : undefined;
  const { result, exitCode, rules, config, unclassified, unmatchedGlobs } = await runAudit({
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
  if (!command.quiet) process.stderr.write(formatRunHeader(config, unclassified, unmatchedGlobs));
  checkAuditOutputs(command, cwd, config.source);
  let code = exitCode;
  if (baselineFile) {
    if (previous) applyBaseline(result, previous);
    if (command.updateBaseline) {
      const update = updateBaseline(result, previous, command.force);
      guardWrites();
      writeFileAtomic(baselineFile, formatBaseline(update.baseline));
      process.stderr.write(
        `cosmic-lint: baseline ${command.baseline}: ${update.baseline.violations.length} entries (${update.added} added, ${update.removed} removed)${update.notAdded > 0 ? `; ${update.notAdded} new violation(s) not added: fix them, or add them with --force` : ''}\n`,
      );
      applyBaseline(result, update.baseline);
    }
    code = exitCodeOf(result, command.maxWarnings);
    for (const entry of result.staleBaseline ?? []) {
      process.stderr.write(`cosmic-lint: fixed since the baseline: ${neutralise(describeEntry(entry))} (run with --update-baseline to drop it)\n`);
    }
  }
  if (command.quiet) result.violations = result.violations.filter((violation) => violation.severity === 'error');
  const color = command.output === undefined && process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env['TERM'] !== 'dumb';
  const report = await REPORTERS[command.format]!(result, { color, rules });
  if (command.output) {
    guardWrites();
    writeFileAtomic(path.resolve(cwd, command.output), report);
    if (!command.quiet) process.stderr.write(formatOutputNote(result, command.format, command.output, code));
  } else {
    process.stdout.write(report);
  }
  process.stderr.write(formatDiagnostics(result.diagnostics));
  return code;
}

