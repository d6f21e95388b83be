import { createRequire } from 'node:module';
import path from 'node:path';
import { packageInfo } from '../../src/config/package-info.js';

/**
 * The parser the presets set for TypeScript files: typescript-eslint's, loaded on the first file
 * ESLint asks it to parse, not when the plugin loads. So oxlint (which parses with its own parser)
 * and a config that only names the rules never load it, and when it cannot load — the project
 * resolves `typescript` to 7.x, which has no JavaScript API yet — every file says why and what to
 * do, as a parsing error, instead of ESLint crashing on the plugin's import.
 */
interface TypeScriptEslintParser {
  parseForESLint(code: string, options?: unknown): unknown;
}

const require = createRequire(import.meta.url);
let loaded: TypeScriptEslintParser | undefined;
let failure: Error | undefined;

/** The version of `typescript` that typescript-eslint's parser would load, if one can be found. */
function typescriptSeenByParser(): string | undefined {
  try {
    const parserDirectory = path.dirname(require.resolve('@typescript-eslint/parser/package.json'));
    const manifest = require.resolve('typescript/package.json', { paths: [parserDirectory] });
    return (require(manifest) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** Why the parser did not load, and what the user can do about it. */
export function parserLoadMessage(error: unknown, typescriptVersion: string | undefined): string {
  const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const base = `cosmic-lint could not load typescript-eslint's parser (${reason}).`;
  if (typescriptVersion && Number(typescriptVersion.split('.')[0]) >= 7) {
    return (
      `${base} This project resolves \`typescript\` to ${typescriptVersion}, which has no JavaScript API yet, and typescript-eslint needs one. ` +
      'Keep TypeScript 6 beside it for tools, as TypeScript 7\'s release notes describe ("running side by side"): in package.json, ' +
      '"typescript": "npm:@typescript/typescript6@^6.0.2" and "@typescript/native": "npm:typescript@^7.0.2" (tsc then comes from @typescript/native). ' +
      '`cosmic-lint audit` needs neither: it parses with the TypeScript it ships.'
    );
  }
  return `${base} Reinstall cosmic-lint (npm install --save-dev cosmic-lint) so its dependencies are complete.`;
}

function load(): TypeScriptEslintParser {
  if (loaded) return loaded;
  if (!failure) {
    try {
      loaded = require('@typescript-eslint/parser') as TypeScriptEslintParser;
      return loaded;
    } catch (error) {
      failure = new Error(parserLoadMessage(error, typescriptSeenByParser()));
    }
  }
  throw failure;
}

export const parser = {
  meta: { name: 'cosmic-lint/typescript-parser', version: packageInfo().version },
  parseForESLint(code: string, options?: unknown): unknown {
    return load().parseForESLint(code, options);
  },
};
