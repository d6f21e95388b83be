import picomatch from 'picomatch';
import { HTTP_SERVERS, packageList, onPackageList } from './infrastructure.js';
import type { PackageList } from './types.js';

/**
 * What the service layer must not know (`cosmic/service-layer-knows-no-http`): HTTP frameworks and
 * their error and status packages, whole (`express`), and the HTTP exports of packages the service
 * layer otherwise may use (`@nestjs/common#*Exception`: `Injectable` from the same package is
 * dependency injection, not HTTP). An entry is a package name or glob, or `package#name`, where the
 * name may be a glob too.
 */
export const HTTP_ENTRIES: readonly string[] = [
  ...HTTP_SERVERS,
  'express-serve-static-core',
  '@types/express',
  'http-errors',
  'http-status',
  'http-status-codes',
  '@nestjs/platform-express',
  '@nestjs/platform-fastify',
  // NestJS: HTTP exceptions and status, and the controller's request-side decorators and tokens
  '@nestjs/common#*Exception',
  '@nestjs/common#HttpStatus',
  '@nestjs/common#HttpCode',
  '@nestjs/common#Req',
  '@nestjs/common#Res',
  '@nestjs/common#Request',
  '@nestjs/common#Response',
  '@nestjs/common#Headers',
  '@nestjs/common#Body',
  '@nestjs/common#Param',
  '@nestjs/common#Query',
  '@nestjs/common#Controller',
  '@nestjs/common#Get',
  '@nestjs/common#Post',
  '@nestjs/common#Put',
  '@nestjs/common#Patch',
  '@nestjs/common#Delete',
  '@nestjs/common#Redirect',
  '@nestjs/common#Render',
  '@nestjs/common#StreamableFile',
  '@nestjs/core#REQUEST',
];

export interface HttpList {
  /** Packages known to be HTTP as a whole. */
  packages: PackageList;
  /** `package#name` entries: the package (name or glob), and the names (globs) it exports that are HTTP. */
  exports: Array<{ package: string; names: string[] }>;
  /** `package#name` entries taken out by `remove`. */
  removedExports: string[];
}

/** The HTTP list from its entries minus `removed` (whole packages as packageList does; a `package#name` entry by its exact text). */
export function httpList(entries: Iterable<string>, removed: readonly string[] = []): HttpList {
  const all = [...new Set(entries)];
  const named = all.filter((entry) => entry.includes('#') && !removed.includes(entry));
  const byPackage = new Map<string, string[]>();
  for (const entry of named) {
    const [pkg, name] = entry.split('#') as [string, string];
    byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), name]);
  }
  return {
    packages: packageList(
      all.filter((entry) => !entry.includes('#')),
      removed.filter((entry) => !entry.includes('#')),
    ),
    exports: [...byPackage].map(([pkg, names]) => ({ package: pkg, names })),
    removedExports: removed.filter((entry) => entry.includes('#')),
  };
}

const exportMatchers = new WeakMap<HttpList, Array<{ pkg: (name: string) => boolean; name: (name: string) => boolean }>>();

/**
 * Whether importing `name` (an exported name; `*` or `default` for the whole module) from `pkg`
 * is HTTP: the whole package is, or the name is one of its HTTP exports.
 */
export function isHttpImport(list: HttpList, pkg: string, name: string): boolean {
  if (onPackageList(list.packages, pkg)) return true;
  let matchers = exportMatchers.get(list);
  if (!matchers) {
    matchers = list.exports.map((entry) => ({ pkg: picomatch(entry.package), name: picomatch(entry.names) }));
    exportMatchers.set(list, matchers);
  }
  return matchers.some((matcher) => matcher.pkg(pkg) && matcher.name(name));
}
