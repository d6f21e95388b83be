import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, expect, it } from 'vitest';
import type { AuditResult } from '../../src/results/violation.js';
import { spawnSync } from 'node:child_process';
import { cli, fixturePath, REPO_ROOT, runBinary } from '../helpers.js';

/** fixtures/baseline: a project with two known violations and a committed baseline; each test works on a copy. */
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-baseline-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));
let project: string;
let counter = 0;

beforeEach(() => {
  project = path.join(temporary, `copy-${counter++}`);
  fs.cpSync(fixturePath('baseline'), project, { recursive: true });
});

const audit = async (...args: string[]) => await cli(['audit', project, '--baseline', path.join(project, 'cosmic-lint.baseline.json'), ...args]);
const json = async (...args: string[]) => {
  const run = await audit('--format', 'json', ...args);
  return { ...run, result: JSON.parse(run.stdout) as AuditResult };
};
const edit = (file: string, change: (text: string) => string) => fs.writeFileSync(path.join(project, file), change(fs.readFileSync(path.join(project, file), 'utf8')));

it('the committed baseline passes the gate: known violations hidden, exit 0', async () => {
  const { status, result, stderr } = await json();
  // Only the line that says which config was used: nothing went wrong.
  expect(stderr).toBe(`cosmic-lint: config ${path.join(project, 'cosmic-lint.config.json')} (preset recommended); it has no "layers", so detected under ${project}: 1 module (src)\n`);
  expect(status).toBe(0);
  expect(result.summary).toMatchObject({ errors: 0, baselined: 2 });
  expect(result.violations.every((violation) => violation.baselined)).toBe(true);
  expect((await audit()).stdout).toMatch(/✔ no problems \(3 files checked, 2 baselined\)/);
});

it('survives moved lines and reworded code around the known violations', async () => {
  edit('src/domain/model.ts', (text) => `// a new comment\n\n${text.replace('export class Product', '/** The product. */\nexport class Product')}`);
  expect((await json()).status).toBe(0);
});

it('one new violation fails the gate with exit 1, and only it is shown', async () => {
  edit('src/service-layer/handlers.ts', (text) => `import { toRow } from '../adapters/orm.js';\n${text}\nexport const row = toRow;\n`);
  const run = await audit();
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('src/service-layer/handlers.ts\n  1:23');
  expect(run.stdout).not.toContain('src/domain/model.ts');
  expect(run.stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings\)/);
});

it('fixing a baselined violation reports the stale entry, and --update-baseline drops it', async () => {
  edit('src/domain/model.ts', (text) => text.replace("import { Pool } from 'pg';\n", '').replace('[Pool, toRow]', '[toRow]'));
  const run = await json();
  expect(run.status).toBe(0);
  expect(run.result.staleBaseline).toEqual([expect.objectContaining({ ruleId: 'cosmic/domain-purity', file: 'src/domain/model.ts', target: 'pg' })]);
  expect(run.stderr).toContain('fixed since the baseline: cosmic/domain-purity src/domain/model.ts → pg');
  const update = await audit('--update-baseline');
  expect(update.stderr).toContain('baseline');
  expect(update.stderr).toContain('1 entries (0 added, 1 removed)');
  const written = JSON.parse(fs.readFileSync(path.join(project, 'cosmic-lint.baseline.json'), 'utf8')) as { violations: unknown[] };
  expect(written.violations).toHaveLength(1);
  expect((await json()).result.staleBaseline).toEqual([]);
});

it('--update-baseline is a ratchet: it adds new violations only with --force', async () => {
  edit('src/service-layer/handlers.ts', (text) => `import { toRow } from '../adapters/orm.js';\n${text}\nexport const row = toRow;\n`);
  const ratchet = await audit('--update-baseline');
  expect(ratchet.status).toBe(1);
  expect(ratchet.stderr).toContain('1 new violation(s) not added');
  const forced = await audit('--update-baseline', '--force');
  expect(forced.status).toBe(0);
  expect(forced.stderr).toContain('3 entries (1 added, 0 removed)');
  const text = fs.readFileSync(path.join(project, 'cosmic-lint.baseline.json'), 'utf8');
  const files = (JSON.parse(text) as { violations: Array<{ file: string }> }).violations.map((entry) => entry.file);
  expect(files).toEqual([...files].sort());
  expect(text.endsWith('\n')).toBe(true);
});

