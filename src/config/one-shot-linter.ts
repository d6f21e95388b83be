import fs from 'node:fs';
import path from 'node:path';

/**
 * The command lines that lint once and exit: a package's bin script, and the flag that would turn
 * that command into a server instead (ESLint's `--mcp`, oxlint's `--lsp`).
 */
const ONE_SHOT = [
  { name: 'eslint', bin: path.join('bin', 'eslint.js'), server: '--mcp' },
  { name: 'oxlint', bin: path.join('bin', 'oxlint'), server: '--lsp' },
] as const;

/**
 * Whether this process is a linter's own command line (`eslint src`, `npx eslint .`, `oxlint`, a
 * pre-commit hook), given its `process.argv`: the script's real path (links resolved, as npm's and
 * pnpm's `.bin` entries are links) is the bin script of a package named `eslint` or `oxlint`,
 * under whatever folder name it is installed (an alias such as `eslint9`), and the command does not
 * start a server (`eslint --mcp`, `oxlint --lsp`).
 *
 * That process lints once and exits, so the plugin's caches need not check their answers against
 * the disk before each file, as they must in a process that lives on (an editor's language server,
 * eslint_d, an MCP server, a script calling the API in a loop): in one run, each file and folder is
 * read once, as the audit reads it. Anything else, or a script that cannot be read, counts as a
 * process that lives on: the checks cost time, never correctness.
 */
export function isOneShotLinter(argv: readonly string[]): boolean {
  const script = argv[1];
  if (!script) return false;
  try {
    const real = fs.realpathSync(script);
    const folder = path.dirname(path.dirname(real));
    const linter = ONE_SHOT.find((candidate) => path.join(folder, candidate.bin) === real);
    if (!linter || argv.slice(2).some((argument) => argument === linter.server || argument.startsWith(`${linter.server}=`))) return false;
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown };
    return manifest.name === linter.name;
  } catch {
    return false;
  }
}
