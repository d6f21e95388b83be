import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { CosmicError } from '../config/errors.js';

function git(args: readonly string[], cwd: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? (error as Error).message;
    throw new CosmicError('io', `--changed-since: \`git ${args.join(' ')}\` failed: ${detail || (error as Error).message}`, cwd);
  }
}

const nul = (output: string) => output.split('\0').filter((entry) => entry.length > 0);

/**
 * The files a change touches, absolute: with a git ref, what differs between the working tree and
 * where the current branch left `ref` (`git diff --merge-base`: the pull request's own changes, not
 * what landed on `ref` since), plus untracked files; with `-`, the paths listed in `stdin`, one per
 * line, relative to `cwd` or absolute.
 */
export function changedFiles(since: string, cwd: string, stdin: () => string): string[] {
  if (since === '-') {
    return stdin()
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => path.resolve(cwd, line));
  }
  if (since.startsWith('-')) throw new CosmicError('io', `--changed-since: "${since}" is not a git ref (a ref cannot start with "-"; "-" alone reads the file list from stdin)`, cwd);
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  const changed = nul(git(['diff', '--name-only', '-z', '--no-renames', '--merge-base', since, '--'], cwd));
  const untracked = nul(git(['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], top));
  return [...new Set([...changed, ...untracked])].map((file) => path.resolve(top, file));
}
