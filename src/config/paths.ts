import path from 'node:path';

/** A path with `/` separators, as globs and reports spell them. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** `file` relative to `root`, POSIX. */
export function relativePosix(root: string, file: string): string {
  return toPosix(path.relative(root, file));
}
