import path from 'node:path';

/** A path with `/` separators, as globs and reports spell them. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Whether a path relative to the root (POSIX, as `relativePosix` gives it) leaves the root: `..` itself, `../…`, or another drive. */
export function leavesRoot(relative: string): boolean {
  return relative === '..' || relative.startsWith('../') || path.isAbsolute(relative);
}

/** `file` relative to `root`, POSIX. */
export function relativePosix(root: string, file: string): string {
  return toPosix(path.relative(root, file));
}
