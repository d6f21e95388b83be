// The commands that do work, loaded by main.ts only when one is asked for, so `--help` and
// `--version` load nothing else. They see the world only through the Io they are handed.
import type { Command } from './args.js';
import { runAudit, runShard } from './audit.js';
import { classifyReport } from './classify.js';
import { explainFile, explainRule, explainSubject } from './explain.js';
import { planInit } from './init.js';
import { docsUrl } from '../checks/registry.js';
import { packageInfo } from '../config/package-info.js';
import { pathKind } from '../project/discover.js';
import type { Io } from './io.js';
import { configFileOf, loadProject, requireExistingPaths } from './load-project.js';
import { checkOutputs, writeFileAtomic } from './write-atomic.js';
import { readRegularFile } from '../config/read-file.js';
import fs from 'node:fs';
import path from 'node:path';
import { changedFiles } from './changes.js';
import { compileCacheFolder } from './compile-cache.js';
import { limitToChange } from '../results/change.js';
import { relativePosix } from '../config/paths.js';
import { applyBaseline, describeEntry, formatBaseline, parseBaseline, updateBaseline, type Baseline } from '../results/baseline.js';
import { exitCodeOf } from '../results/build.js';
import { formatDiagnostics, formatOutputNote, formatRunHeader } from '../report/text.js';
import { neutralise } from '../report/escape.js';
import { REPORTERS } from '../report/index.js';

/** Runs a command that does work; `help` and `version` are answered by the entry without loading any of this. */
export async function runCommand(command: Exclude<Command, { name: 'help' | 'version' }>, io: Io): Promise<number> {
  const { cwd } = io;
  switch (command.name) {
    case 'classify':
      requireExistingPaths(cwd, command.files);
      io.stdout.write(classifyReport(loadProject({ cwd, near: command.files[0], configFile: command.config }), cwd, command.files));
      return 0;
    case 'depcruise-config': {
      const { depcruiseConfigSource } = await import('../engines/depcruise/ruleset.js');
      const project = loadProject({ cwd, configFile: command.config });
      const text = depcruiseConfigSource(project);
      if (command.output) {
        const output = path.resolve(cwd, command.output);
        checkOutputs([{ file: output, what: 'the ruleset (--output)' }], fs.existsSync(project.config.source) ? [{ file: project.config.source, what: 'the config file' }] : []);
        io.beforeFirstWrite();
        writeFileAtomic(output, text);
      } else {
        io.stdout.write(text);
      }
      return 0;
    }
    case 'audit':
      return audit(command, io);
    case 'init':
      return init(command, io);
    case 'explain':
      io.stdout.write(explain(command, io.cwd));
      return 0;
  }
}

/** `explain`: a rule from its doc page, or a file (and line) with its imports' verdicts. */
function explain(command: Extract<Command, { name: 'explain' }>, cwd: string): string {
  const subject = explainSubject(command.subject, (file) => pathKind(path.resolve(cwd, file)) === 'file');
  if (subject.kind === 'rule') {
    const name = subject.ruleId.slice('cosmic/'.length);
    const doc = path.join(packageInfo().root ?? '.', 'docs', 'rules', `${name}.md`);
    return explainRule(subject.ruleId, readRegularFile(doc, 'rule documentation'), docsUrl(subject.ruleId));
  }
  const file = path.resolve(cwd, subject.file);
  return explainFile(loadProject({ cwd, near: subject.file, configFile: command.config }), file, subject.line);
}

