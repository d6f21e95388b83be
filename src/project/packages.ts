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
