import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { formatFatal } from '../../src/cli/fatal.js';
import { CosmicError } from '../../src/config/errors.js';
import { cli } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-fatal-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

it('the error line shows control and bidi characters from the project as \\uXXXX, keeping only the line breaks of a problem list', () => {
  expect(formatFatal(new CosmicError('config', 'tsconfig: "a\u001b[31m\u202e\nb.json" does not exist', '/p/cosmic-lint.config.json'))).toBe(
    'cosmic-lint: /p/cosmic-lint.config.json: tsconfig: "a\\u001b[31m\\u202e\\u000ab.json" does not exist\n',
  );
  expect(formatFatal(new CosmicError('config', 'invalid configuration:\n  - preset: expected one of …, got "x"\n  - layers.\u001b]0;t\u0007: unknown key', '/p/c.json'))).toBe(
    'cosmic-lint: /p/c.json: invalid configuration:\n  - preset: expected one of …, got "x"\n  - layers.\\u001b]0;t\\u0007: unknown key\n',
  );
  expect(formatFatal(new UsageError("Unknown option '--\u001b[2J'."))).toBe("cosmic-lint: Unknown option '--\\u001b[2J'.\n");
  const internal = formatFatal(new RangeError('boom \u202e'));
  expect(internal).toMatch(/^cosmic-lint: internal error, please report it: RangeError: boom \\u202e\n {4}at /);
});

it('the binary prints a config error naming a hostile tsconfig on one inert line, exit 2', async () => {
  // Found by the fuzz suite (fixtures/fuzz/fatal-error-line-escapes-config-strings.json).
  fs.writeFileSync(path.join(temporary, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' }, tsconfig: 'tsconfig\u001b[31m\u202e.json' }));
  const run = await cli(['audit', temporary]);
  expect(run.status).toBe(2);
  expect(run.stderr).toBe(
    `cosmic-lint: ${path.join(temporary, 'cosmic-lint.config.json')}: tsconfig: "tsconfig\\u001b[31m\\u202e.json" does not exist (looked for ${path.join(temporary, 'tsconfig\\u001b[31m\\u202e.json')})\n`,
  );
});