it('a broken baseline is a tool error naming the file, never an empty baseline', async () => {
  fs.writeFileSync(path.join(project, 'cosmic-lint.baseline.json'), '{ "version": 1, ');
  const run = await audit();
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('cosmic-lint.baseline.json: the baseline is not valid JSON');
});

it('orders violations and writes the baseline by code unit, byte for byte the same under every locale and on every run', async () => {
  // Names that ICU collation orders differently from code units, and differently per locale
  // (root: _x a ä B i I ı Z; Swedish puts ä last; Turkish puts ı before I before i).
  const names = ['a', 'B', '_x', 'ä', 'i', 'I', 'ı', 'Z', 'z'];
  for (const name of names) fs.writeFileSync(path.join(project, 'src', 'domain', `${name}.ts`), "import { Pool } from 'pg';\nexport const pool = Pool;\n");
  const baselineFile = path.join(project, 'cosmic-lint.baseline.json');
  // A fresh process per locale (the binary): a process picks its collation locale once, at start-up.
  const outputs = ['C', 'en_US.UTF-8', 'sv_SE.UTF-8', 'tr_TR.UTF-8'].map((locale) => {
    const env = { LANG: locale, LC_ALL: locale, LC_COLLATE: locale };
    fs.rmSync(baselineFile);
    const update = runBinary(['audit', project, '--baseline', baselineFile, '--update-baseline', '--format', 'json'], undefined, env);
    expect(update.status, update.stderr).toBe(0);
    return { json: runBinary(['audit', project, '--format', 'json'], undefined, env).stdout, baseline: fs.readFileSync(baselineFile, 'utf8') };
  });
  for (const output of outputs.slice(1)) {
    expect(output.json).toBe(outputs[0]!.json);
    expect(output.baseline).toBe(outputs[0]!.baseline);
  }
  const files = (JSON.parse(outputs[0]!.json) as AuditResult).violations.map((violation) => violation.file).filter((file) => !file.endsWith('model.ts'));
  const expected = ['B', 'I', 'Z', '_x', 'a', 'i', 'z', 'ä', 'ı'].map((name) => `src/domain/${name}.ts`);
  expect([...new Set(files)]).toEqual(expected);
  const entries = (JSON.parse(outputs[0]!.baseline) as { violations: Array<{ file: string }> }).violations.map((entry) => entry.file).filter((file) => !file.endsWith('model.ts'));
  expect([...new Set(entries)]).toEqual(expected);
  // No clock in the JSON report unless asked: two runs are the same bytes; --timing adds summary.durationMs.
  expect((await cli(['audit', project, '--format', 'json'])).stdout).toBe(outputs[0]!.json);
  expect((JSON.parse(outputs[0]!.json) as AuditResult).summary).not.toHaveProperty('durationMs');
  expect((JSON.parse((await cli(['audit', project, '--format', 'json', '--timing'])).stdout) as AuditResult).summary.durationMs).toEqual(expect.any(Number));
  expect((await cli(['audit', project, '--timing'])).stdout).toMatch(/ · \d+ files checked, \d+ ms\n$/);
});

it('a baseline of fingerprints only works: stale entries are shown by fingerprint, and --update-baseline fills in the rest', async () => {
  const file = path.join(project, 'cosmic-lint.baseline.json');
  fs.writeFileSync(file, JSON.stringify({ version: 1, violations: [{ fingerprint: 'e3bc99a5c838884977df' }, { fingerprint: '0000000000gone000000' }] }));
  const run = await audit();
  expect(run.stderr).toContain('fixed since the baseline: fingerprint 0000000000gone000000 (run with --update-baseline to drop it)');
  expect(run.stderr).not.toContain('undefined');
  expect(run.status).toBe(1);
  const update = await audit('--update-baseline');
  expect(update.stderr).not.toContain('internal error');
  expect(update.stderr).toContain('1 entries (0 added, 1 removed)');
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
    version: 1,
    tool: 'cosmic-lint',
    violations: [{ fingerprint: 'e3bc99a5c838884977df', ruleId: 'cosmic/domain-purity', file: 'src/domain/model.ts', target: 'pg' }],
  });
});

