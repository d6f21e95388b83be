import fs from 'node:fs';
import { CosmicError } from './errors.js';

/** The largest config or baseline we read: anything bigger is a mistake (or `/dev/zero`), not a description. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Checks that `file` is a regular file of a sane size, without reading it (a FIFO or `/dev/zero`
 * would block or never end). Throws an io error naming the file and `what` it was meant to be.
 */
export function requireRegularFile(file: string, what: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw new CosmicError('io', `cannot read the ${what} (${(error as Error).message})`, file);
  }
  if (!stat.isFile()) throw new CosmicError('io', `cannot read the ${what}: it is ${kindOf(stat)}, not a regular file`, file);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new CosmicError('io', `cannot read the ${what}: it is ${stat.size} bytes, over the ${MAX_INPUT_BYTES / 1024 / 1024} MiB limit`, file);
  }
}

/**
 * Reads a config or baseline as text: regular files only, at most MAX_INPUT_BYTES. The file is
 * opened non-blocking and checked by its descriptor, so a FIFO swapped in after a stat never hangs.
 */
export function readRegularFile(file: string, what: string): string {
  requireRegularFile(file, what);
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new CosmicError('io', `cannot read the ${what} (${(error as Error).message})`, file);
  }
  try {
    const stat = fs.fstatSync(descriptor);
    if (!stat.isFile()) throw new CosmicError('io', `cannot read the ${what}: it is ${kindOf(stat)}, not a regular file`, file);
    // One byte more than the stat said, to notice a file that grew; it may grow up to the limit.
    let buffer = Buffer.alloc(Math.min(stat.size, MAX_INPUT_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_INPUT_BYTES) throw new CosmicError('io', `cannot read the ${what}: it is over the ${MAX_INPUT_BYTES / 1024 / 1024} MiB limit`, file);
        const grown = Buffer.alloc(MAX_INPUT_BYTES + 1);
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof CosmicError) throw error;
    throw new CosmicError('io', `cannot read the ${what} (${(error as Error).message})`, file);
  } finally {
    fs.closeSync(descriptor);
  }
}
