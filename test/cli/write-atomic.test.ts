import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputs, writeFileAtomic } from '../../src/cli/write-atomic.js';
import { CosmicError } from '../../src/config/errors.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-write-'));
afterAll(() => {
  for (const folder of fs.readdirSync(temporary)) fs.chmodSync(path.join(temporary, folder), 0o755);
  fs.rmSync(temporary, { recursive: true, force: true });
});
let counter = 0;
const folder = () => {
  const made = path.join(temporary, `case-${counter++}`);
  fs.mkdirSync(made);
  return made;
};

function message(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(CosmicError);
    return (error as Error).message;
  }
  throw new Error('expected a CosmicError');
}

/** Anything left beside a target that looks like one of our temporary files. */
const temporaries = (directory: string) => fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'));

describe('writing a file atomically', () => {
  it('writes, leaving no temporary file', () => {
    const directory = folder();
    writeFileAtomic(path.join(directory, 'report.json'), '{}\n');
    expect(fs.readFileSync(path.join(directory, 'report.json'), 'utf8')).toBe('{}\n');
    expect(temporaries(directory)).toEqual([]);
  });

  it('is one line naming the path, never a Node error, for a missing folder, a folder, a special file', () => {
    const directory = folder();
    const missing = path.join(directory, 'nowhere', 'report.json');
    expect(message(() => writeFileAtomic(missing, 'x'))).toBe(`cannot write ${missing}: the folder ${path.dirname(missing)} does not exist`);
    expect(message(() => writeFileAtomic(directory, 'x'))).toBe(`cannot write ${directory}: it is a folder`);
    expect(message(() => writeFileAtomic('/dev/null', 'x'))).toBe('cannot write /dev/null: it is not a regular file (a device, a FIFO or a socket)');
    expect(temporaries(directory)).toEqual([]);
  });

  it('refuses a read-only file and keeps it read-only and unchanged (no chmod), and a read-only folder', () => {
    const directory = folder();
    const file = path.join(directory, 'report.json');
    fs.writeFileSync(file, 'before');
    fs.chmodSync(file, 0o444);
    expect(message(() => writeFileAtomic(file, 'after'))).toBe(`cannot write ${file}: the file is read-only`);
    expect(fs.readFileSync(file, 'utf8')).toBe('before');
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    const locked = folder();
    fs.chmodSync(locked, 0o555);
    expect(message(() => writeFileAtomic(path.join(locked, 'report.json'), 'x'))).toBe(`cannot write ${path.join(locked, 'report.json')}: the folder ${locked} is read-only`);
    expect(fs.readdirSync(locked)).toEqual([]);
  });

  it("writes through a symlink to its target, keeping the link and the target's mode", () => {
    const directory = folder();
    const target = path.join(directory, 'real.json');
    const link = path.join(directory, 'link.json');
    fs.writeFileSync(target, 'before');
    fs.chmodSync(target, 0o640);
    fs.symlinkSync('real.json', link);
    writeFileAtomic(link, 'after');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('after');
    expect(fs.statSync(target).mode & 0o777).toBe(0o640);
    expect(temporaries(directory)).toEqual([]);
  });

  it('removes a stale temporary file a killed run left beside the target, and leaves a fresh one (a write in progress) alone', () => {
    const directory = folder();
    const stale = path.join(directory, '.report.json.0123456789ab.tmp');
    const fresh = path.join(directory, '.report.json.ba9876543210.tmp');
    const other = path.join(directory, '.other.json.0123456789ab.tmp');
    for (const file of [stale, fresh, other]) fs.writeFileSync(file, 'x'.repeat(1024));
    const longAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stale, longAgo, longAgo);
    fs.utimesSync(other, longAgo, longAgo);
    writeFileAtomic(path.join(directory, 'report.json'), 'done');
    expect(temporaries(directory).sort()).toEqual(['.other.json.0123456789ab.tmp', '.report.json.ba9876543210.tmp']);
    expect(fs.readFileSync(path.join(directory, 'report.json'), 'utf8')).toBe('done');
  });
});

describe('checking outputs before the run', () => {
  it('refuses an output that is an input of the run, also through a symlink, and two outputs on one file', () => {
    const directory = folder();
    const baseline = path.join(directory, 'baseline.json');
    fs.writeFileSync(baseline, '{}');
    fs.symlinkSync('baseline.json', path.join(directory, 'alias.json'));
    const inputs = [{ file: baseline, what: 'the baseline (--baseline)' }];
    expect(message(() => checkOutputs([{ file: baseline, what: 'the report (--output)' }], inputs))).toBe(
      `cannot write ${baseline}: it is the baseline (--baseline) this run reads; choose another file for the report (--output)`,
    );
    expect(message(() => checkOutputs([{ file: path.join(directory, 'alias.json'), what: 'the report (--output)' }], inputs))).toContain('it is the baseline (--baseline) this run reads');
    const report = path.join(directory, 'report.json');
    expect(
      message(() =>
        checkOutputs(
          [
            { file: report, what: 'A' },
            { file: report, what: 'B' },
          ],
          [],
        ),
      ),
    ).toBe(`cannot write ${report}: B and A would be the same file`);
    expect(() => checkOutputs([{ file: report, what: 'the report' }], inputs)).not.toThrow();
    expect(fs.existsSync(report)).toBe(false);
  });
});
