import { isBuiltin } from 'node:module';

/** True for `./x`, `../x`, `/x` and Windows drive paths: specifiers that name a file, not a package. */
export function isPathSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/') || /^[A-Za-z]:[\\/]/.test(specifier);
}

/** `node:fs/promises` and `fs/promises` are both the built-in `fs`. */
export function builtinName(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return specifier.slice(5).split('/')[0];
  return isBuiltin(specifier) ? specifier.split('/')[0] : undefined;
}

const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i;

/** The package a bare specifier names (`@scope/pkg/sub` → `@scope/pkg`), or undefined when it cannot be one. */
export function packageName(specifier: string): string | undefined {
  if (isPathSpecifier(specifier) || specifier.startsWith('#')) return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return PACKAGE_NAME.test(name) ? name : undefined;
}

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The packages a parsed package.json makes importable from its folder: every dependency field, the
 * package itself (a self-reference through its `exports`), and for `@types/x` (or
 * `@types/scope__x`) the package `x` (`@scope/x`) whose types it provides.
 */
export function declaredPackages(manifest: unknown): string[] {
  if (typeof manifest !== 'object' || manifest === null) return [];
  const record = manifest as Record<string, unknown>;
  const names = DEPENDENCY_FIELDS.flatMap((field) => {
    const value = record[field];
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
  });
  if (typeof record['name'] === 'string') names.push(record['name']);
  for (const name of [...names]) {
    if (!name.startsWith('@types/')) continue;
    const typed = name.slice('@types/'.length);
    names.push(typed.includes('__') ? `@${typed.replace('__', '/')}` : typed);
  }
  return names;
}
