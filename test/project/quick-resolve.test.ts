import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as TS from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { quickTarget } from '../../src/project/quick-resolve.js';
import { typescript } from '../../src/project/typescript.js';

const ts = typescript();

/**
 * The quick answer for relative specifiers against TypeScript's own module resolution, on a layout
 * built to make the candidates' order matter: every answer it gives must be TypeScript's, under
 * every resolution kind, in CommonJS and ESM mode, from .ts, .mts and .cts importers.
 */
const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-relative-')));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  'package.json': '{}',
  'src/a.ts': '',
  'src/b.tsx': '',
  'src/c.d.ts': '',
  'src/d.js': '',
  'src/both.ts': '',
  'src/both.tsx': '',
  'src/user.service.ts': '',
  'src/arb.service.ts': '',
  'src/arb.d.service.ts': '',
  'src/only.d.service.ts': '',
  'src/dir/index.ts': '',
  'src/twin.ts': '',
  'src/twin/index.ts': '',
  'src/.hidden.ts': '',
  'src/y.js.ts': '',
  'src/z.d.ts': '',
  'src/z.ts': '',
  'src/e.mts': '',
  'src/f.cts': '',
  'src/g.json': '{}',
  'src/node_modules/pkg/index.ts': '',
  'src/main.ts': '',
  'src/main.mts': '',
  'src/main.cts': '',
  'src/esm/package.json': '{ "type": "module" }',
  'src/esm/m.ts': '',
  'src/esm/main.ts': '',
  'src/ios/h.ios.ts': '',
  'src/ios/h.ts': '',
  'src/$&.ts': '',
  'src/w.mtsx.ts': '',
  'src/pj/package.json': '{ "types": "other.d.ts" }',
  'src/pj/index.ts': '',
  'src/pj/other.d.ts': '',
  'src/jsfirst.js': '',
  'src/jsfirst/index.ts': '',
  'src/jsxfirst.jsx': '',
  'src/jsxfirst/index.ts': '',
  'src/dtsfirst.d.ts': '',
  'src/dtsfirst/index.ts': '',
  'src/tsxonly/index.tsx': '',
  'src/dtsonly/index.d.ts': '',
  'src/deep/er/index.ts': '',
  'other/r.ts': '',
};
for (const [file, text] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

const specifiers = [
  './a',
  './a.js',
  './a.ts',
  './b',
  './b.js',
  './c',
  './c.js',
  './d',
  './d.js',
  './both',
  './both.js',
  './user.service',
  './user.service.js',
  './arb.service',
  './only.service',
  './dir',
  './dir/',
  './dir/index',
  './dir/index.js',
  './twin',
  './twin.js',
  './.hidden',
  './missing',
  './missing.js',
  '../src/a.js',
  '../src/a',
  './y.js',
  './y',
  './z',
  './z.js',
  './e.mjs',
  './e',
  './f.cjs',
  './g.json',
  './g',
  './node_modules/pkg/index.js',
  './node_modules/pkg',
  '.',
  '..',
  './',
  '../other/r.js',
  './esm/m.js',
  './esm/m',
  '../a.js',
  '../a',
  './ios/h.js',
  './ios/h',
  './a.js?x',
  './pj',
  './jsfirst',
  './jsxfirst',
  './dtsfirst',
  './tsxonly',
  './dtsonly',
  './deep/er',
  './deep',
  '@app/dir',
  '@app/pj',
  '@app/jsfirst',
  '@app/a',
  '@app/a.js',
  '@app/user.service',
  '@app/dir',
  '@app/dir/index',
  '@app/twin',
  '@app/deep/r',
  '@app/deep/r.js',
  '@app/missing',
  '@app/e.mjs',
  '@app/y.js',
  '@app/',
  '@app/esm/m',
  '@exact',
  '@multi/a',
  '@ext/a',
  '@nm/pkg/index',
  '@abs/a',
  '@dir/dir',
  'tail-a-x',
  '@dollar/$&',
  '@weird/w',
  'a',
  'fs',
  'user.service',
  '.\\a.js',
];
const importers = ['src/main.ts', 'src/main.mts', 'src/main.cts', 'src/esm/main.ts', 'src/ios/main.ts'];
const paths = {
  '@app/*': ['src/*'],
  '@app/deep/*': ['other/*'],
  '@exact': ['src/a'],
  '@multi/*': ['nope/*', 'src/*'],
  '@ext/*': ['src/*.ts'],
  '@nm/*': ['src/node_modules/*'],
  '@dollar/*': ['src/*'],
  '@abs/*': [`${root}/src/*`],
  '@dir/*': ['src/*/'],
  'tail-*-x': ['src/*'],
  // An extension TypeScript does not know: the substitution is a path like any other.
  '@weird/*': ['src/*.mtsx'],
};
const optionSets: Array<[string, TS.CompilerOptions]> = [
  ['node10', { moduleResolution: ts.ModuleResolutionKind.Node10 }],
  ['module commonjs (node10 implied)', { module: ts.ModuleKind.CommonJS }],
  ['node16', { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }],
  ['nodenext', { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext }],
  ['module nodenext (nodenext implied)', { module: ts.ModuleKind.NodeNext }],
  ['bundler', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
  ['module esnext (classic implied)', { module: ts.ModuleKind.ESNext }],
  ['classic', { moduleResolution: ts.ModuleResolutionKind.Classic }],
  ['node10 with rootDirs', { moduleResolution: ts.ModuleResolutionKind.Node10, rootDirs: [path.join(root, 'src'), path.join(root, 'other')] }],
  ['node10 with moduleSuffixes', { moduleResolution: ts.ModuleResolutionKind.Node10, moduleSuffixes: ['.ios', ''] }],
  ['bundler with arbitrary extensions', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, allowArbitraryExtensions: true }],
  ['bundler, paths from baseUrl', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, baseUrl: root, paths }],
  // What a tsconfig with paths and no baseUrl gives: paths from the tsconfig's folder.
  ['nodenext, paths from the tsconfig folder', { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, paths, pathsBasePath: root } as TS.CompilerOptions],
  ['node10, a catch-all alias', { moduleResolution: ts.ModuleResolutionKind.Node10, baseUrl: path.join(root, 'src'), paths: { '*': ['*', '../other/*'] } }],
];