it('a baseline entry with a field of the wrong type is a config error naming the file and the entry', async () => {
  fs.writeFileSync(path.join(project, 'cosmic-lint.baseline.json'), JSON.stringify({ version: 1, violations: [{ fingerprint: 'e3bc99a5c838884977df', file: 3 }] }));
  const run = await audit('--update-baseline');
  expect(run.status).toBe(2);
  expect(run.stderr).toBe(`cosmic-lint: ${path.join(project, 'cosmic-lint.baseline.json')}: violations[0] (fingerprint e3bc99a5c838884977df): expected "file" to be a string, got 3\n`);
});

/** The CLI with a kill after a while: a hang fails the assertions on its exit code instead of hanging the suite. */
function bounded(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'bin', 'cosmic-lint.js'), ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

it('refuses a baseline or config that is /dev/zero, a FIFO or a folder, without reading it', () => {
  const fifo = path.join(project, 'baseline.fifo');
  spawnSync('mkfifo', [fifo]);
  expect(fs.statSync(fifo).isFIFO()).toBe(true);
  for (const [flag, file, kind] of [
    ['--baseline', '/dev/zero', 'a character device'],
    ['--baseline', fifo, 'a FIFO'],
    ['--baseline', path.join(project, 'src'), 'a folder'],
    ['--config', '/dev/zero', 'a character device'],
    ['--config', fifo, 'a FIFO'],
  ] as const) {
    const run = bounded(['audit', project, flag, file]);
    expect(run.status, `${flag} ${file}`).toBe(2);
    expect(run.stderr).toBe(`cosmic-lint: ${file}: cannot read the ${flag === '--config' ? 'config file' : 'baseline'}: it is ${kind}, not a regular file\n`);
  }
  // The same for the config found by name.
  fs.rmSync(path.join(project, 'cosmic-lint.config.json'));
  spawnSync('mkfifo', [path.join(project, 'cosmic-lint.config.json')]);
  const found = bounded(['audit', project]);
  expect(found.status).toBe(2);
  expect(found.stderr).toContain('cannot read the config file: it is a FIFO, not a regular file');
});

it('refuses --update-baseline onto a folder, into a missing folder, or onto the config file, before the audit and with one line', async () => {
  const config = path.join(project, 'cosmic-lint.config.json');
  const before = fs.readFileSync(config, 'utf8');
  for (const [target, reason] of [
    [path.join(project, 'src'), 'it is a folder'],
    [path.join(project, 'missing', 'baseline.json'), `the folder ${path.join(project, 'missing')} does not exist`],
    [config, 'it is the config file this run reads; choose another file for the baseline (--update-baseline)'],
  ] as const) {
    const run = await cli(['audit', project, '--baseline', target, '--update-baseline']);
    expect(run.status, target).toBe(2);
    // Refused before the work: no report, no "config …" line, just the reason.
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`cosmic-lint: cannot write ${target}: ${reason}\n`);
  }
  expect(fs.readFileSync(config, 'utf8')).toBe(before);
});

it('never writes --output over the baseline the run reads', async () => {
  const baselineFile = path.join(project, 'cosmic-lint.baseline.json');
  const before = fs.readFileSync(baselineFile, 'utf8');
  const run = await audit('--output', baselineFile);
  expect(run.status).toBe(2);
  expect(run.stderr).toBe(`cosmic-lint: cannot write ${baselineFile}: it is the baseline (--baseline) this run reads; choose another file for the report (--output)\n`);
  expect(fs.readFileSync(baselineFile, 'utf8')).toBe(before);
});
