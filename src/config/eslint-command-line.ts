import fs from 'node:fs';
import path from 'node:path';

/**
 * Whether this process is ESLint's own command line (`eslint src`, `npx eslint .`, a pre-commit
 * hook), given the script Node was started with: its real path (links resolved, as npm's and pnpm's
 * `.bin` entries are links) is `bin/eslint.js` in a package named `eslint`, under whatever folder
 * name it is installed (an alias such as `eslint9`).
 *
 * That process lints once and exits, so the plugin's caches need not check their answers against
 * the disk before each file, as they must in a process that lives on (an editor's language server,
 * eslint_d, a script calling the API in a loop): in one run, each file and folder is read once, as
 * the audit reads it. Anything else, or a script that cannot be read, counts as a process that lives
 * on: the checks cost time, never correctness.
 */
export function isEslintCommandLine(script: string | undefined): boolean {
  if (!script) return false;
  try {
    const real = fs.realpathSync(script);
    if (path.basename(real) !== 'eslint.js' || path.basename(path.dirname(real)) !== 'bin') return false;
    const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(path.dirname(real)), 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === 'eslint';
  } catch {
    return false;
  }
}