describe('quickTarget', () => {
  for (const allowJs of [true, false]) {
    for (const [label, base] of optionSets) {
      it(`answers as TypeScript does, or not at all: ${label}${allowJs ? ', allowJs' : ''}`, () => {
        const options = { ...base, allowJs };
        const answered: string[] = [];
        for (const importer of importers) {
          const containingFile = path.join(root, importer);
          for (const specifier of specifiers) {
            for (const mode of [undefined, ts.ModuleKind.CommonJS, ts.ModuleKind.ESNext] as const) {
              const quick = quickTarget(ts, specifier, containingFile, options, mode === ts.ModuleKind.ESNext, ts.sys.fileExists);
              if (quick === undefined) continue;
              const { resolvedModule } = ts.resolveModuleName(specifier, containingFile, options, ts.sys, undefined, undefined, mode);
              expect({ importer, specifier, mode, target: resolvedModule && !resolvedModule.isExternalLibraryImport ? path.resolve(resolvedModule.resolvedFileName) : resolvedModule }).toEqual({
                importer,
                specifier,
                mode,
                target: quick,
              });
              answered.push(`${importer} ${specifier} ${mode === ts.ModuleKind.ESNext ? 'esm' : 'cjs'}`);
            }
          }
        }
        // Where it applies it answers the common forms (a test of the comparison above having something to compare).
        if (label.startsWith('node10 with') || label.includes('classic')) {
          expect(answered).toEqual([]);
        } else {
          expect(answered).toEqual(
            expect.arrayContaining(['src/main.ts ./a.js cjs', 'src/main.ts ./a cjs', 'src/main.ts ./user.service cjs', 'src/main.ts ./twin cjs', 'src/main.ts ./dir cjs', 'src/main.ts ./deep/er cjs']),
          );
          if (label.includes('paths'))
            expect(answered).toEqual(expect.arrayContaining(['src/main.ts @app/a cjs', 'src/main.ts @app/deep/r cjs', 'src/main.ts @exact cjs', 'src/main.ts @abs/a cjs', 'src/main.ts @weird/w cjs']));
          if (label.includes('catch-all')) expect(answered).toEqual(expect.arrayContaining(['src/main.ts a cjs', 'src/main.ts user.service cjs']));
          // In ESM mode node16 and nodenext add no extension: nothing without one is answered.
          const esmWithoutExtension = answered.filter((entry) => entry.endsWith(' esm') && !entry.includes('.js '));
          if (label.includes('node16') || label.includes('nodenext')) expect(esmWithoutExtension).toEqual([]);
          else expect(esmWithoutExtension).toContain('src/main.ts ./a esm');
        }
      });
    }
  }
});
