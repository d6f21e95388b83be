import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The folder of `name` as Node resolves it from `from`, or undefined; also for a package whose `exports` hide its package.json. */
function packageFolder(name: string, from: string): string | undefined {
  let entry: string;
  try {
    entry = require.resolve(name, { paths: [from] });
  } catch {
    return undefined;
  }
  for (let folder = path.dirname(entry); path.dirname(folder) !== folder; folder = path.dirname(folder)) {
    try {
      if ((JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: string }).name === name) return folder;
    } catch {
      // no package.json here: keep walking up
    }
  }
  return undefined;
}

/**
 * The newest `typescript` that typescript-eslint's parser or the packages it loads would see. A
 * package manager may hoist one of them (ts-api-utils, whose peer range admits 7.x) beside a
 * project's TypeScript 7 while the parser itself gets ours, so each is asked.
 */
function typescriptSeenByParser(): string | undefined {
  const parser = packageFolder('@typescript-eslint/parser', path.dirname(fileURLToPath(import.meta.url)));
  if (!parser) return undefined;
  const estree = packageFolder('@typescript-eslint/typescript-estree', parser);
  const apiUtils = estree ? packageFolder('ts-api-utils', estree) : undefined;
  const versions = [parser, estree, apiUtils]
    .flatMap((folder) => (folder ? [packageFolder('typescript', folder)] : []))
    .flatMap((folder) => (folder ? [(JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { version: string }).version] : []));
  return versions.sort((a, b) => Number(b.split('.')[0]) - Number(a.split('.')[0]))[0];
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
