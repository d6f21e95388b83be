import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CosmicError } from '../config/errors.js';

/**
 * Temporary files are `.<name>.<12 hex>.tmp` beside their target: a name no one else uses,
 * so a stale one left by a killed run (`kill -9` cannot be caught) is recognised and removed by the
 * next write to the same target.
 */
const TEMPORARY = /^\.(.*)\.[0-9a-f]{12}\.tmp$/;
/** A temporary file this old cannot belong to a write in progress (one write is a single system call). */
const STALE_AFTER_MS = 60_000;

/** The temporary files being written now, so the edge can remove them when a signal ends the process. */
const pending = new Set<string>();

/** Removes the temporary files of writes in progress (bin calls this on SIGINT/SIGTERM). */
export function removePendingTemporaries(): void {
  for (const temporary of pending) fs.rmSync(temporary, { force: true });
  pending.clear();
}

function cannotWrite(file: string, reason: string): CosmicError {
  return new CosmicError('io', `cannot write ${file}: ${reason}`);
}

function reasonOf(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is exceeded';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'a part of its path is not a folder';
    default:
      return message;
  }
}

const isReadOnly = (stat: fs.Stats) => (stat.mode & 0o222) === 0;

function writable(candidate: string): boolean {
  try {
    fs.accessSync(candidate, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Where a write to `file` lands: the file itself, or the target of a symlink (followed, so the link
 * is kept). Fails with one line naming `file` when the write cannot succeed: a missing or read-only
 * folder, a folder, a special file, a read-only file (its mode is kept, never changed to write it).
 */
export function writeTarget(file: string): { target: string; mode: number | undefined } {
  let target = file;
  try {
    if (fs.lstatSync(file).isSymbolicLink()) {
      try {
        target = fs.realpathSync(file);
      } catch {
        // A dangling link: write its target, which must then be creatable.
        target = path.resolve(path.dirname(file), fs.readlinkSync(file));
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(file, reasonOf(error));
  }
  const folder = path.dirname(target);
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotWrite(file, code === 'ENOENT' ? `the folder ${folder} does not exist` : reasonOf(error));
  }
  if (!folderStat.isDirectory()) throw cannotWrite(file, `${folder} is not a folder`);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw cannotWrite(file, reasonOf(error));
  }
  if (stat?.isDirectory()) throw cannotWrite(file, 'it is a folder');
  if (stat && !stat.isFile()) throw cannotWrite(file, 'it is not a regular file (a device, a FIFO or a socket)');
  if (stat && (isReadOnly(stat) || !writable(target))) throw cannotWrite(file, 'the file is read-only');
  // The rename needs the folder writable; its mode bits count even for root, like the file's.
  if (isReadOnly(folderStat) || !writable(folder)) throw cannotWrite(file, `the folder ${folder} is read-only`);
  return { target, mode: stat ? stat.mode & 0o7777 : undefined };
}

/** Removes temporary files a killed run left beside `target` (old enough not to be another run's write in progress). */
function removeStaleTemporaries(target: string, now: number): void {
  const folder = path.dirname(target);
  const name = path.basename(target);
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (TEMPORARY.exec(entry)?.[1] !== name) continue;
    const candidate = path.join(folder, entry);
    try {
      const stat = fs.lstatSync(candidate);
      if (stat.isFile() && now - stat.mtimeMs > STALE_AFTER_MS) fs.rmSync(candidate, { force: true });
    } catch {
      // Gone already, or not ours to remove: it is ignored either way.
    }
  }
}

/**
 * Writes a file so a reader never sees half of it: a temporary file beside it, then a rename. A
 * symlink is written through (the link stays), an existing file keeps its mode, and every failure
 * is one io error naming the path; the temporary file never outlives a failed write.
 */
export function writeFileAtomic(file: string, text: string | Uint8Array, now: number = Date.now()): void {
  const { target, mode } = writeTarget(file);
  removeStaleTemporaries(target, now);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  pending.add(temporary);
  try {
    fs.writeFileSync(temporary, text, { mode: mode ?? 0o666, flag: 'wx' });
    if (mode !== undefined) fs.chmodSync(temporary, mode);
    fs.renameSync(temporary, target);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw cannotWrite(file, reasonOf(error));
  } finally {
    pending.delete(temporary);
  }
}

/** The same file, whatever the spelling: symlinks followed, or the absolute path when it does not exist yet. */
function identity(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Checks, before any work, that a run's outputs can be written and overwrite none of its inputs:
 * each output against the others and against every input (the baseline read, the config file).
 */
export function checkOutputs(outputs: ReadonlyArray<{ file: string; what: string; createsFolder?: boolean }>, inputs: ReadonlyArray<{ file: string; what: string }>): void {
  const seen: Array<{ file: string; what: string; id: string }> = [];
  for (const output of outputs) {
    // An output whose folder the run creates (a cache) cannot be any file there is yet.
    if (output.createsFolder && !fs.existsSync(path.dirname(output.file))) continue;
    const { target } = writeTarget(output.file);
    const id = identity(target);
    const input = inputs.find((candidate) => identity(candidate.file) === id);
    if (input) throw cannotWrite(output.file, `it is ${input.what} this run reads; choose another file for ${output.what}`);
    const other = seen.find((candidate) => candidate.id === id);
    if (other) throw cannotWrite(output.file, `${output.what} and ${other.what} would be the same file`);
    seen.push({ ...output, id });
  }
}
