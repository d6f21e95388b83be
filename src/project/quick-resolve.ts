import path from 'node:path';
import type * as TS from 'typescript';

/**
 * The extensions TypeScript knows: it strips them from a specifier before trying its own
 * (`removeFileExtension`), and tries a `paths` substitution that ends in one as it is
 * (`tryGetExtensionFromPath`).
 */
const KNOWN_EXTENSIONS = ['.d.ts', '.d.mts', '.d.cts', '.mjs', '.mts', '.cjs', '.cts', '.ts', '.js', '.tsx', '.jsx', '.json'];

const hasKnownExtension = (name: string): boolean => KNOWN_EXTENSIONS.some((extension) => name.endsWith(extension));

/**
 * The file TypeScript's module resolution gives a relative specifier, or one a `paths` alias maps,
 * when that is the first file it would try and the file exists; otherwise undefined, and
 * TypeScript is asked. Most imports of a project are relative or aliased and name a `.ts` file
 * that exists, and TypeScript's resolver spends most of its time on machinery these never reach
 * (caches per folder, package scopes, conditions, pattern parsing).
 *
 * The path is the specifier from the importer's folder, or an alias's first substitution from
 * `baseUrl` (or the tsconfig's folder). It is then answered in the order TypeScript tries
 * candidates (`nodeLoadModuleByRelativeName` → `loadModuleFromFile` → `tryAddingExtensions`):
 * - `x.js` under `node10`, `node16`, `nodenext` or `bundler`: `x.ts` comes first, in CommonJS and in
 *   ESM mode alike;
 * - `x`, except in ESM mode (`esm`: the resolution mode asked for is ESM, under `node16` or
 *   `nodenext`), where TypeScript adds no extension: `x.ts`, or else `x/index.ts` when no other file
 *   candidate exists and `x/package.json` does not;
 * - `x.y` with an extension TypeScript does not know, except in ESM mode: `x.d.y.ts` first (an
 *   arbitrary extension's declaration file), then `x.y.ts`.
 *
 * Never answered:
 * - `rootDirs` or `moduleSuffixes` (they change the candidates);
 * - a path through a `node_modules` folder (an external library, resolved with its package);
 * - a path naming a folder, holding a backslash, or a known extension other than `.js`;
 * - a substitution with an extension of its own.
 *
 * test/project/quick-resolve.test.ts holds every answer to TypeScript's own on generated layouts.
 */
export function quickTarget(ts: typeof TS, specifier: string, containingFile: string, options: TS.CompilerOptions, esm: boolean, fileExists: (file: string) => boolean): string | undefined {
  if (specifier.includes('\\') || options.rootDirs?.length || options.moduleSuffixes?.length) return undefined;
  // The kind the options imply when they name none (from `module`), as the compiler computes it;
  // not in the public typings, so a TypeScript without it is simply asked.
  const kindOf = (ts as unknown as { getEmitModuleResolutionKind?: (options: TS.CompilerOptions) => TS.ModuleResolutionKind }).getEmitModuleResolutionKind;
  if (!kindOf) return undefined;
  const kind = kindOf(options);
  const node = kind === ts.ModuleResolutionKind.Node16 || kind === ts.ModuleResolutionKind.NodeNext;
  if (!node && kind !== ts.ModuleResolutionKind.Node10 && kind !== ts.ModuleResolutionKind.Bundler) return undefined;
  const relative = specifier.startsWith('./') || specifier.startsWith('../');
  const mapped = relative ? `${path.dirname(containingFile)}/${specifier}` : aliased(specifier, options);
  if (mapped === undefined || mapped.split(/[\\/]/).includes('node_modules')) return undefined;
  // Only `node16` and `nodenext` in ESM mode leave a path without an extension unresolved. A
  // folder comes after every file candidate with a TypeScript extension, and under all but
  // `node10` after those with a JavaScript one too (node10 tries JavaScript in a second pass).
  // (JavaScript files are candidates whether or not `allowJs` is on: it only decides whether the program takes them in.)
  const beforeFolder = ['.ts', '.tsx', '.d.ts', ...(kind !== ts.ModuleResolutionKind.Node10 ? ['.js', '.jsx'] : [])];
  return firstCandidate(mapped, node && esm ? undefined : beforeFolder, fileExists);
}

/**
 * The path a `paths` alias maps a bare specifier to with its first substitution, as TypeScript
 * picks the alias (`matchPatternOrExact`): an exact key, else the pattern with the longest prefix
 * before its `*` (the first of equals). Undefined when none matches, or when the substitution
 * names a file with an extension (TypeScript then tries it as it is).
 */
function aliased(specifier: string, options: TS.CompilerOptions): string | undefined {
  const { paths } = options;
  if (!paths || specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const base = options.baseUrl ?? (options as { pathsBasePath?: string }).pathsBasePath;
  if (base === undefined) return undefined;
  let key: string | undefined = Object.hasOwn(paths, specifier) && !specifier.includes('*') ? specifier : undefined;
  let star = '';
  if (key === undefined) {
    let longest = -1;
    for (const pattern of Object.keys(paths)) {
      const at = pattern.indexOf('*');
      if (at < 0 || pattern.indexOf('*', at + 1) >= 0) continue;
      const prefix = pattern.slice(0, at);
      const suffix = pattern.slice(at + 1);
      if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix) && prefix.length > longest) {
        longest = prefix.length;
        key = pattern;
        star = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
    }
  }
  const substitution = key === undefined ? undefined : paths[key]?.[0];
  if (substitution === undefined || substitution.includes('\\') || hasKnownExtension(substitution)) return undefined;
  // As TypeScript substitutes (`replaceFirstStar`): a string replacement, so `$&` in the specifier means what it does to String#replace.
  const substituted = key!.includes('*') ? substitution.replace('*', star) : substitution;
  // Kept as written (a trailing `/` names a folder); TypeScript takes an absolute substitution as it is.
  return path.isAbsolute(substituted) ? substituted : `${base}/${substituted}`;
}

/**
 * The file TypeScript settles on for `mapped` (a path, not yet normalized), when it is the first
 * candidate that exists, or for a path without any extension, the folder's `index.ts` when none of
 * the file candidates before the folder exists and the folder has no package.json. `beforeFolder`:
 * the extensions TypeScript adds before it looks at a folder; undefined in ESM mode, where it adds
 * none.
 */
function firstCandidate(mapped: string, beforeFolder: readonly string[] | undefined, fileExists: (file: string) => boolean): string | undefined {
  const base = mapped.slice(mapped.lastIndexOf('/') + 1);
  if (base === '' || base === '.' || base === '..') return undefined;
  const candidate = path.resolve(mapped);
  if (base.endsWith('.js') && base !== '.js') {
    const first = `${candidate.slice(0, -'.js'.length)}.ts`;
    return fileExists(first) ? first : undefined;
  }
  if (!beforeFolder) return undefined;
  if (!base.includes('.')) {
    if (fileExists(`${candidate}.ts`)) return `${candidate}.ts`;
    if (beforeFolder.some((extension) => fileExists(`${candidate}${extension}`)) || fileExists(path.join(candidate, 'package.json'))) return undefined;
    const index = path.join(candidate, 'index.ts');
    return fileExists(index) ? index : undefined;
  }
  if (hasKnownExtension(base)) return undefined;
  const extension = base.slice(base.lastIndexOf('.'));
  if (fileExists(`${candidate.slice(0, -extension.length)}.d${extension}.ts`)) return undefined;
  return fileExists(`${candidate}.ts`) ? `${candidate}.ts` : undefined;
}
