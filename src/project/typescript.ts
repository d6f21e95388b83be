import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';
import { CosmicError } from '../config/errors.js';

let loaded: typeof TypeScript | undefined;

/**
 * The TypeScript cosmic-lint ships (a dependency, >=5.5 <6.1: the project's own when that is in
 * range, else a copy of ours beside it, so a project on TypeScript 7, which has no JavaScript API,
 * still works), loaded on first use with `require`: an ESM import of the 9 MB CommonJS bundle
 * makes Node scan it for exports and module syntax, costing ~0.3 s.
 */
export function typescript(): typeof TypeScript {
  if (!loaded) {
    try {
      loaded = createRequire(import.meta.url)('typescript') as typeof TypeScript;
    } catch (error) {
      throw new CosmicError(
        'config',
        `the "typescript" package could not be loaded (${(error as Error).message.split('\n')[0]}): cosmic-lint resolves imports with TypeScript's module resolution; reinstall cosmic-lint (\`npm install --save-dev cosmic-lint\`) so its dependencies are complete`,
      );
    }
  }
  return loaded;
}
