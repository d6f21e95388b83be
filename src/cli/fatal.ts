import { CosmicError } from '../config/errors.js';
import { neutralise } from '../report/escape.js';
import { UsageError } from './args.js';

/** The separator of a config error's problem list (src/config/validate.ts): the one line break an error message is built with. */
const PROBLEM_SEPARATOR = '\n  - ';

/**
 * What the binary prints on stderr before exit 2. An error we raise is one line (a config error,
 * a list of problems), anything else is an internal error with its stack. Project strings reach
 * these messages raw (a config value, a file or folder name), so every control and bidi character
 * is shown as `\uXXXX`, line breaks included, except those that separate a config error's problems
 * and a stack trace's frames: stderr is a terminal too.
 */
export function formatFatal(error: unknown): string {
  if (error instanceof UsageError || error instanceof CosmicError) {
    return `cosmic-lint: ${error.message.split(PROBLEM_SEPARATOR).map(neutralise).join(PROBLEM_SEPARATOR)}\n`;
  }
  const stack = (error as Error | undefined)?.stack ?? String(error);
  return `cosmic-lint: internal error, please report it: ${stack.split('\n').map(neutralise).join('\n')}\n`;
}