/** `init`: plans everything first (nothing is written if any part refuses), then writes the config and, if asked, the ESLint config. */
function init(command: Extract<Command, { name: 'init' }>, io: Io): number {
  const root = path.resolve(io.cwd, command.directory ?? '.');
  requireExistingPaths(io.cwd, [root]);
  const plan = planInit({ root, preset: command.preset, eslint: command.eslint, force: command.force });
  io.beforeFirstWrite();
  writeFileAtomic(plan.configFile, plan.configText);
  if (plan.eslint && (plan.eslint.kind === 'create' || plan.eslint.kind === 'patch')) writeFileAtomic(plan.eslint.file, plan.eslint.text);
  io.stdout.write(plan.report);
  return 0;
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

/** What the cache line says of resolution: kept, or read again because something it rested on changed. */
const RESOLUTION_NOTE = {
  held: '; their imports resolved as then',
  changed: '; imports resolved again (a file, folder, tsconfig or package they rest on changed)',
  none: '',
} as const;

/** The run's outputs and the files it reads that they must not overwrite; checked before the audit and again once the config is known. */
function checkAuditOutputs(command: Extract<Command, { name: 'audit' }>, cwd: string, configFile: string | undefined): void {
  const baseline = command.baseline ? path.resolve(cwd, command.baseline) : undefined;
  const config = configFile && fs.existsSync(configFile) ? [{ file: configFile, what: 'the config file' }] : [];
  const outputs = [
    ...(command.output ? [{ file: path.resolve(cwd, command.output), what: 'the report (--output)' }] : []),
    ...(command.cacheLocation ? [{ file: path.resolve(cwd, command.cacheLocation), what: 'the cache (--cache-location)', createsFolder: true }] : []),
  ];
  if (outputs.length > 0) checkOutputs(outputs, [...(baseline ? [{ file: baseline, what: 'the baseline (--baseline)' }] : []), ...config]);
  if (baseline && command.updateBaseline) checkOutputs([{ file: baseline, what: 'the baseline (--update-baseline)' }], config);
}

/** `audit --shard k/n --output F`: the share's facts, for `merge`. */
function shard(command: Extract<Command, { name: 'audit' }>, io: Io, share: { index: number; count: number }): number {
  const { cwd, stderr } = io;
  const output = path.resolve(cwd, command.output!);
  const { text, files, of, config } = runShard({ cwd, paths: command.paths, configFile: command.config, preset: command.preset, ...share });
  checkOutputs([{ file: output, what: 'the shard (--output)' }], fs.existsSync(config.source) ? [{ file: config.source, what: 'the config file' }] : []);
  io.beforeFirstWrite();
  writeFileAtomic(output, text);
  if (!command.quiet)
    stderr.write(`cosmic-lint: shard ${share.index}/${share.count}: the facts of ${files} of ${of} files written to ${neutralise(command.output!)}; run cosmic-lint merge on every part\n`);
  return 0;
}

async function audit(command: Extract<Command, { name: 'audit' }>, io: Io): Promise<number> {
  const { cwd, stdout, stderr } = io;
  if (command.shard) return shard(command, io, command.shard);
  const parts = command.parts?.map((part) => ({ file: part, text: readRegularFile(path.resolve(cwd, part), 'shard') }));
  // Refuse an output that cannot be written, or that is an input, before the work, not after it.
  checkAuditOutputs(command, cwd, configFileOf({ cwd, near: command.paths[0], configFile: command.config }));
  const baselineFile = command.baseline ? path.resolve(cwd, command.baseline) : undefined;
  const previous = baselineFile ? readBaseline(baselineFile, command.updateBaseline) : undefined;
  // Asked before the work, so a wrong ref fails at once.
  const changed = command.changedSince !== undefined ? changedFiles(command.changedSince, cwd, io.readStdin) : undefined;
  const depcruiseGraph = command.engine === 'depcruise' ? (await import('../engines/depcruise/graph.js')).depcruiseGraph : undefined;
  const { result, exitCode, rules, config, unclassified, unmatchedGlobs, cache, shards, codeCache } = await runAudit({
    cwd,
    paths: command.paths,
    configFile: command.config,
    preset: command.preset,
    engine: command.engine,
    maxWarnings: command.maxWarnings,
    timing: command.timing,
    now: () => performance.now(),
    depcruiseGraph,
    cache: command.cache ? { location: command.cacheLocation ? path.resolve(cwd, command.cacheLocation) : undefined } : undefined,
    compileCache: command.cache ? undefined : compileCacheFolder(io.env),
    parts,
    // Progress only where a person watches: a TTY on stderr, and not with --quiet.
    onProgress: stderr.isTTY && !command.quiet ? (done, total) => stderr.write(done === 0 ? '' : `\rcosmic-lint: parsed ${done}/${total} files…`) : undefined,
  });
  if (stderr.isTTY && !command.quiet) stderr.write('\r\u001b[K');
  // Every format: results go to stdout (or --output), so stderr is free to say what the run used.
  if (!command.quiet) stderr.write(formatRunHeader(config, unclassified, unmatchedGlobs));
  checkAuditOutputs(command, cwd, config.source);
  if (cache) {
    if (cache.warning) stderr.write(`cosmic-lint: cache: ${neutralise(cache.warning)}\n`);
    if (cache.text !== undefined) {
      io.beforeFirstWrite();
      fs.mkdirSync(path.dirname(cache.file), { recursive: true });
      writeFileAtomic(cache.file, cache.text);
    }
    if (!command.quiet)
      stderr.write(
        `cosmic-lint: cache: ${cache.hits} of ${cache.hits + cache.misses} files unchanged since the cached run${RESOLUTION_NOTE[cache.resolution ?? 'none']} (${neutralise(path.relative(cwd, cache.file) || cache.file)})\n`,
      );
  }
  // V8's compiled TypeScript is a speed-up, never an input: a folder that refuses it costs the next run time, not this one its result.
  if (codeCache) {
    try {
      fs.mkdirSync(path.dirname(codeCache.file), { recursive: true });
      writeFileAtomic(codeCache.file, codeCache.data);
    } catch {
      // Next run compiles TypeScript from source again.
    }
  }
  if (shards && !command.quiet) stderr.write(`cosmic-lint: merge: ${shards.fromShards} files answered by the shards, ${shards.parsed} parsed here\n`);
  let code = exitCode;
  if (baselineFile) {
    if (previous) applyBaseline(result, previous);
    if (command.updateBaseline) {
      const update = updateBaseline(result, previous, command.force);
      io.beforeFirstWrite();
      writeFileAtomic(baselineFile, formatBaseline(update.baseline));
      stderr.write(
        `cosmic-lint: baseline ${command.baseline}: ${update.baseline.violations.length} entries (${update.added} added, ${update.removed} removed)${update.notAdded > 0 ? `; ${update.notAdded} new violation(s) not added: fix them, or add them with --force` : ''}\n`,
      );
      applyBaseline(result, update.baseline);
    }
    code = exitCodeOf(result, command.maxWarnings);
    for (const entry of result.staleBaseline ?? []) {
      stderr.write(`cosmic-lint: fixed since the baseline: ${neutralise(describeEntry(entry))} (run with --update-baseline to drop it)\n`);
    }
  }
  if (changed) {
    limitToChange(result, new Set(changed.map((file) => relativePosix(config.root, file))));
    code = exitCodeOf(result, command.maxWarnings);
  }
  if (command.quiet) result.violations = result.violations.filter((violation) => violation.severity === 'error');
  const color = command.output === undefined && stdout.isTTY && !io.env['NO_COLOR'] && io.env['TERM'] !== 'dumb';
  const report = await REPORTERS[command.format]!(result, { color, rules });
  if (command.output) {
    io.beforeFirstWrite();
    writeFileAtomic(path.resolve(cwd, command.output), report);
    if (!command.quiet) stderr.write(formatOutputNote(result, command.format, command.output, code));
  } else {
    stdout.write(report);
  }
  stderr.write(formatDiagnostics(result.diagnostics));
  return code;
}
