import path from 'node:path';
import type * as TS from 'typescript';

/** The extensions TypeScript strips from a specifier before trying its own (`removeFileExtension`). */
const KNOWN_EXTENSIONS = ['.d.ts', '.d.mts', '.d.cts', '.mjs', '.mts', '.cjs', '.cts', '.ts', '.js', '.tsx', '.jsx', '.json'];

/**
 * The file TypeScript's module resolution gives a relative specifier, when that is the first file
 * it would try and the file exists; otherwise undefined, and TypeScript is asked. Most imports of a
 * project are relative and name a `.ts` file that exists, and TypeScript's resolver spends most of
 * its time on machinery these never reach (caches per folder, package scopes, conditions).
 *
 * Only these specifiers are answered, in the order TypeScript tries candidates
 * (`nodeLoadModuleByRelativeName` → `loadModuleFromFile` → `tryAddingExtensions`):
 * - `./x.js` under `node10`, `node16`, `nodenext` or `bundler`: `x.ts` comes first, in CommonJS and
 *   in ESM mode alike;
 * - `./x`, except in ESM mode (`esm`: the resolution mode asked for is ESM, under `node16` or
 *   `nodenext`), where TypeScript adds no extension: `x.ts`;
 * - `./x.y` with an extension TypeScript does not know, except in ESM mode: `x.d.y.ts` first (an
 *   arbitrary extension's declaration file), then `x.y.ts`.
 * Never answered: `rootDirs` or `moduleSuffixes` (they change the candidates), a path through a
 * `node_modules` folder (an external library, resolved with its package), a specifier naming a
 * folder, holding a backslash, or a known extension other than `.js`. test/project/relative.test.ts
 * holds every answer to TypeScript's own on generated layouts.
 */
export function relativeTarget(ts: typeof TS, specifier: string, containingFile: string, options: TS.CompilerOptions, esm: boolean, fileExists: (file: string) => boolean): string | undefined {
  if (!(specifier.startsWith('./') || specifier.startsWith('../')) || specifier.includes('\\')) return undefined;
  if (options.rootDirs?.length || options.moduleSuffixes?.length) return undefined;
  // The kind the options imply when they name none (from \`module\`), as the compiler computes it;
  // not in the public typings, so a TypeScript without it is simply asked.
  const kindOf = (ts as unknown as { getEmitModuleResolutionKind?: (options: TS.CompilerOptions) => TS.ModuleResolutionKind }).getEmitModuleResolutionKind;
  if (!kindOf) return undefined;
  const kind = kindOf(options);
  const node = kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext;
  if (!node && kind !== ts.ModuleResolutionKind.Node10 && kind !== ts.ModuleResolutionKind.Bundler) return undefined;
  // Only `node16` and `nodenext` in ESM mode leave a specifier without an extension unresolved.
  const addsExtensions = !(node && esm);
  const base = specifier.slice(specifier.lastIndexOf('/') + 1);
  if (base === '' || base === '.' || base === '..') return undefined;
  const directory = path.dirname(containingFile);
  if (`${directory}/${specifier}`.split(/[\\/]/).includes('node_modules')) return undefined;
  const candidate = path.resolve(directory, specifier);
  if (base.endsWith('.js') && base !== '.js') {
    const first = `${candidate.slice(0, -'.js'.length)}.ts`;
    return fileExists(first) ? first : undefined;
  }
  if (!addsExtensions) return undefined;
  if (!base.includes('.')) return fileExists(`${candidate}.ts`) ? `${candidate}.ts` : undefined;
  if (KNOWN_EXTENSIONS.some((extension) => base.endsWith(extension))) return undefined;
  const extension = base.slice(base.lastIndexOf('.'));
  if (fileExists(`${candidate.slice(0, -extension.length)}.d${extension}.ts`)) return undefined;
  return fileExists(`${candidate}.ts`) ? `${candidate}.ts` : undefined;
}
