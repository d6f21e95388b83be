/**
 * Generated projects for the fuzz suite (issue 11): a `ProjectSpec` is plain JSON data that
 * fast-check generates and shrinks; `writeProject` turns one into files on disk. A failing spec is
 * saved as JSON (fixtures/fuzz/*.json) and replayed byte for byte by test/fuzz/fuzz.test.ts.
 *
 * What varies: the config file (valid, invalid in type, preset, globs or JSON, a JS module, or
 * absent so the layout is detected), package.json (dependencies, sometimes broken), tsconfig.json
 * (paths/baseUrl aliases, compiler options that change the emit, sometimes broken), packages
 * installed in node_modules, a .gitignore, 1–12 source files in layer folders whose text mixes every
 * import form (to generated files, packages, built-ins, aliases, nowhere) with value and type uses,
 * garbage, deep nesting, BOMs and CRLF, under weird names (spaces, unicode, U+202E, ESC, line breaks,
 * `#`, `%`, `?`…), and symbolic links (inside the project, to outside, dangling, cycles).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export type Extension = '.ts' | '.tsx' | '.mts' | '.cts';

export type ImportForm =
  | 'named'
  | 'default'
  | 'namespace'
  | 'type-named'
  | 'inline-type'
  | 'side-effect'
  | 'export-from'
  | 'export-star'
  | 'export-star-as'
  | 'export-type-from'
  | 'require'
  | 'paren-require'
  | 'import-equals'
  | 'dynamic'
  | 'dynamic-with'
  | 'typeof-import'
  | 'import-type';

/** How a bound import is used afterwards: what decides runtime or type-only. */
export type Use = 'none' | 'value' | 'new' | 'type' | 'typeof' | 'extends' | 'implements' | 'decorated-param' | 'jsx' | 'jsx-intrinsic' | 'reexport';

export type TargetSpec =
  /** Another generated file (index modulo the file count), spelled as `style` says. */
  | { type: 'file'; index: number; style: 'relative-js' | 'relative-none' | 'relative-ts' | 'alias' | 'base-url' | 'folder' }
  | { type: 'package'; name: string; subpath: string }
  | { type: 'builtin'; name: string }
  | { type: 'raw'; specifier: string };

export type PartSpec =
  | { kind: 'import'; form: ImportForm; target: TargetSpec; imported: string; use: Use }
  | { kind: 'decl'; text: string }
  | { kind: 'garbage'; text: string }
  | { kind: 'deep'; shape: DeepShape; depth: number };

export type DeepShape = 'parens' | 'arrays' | 'objects' | 'calls' | 'blocks' | 'generics' | 'binary' | 'templates' | 'arrows' | 'ternaries';

export interface FileSpec {
  folder: string;
  name: string;
  ext: Extension;
  parts: PartSpec[];
  eol: '\n' | '\r\n';
  bom: boolean;
}

export type SymlinkSpec =
  | { kind: 'file'; folder: string; name: string; to: number }
  | { kind: 'folder'; folder: string; name: string; to: string }
  | { kind: 'cycle'; folder: string; name: string; up: number }
  | { kind: 'outside-file'; folder: string; name: string }
  | { kind: 'outside-folder'; folder: string; name: string }
  | { kind: 'dangling'; folder: string; name: string };

export type ConfigSpec =
  | { kind: 'absent' }
  /** Written as JSON (or, with `module`, as `export default …` in cosmic-lint.config.mjs). */
  | { kind: 'object'; value: Record<string, unknown>; module: boolean; valid: boolean }
  | { kind: 'raw'; text: string };

export type TsconfigSpec = { kind: 'absent' } | { kind: 'object'; value: Record<string, unknown>; jsonc: boolean } | { kind: 'raw'; text: string };

export interface ProjectSpec {
  config: ConfigSpec;
  packageJson: { kind: 'object'; dependencies: string[]; devDependencies: string[]; type: 'module' | 'commonjs' | null } | { kind: 'raw'; text: string };
  tsconfig: TsconfigSpec;
  /** Packages with a package.json and typings under node_modules. */
  installed: string[];
  gitignore: string | null;
  files: FileSpec[];
  symlinks: SymlinkSpec[];
  /** Options of the audit call: `--preset` and `--max-warnings`. */
  presetOverride: 'domain-only' | 'part1' | 'recommended' | 'strict' | null;
  maxWarnings: number | null;
  /** Also run the built binary under this locale and compare its JSON and exit code (slow: a process per run). */
  binaryLocale: 'C' | 'tr_TR.UTF-8' | 'sv_SE.UTF-8' | null;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const PACKAGES = [
  'pg',
  'typeorm',
  'express',
  '@nestjs/common',
  '@nestjs/cqrs',
  '@nestjs/typeorm',
  'redis',
  'ioredis',
  '@prisma/client',
  'mongoose',
  'knex',
  'lodash',
  'zod',
  'uuid',
  'axios',
  '@aws-sdk/client-s3',
  'kafkajs',
  'class-validator',
  'my-db-client',
  '@corp/http',
];
const SUBPATHS = ['', '', '', '/lib/client', '/fp', '/decorators', '/package.json', '/dist/index.js'];
const BUILTINS = ['fs', 'node:fs', 'path', 'node:path', 'crypto', 'node:crypto', 'child_process', 'node:child_process', 'http', 'events', 'node:test', 'node:sqlite', 'fs/promises', 'node:nope'];
const RAW_SPECIFIERS = [
  './does-not-exist.js',
  '../nowhere/at-all',
  'not-declared-anywhere',
  '@scope/not-declared',
  'src/adapters/repository',
  'src/domain/model',
  '@app/domain/nothing',
  '~/adapters/repository',
  '#internal',
  '',
  ' ',
  '.',
  '..',
  './',
  '/etc/passwd',
  'file:///tmp/x.js',
  'https://example.com/x.js',
  'data:text/javascript,export default 1',
  'pg\u001b[2J\u0007',
  './\u202emodel.js',
  './a\nb.js',
  '\\windows\\path',
  '../../../../../../../../tmp/escape.js',
  'typeorm/../../escape',
  '@',
  '@/',
  'node:',
];
const IMPORTED_NAMES = ['C', 'I', 'v', 'default', 'E', 'K', 'T', 'Repository', 'UnitOfWork', 'f', 'missing', 'Pool'];
const DECLARATIONS = [
  'export class C {}',
  'export interface I { x: number }',
  'export const v = 1;',
  'export default class {}',
  'export default interface DI {}',
  'export enum E { A, B }',
  'export const enum K { A }',
  'export type T = string;',
  'export abstract class Repository { abstract get(id: string): unknown }',
  'export class UnitOfWork { commit() {} }',
  'export function f(): void {}',
  "declare module 'not-declared-anywhere' { export const x: number; }",
  'namespace N { export const n = 1; }',
  'declare function Injectable(): ClassDecorator;',
  'export { v as w };',
  'export = 42;',
  '// a comment with U+2028\u2028 inside',
  '/* block\n comment */',
  'const s = `template ${1} line\nbreak`;',
  "const bidi = '\u202e\u2066 in a string';",
  'let x: Array<Record<string, number>> = [];',
  '@Injectable() export class Service { constructor(private readonly c: C) {} }',
  'export class Handler { async handle(): Promise<void> { await Promise.resolve(); } }',
  "if (Math.random()) { require('pg'); }",
  'const dynamicName = "pg"; require(dynamicName); import(dynamicName);',
  'export {};',
];
const GARBAGE = [
  '{{{',
  '}}}',
  ')',
  '<<<>>>',
  '@@',
  'import {',
  'import { x } from',
  'export * from;',
  '`${',
  '/*',
  '"unterminated',
  "'also",
  'class {',
  '=> =>',
  '\u0000',
  '\u001b[31m',
  '\u2028\u2029',
  '\ufeff',
  '\ud800',
  '#!/usr/bin/env node',
  '<div>',
  'enum {',
  'function function',
  'return;',
  'await',
  'yield*',
  'import.meta',
  'new.target',
  '}\n{',
  '\r',
  '</script>',
  'import("x"',
  'require(',
];
/** Name fragments: conventional names that give roles, names the detection knows, and hostile ones. */
const NAME_FRAGMENTS = [
  'model',
  'handlers',
  'repository',
  'unit-of-work',
  'message-bus',
  'views',
  'orm',
  'events',
  'commands',
  'notifications',
  'index',
  'bootstrap',
  'main',
  'config',
  'app.module',
  'AllocateHandler',
  'with space',
  'ünïcödé',
  'bidi\u202etxt',
  'iso\u2066x\u2069',
  'esc\u001b[31m',
  'bel\u0007',
  'new\nline',
  'cr\r',
  'tab\t',
  'hash#1',
  'pct%41',
  'q?x',
  'a:b',
  '[brackets]',
  '{braces}',
  '*star',
  'emoji😀',
  'c1\u009b',
  'del\u007f',
  'back\\slash',
  "quote'",
  'dq"',
  '$dollar',
  '~tilde',
  '-dash',
  '.hidden',
  'x.test',
  'x.spec',
  'x.d',
  'ls\u2028',
  'a,b',
  '<img>',
  '&amp',
  'pipe|tick`',
];

/** Folders files go in: the book's layer folders, a vertical slice, unclassified and excluded ones, and hostile names. */
export const FOLDERS = [
  'src',
  'src/domain',
  'src/domain/model',
  'src/service_layer',
  'src/service_layer/handlers',
  'src/adapters',
  'src/adapters/repositories',
  'src/entrypoints',
  'src/shared',
  'src/lib',
  'src/modules/order/domain',
  'src/modules/order/application',
  'src/modules/order/infrastructure',
  'src/tests',
  'src/weird dir',
  'src/ü#%?',
  'src/domain/\u202e',
  'lib',
];

/** Layer globs a valid config may use (over FOLDERS): no file matches two layers. */
const LAYER_GLOBS: Record<string, string[]> = {
  domain: ['src/domain/**', 'src/modules/*/domain/**'],
  'service-layer': ['src/service_layer/**', 'src/modules/*/application/**'],
  adapters: ['src/adapters/**', 'src/modules/*/infrastructure/**'],
  entrypoints: ['src/entrypoints/**'],
  bootstrap: ['src/bootstrap.ts', 'src/main.ts', 'src/app.module.ts'],
  shared: ['src/shared/**', 'src/config.ts'],
};

// ---------------------------------------------------------------------------------------------
// Arbitraries

const target: fc.Arbitrary<TargetSpec> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('file' as const), index: fc.nat(40), style: fc.constantFrom('relative-js', 'relative-none', 'relative-ts', 'alias', 'base-url', 'folder') }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('package' as const), name: fc.constantFrom(...PACKAGES), subpath: fc.constantFrom(...SUBPATHS) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('builtin' as const), name: fc.constantFrom(...BUILTINS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('raw' as const),
      specifier: fc.oneof(fc.constantFrom(...RAW_SPECIFIERS), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'grapheme-ascii', maxLength: 12 })),
    }),
  },
);

const importPart: fc.Arbitrary<PartSpec> = fc.record({
  kind: fc.constant('import' as const),
  form: fc.constantFrom<ImportForm>(
    'named',
    'named',
    'default',
    'namespace',
    'type-named',
    'inline-type',
    'side-effect',
    'export-from',
    'export-star',
    'export-star-as',
    'export-type-from',
    'require',
    'paren-require',
    'import-equals',
    'dynamic',
    'dynamic-with',
    'typeof-import',
    'import-type',
  ),
  target,
  imported: fc.constantFrom(...IMPORTED_NAMES),
  use: fc.constantFrom<Use>('none', 'value', 'value', 'new', 'type', 'type', 'typeof', 'extends', 'implements', 'decorated-param', 'jsx', 'jsx-intrinsic', 'reexport'),
});

// Garbage and deep nesting are rare per part (about one project in three has some), so most
// projects parse whole and reach the exit codes 0 and 1 too.
const part: fc.Arbitrary<PartSpec> = fc.oneof(
  { weight: 40, arbitrary: importPart },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('decl' as const), text: fc.constantFrom(...DECLARATIONS) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      text: fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'grapheme-ascii', maxLength: 30 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('deep' as const),
      shape: fc.constantFrom<DeepShape>('parens', 'arrays', 'objects', 'calls', 'blocks', 'generics', 'binary', 'templates', 'arrows', 'ternaries'),
      // Around the audit's fixed nesting limit (src/project/nesting.ts, 400) and far past it. Depths
      // in between once gave different results on two runs in one process (the parser's stack ran
      // out or not depending on the JIT); test/fuzz/too-deep.test.ts keeps that fixed.
      depth: fc.constantFrom(3, 50, 399, 401, 500, 1500, 3000, 20_000),
    }),
  },
);

const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NAME_FRAGMENTS) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NAME_FRAGMENTS), { minLength: 2, maxLength: 3 }).map((words) => words.join('-')) },
  // Anything Linux allows in a name but `/` and NUL, of a length every file system takes.
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }).map((text) => text.replace(/[/\u0000]/g, '_')) },
);

const file: fc.Arbitrary<FileSpec> = fc.record({
  folder: fc.constantFrom(...FOLDERS),
  name,
  ext: fc.constantFrom<Extension>('.ts', '.ts', '.ts', '.tsx', '.mts', '.cts'),
  parts: fc.array(part, { maxLength: 8 }),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\n', '\n', '\r\n'),
  bom: fc.constantFrom(false, false, false, true),
});

const folderNameOf = (candidate: FileSpec | SymlinkSpec) => `${candidate.folder}/${'ext' in candidate ? `${candidate.name}${candidate.ext}` : candidate.name}`;

const symlink: fc.Arbitrary<SymlinkSpec> = fc.oneof(
  fc.record({ kind: fc.constant('file' as const), folder: fc.constantFrom(...FOLDERS), name: fc.constantFrom('linked.ts', 'linked model.ts', 'handlers.ts', 'l\u202ek.ts'), to: fc.nat(40) }),
  fc.record({ kind: fc.constant('folder' as const), folder: fc.constantFrom(...FOLDERS), name: fc.constantFrom('linked', 'model', 'handlers'), to: fc.constantFrom(...FOLDERS) }),
  fc.record({ kind: fc.constant('cycle' as const), folder: fc.constantFrom(...FOLDERS), name: fc.constantFrom('loop', 'up'), up: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('outside-file' as const), folder: fc.constantFrom(...FOLDERS), name: fc.constantFrom('elsewhere.ts', 'outside model.ts') }),
  fc.record({ kind: fc.constant('outside-folder' as const), folder: fc.constantFrom(...FOLDERS), name: fc.constantFrom('vendor', 'outside') }),
  fc.record({ kind: fc.constant('dangling' as const), folder: fc.constantFrom(...FOLDERS), name: fc.constantFrom('dangling.ts', 'gone') }),
);

/** `null` four times in five. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

const globs = (value: string[]) => fc.subarray(value, { minLength: 1 });

/** A config the schema accepts: layers (or none, to detect them), roles, package lists, rule severities. */
const validConfig: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      preset: fc.constantFrom('domain-only', 'part1', 'recommended', 'strict'),
      layers: fc.record(Object.fromEntries(Object.entries(LAYER_GLOBS).map(([layer, list]) => [layer, fc.oneof(globs(list), fc.constant(list[0]!))])), { requiredKeys: [] }),
      include: fc.subarray(['src/**/*.ts', 'src/**/*.{ts,tsx,mts,cts}', '**/*.{ts,tsx,mts,cts}', 'lib/**'], { minLength: 1 }),
      exclude: fc.subarray(['**/*.test.ts', 'src/lib/**', '**/tests/**', '**/*.d.ts'], { minLength: 0 }),
      roles: fc.record(
        {
          handlers: fc.constant(['src/service_layer/handlers/**']),
          repository: fc.constant(['src/adapters/repositories/**']),
          none: fc.constant(['src/service_layer/ports/**']),
        },
        { requiredKeys: [] },
      ),
      infrastructure: fc.record({ add: fc.subarray(['my-http-client', '@corp/*', 'lodash']), remove: fc.subarray(['@nestjs/cqrs', 'pg', 'express']) }, { requiredKeys: [] }),
      persistence: fc.record({ add: fc.subarray(['my-db-client', 'zod']), remove: fc.subarray(['typeorm']) }, { requiredKeys: [] }),
      typeImports: fc.constantFrom('per-preset', 'allowed', 'forbidden'),
      unclassified: fc.constantFrom('off', 'warn', 'error'),
      rules: fc.dictionary(
        fc.constantFrom(
          'cosmic/layer-direction',
          'cosmic/no-layer-cycles',
          'cosmic/no-unresolved-imports',
          'cosmic/handlers-use-unit-of-work',
          'cosmic/domain-purity',
          'cosmic/no-transitive-violation',
        ),
        fc.constantFrom('off', 'warn', 'error'),
        { maxKeys: 3 },
      ),
      tsconfig: fc.constantFrom('tsconfig.json'),
    },
    { requiredKeys: [] },
  )
  .map((value) => ({ $schema: './node_modules/cosmic-lint/schema.json', ...value }));

/** Ways a config goes wrong: each a small edit of a valid one. */
const CONFIG_MUTATIONS: Array<(config: Record<string, unknown>) => Record<string, unknown>> = [
  (config) => ({ ...config, preset: 'strcit' }),
  (config) => ({ ...config, preset: 'strict\u001b[31m\u202e' }),
  (config) => ({ ...config, include: 3 }),
  (config) => ({ ...config, include: ['['] }),
  (config) => ({ ...config, include: ['**/{a'] }),
  (config) => ({ ...config, include: [''] }),
  (config) => ({ ...config, layers: { domian: ['src/domain/**'] } }),
  (config) => ({ ...config, layers: { domain: ['!src/domain/**'] } }),
  (config) => ({ ...config, layers: { domain: ['src/**'], adapters: ['src/adapters/**'] } }),
  (config) => ({ ...config, layers: { domain: 42 } }),
  (config) => ({ ...config, layers: [] }),
  (config) => ({ ...config, roles: { handlers: 5 } }),
  (config) => ({ ...config, roles: { handlers: ['src/**'], repository: ['src/adapters/**'] } }),
  (config) => ({ ...config, roles: { hanlders: ['src/**'] } }),
  (config) => ({ ...config, typeImports: 'maybe' }),
  (config) => ({ ...config, unclassified: 'loud' }),
  (config) => ({ ...config, rules: { 'cosmic/nope': 'error' } }),
  (config) => ({ ...config, rules: { 'cosmic/layer-direction': 'fatal' } }),
  (config) => ({ ...config, rules: { 'cosmic/layer-direction': ['error', { x: 1 }] } }),
  (config) => ({ ...config, tsconfig: 'tsconfig.missing.json' }),
  (config) => ({ ...config, tsconfig: 'tsconfig\u001b[31m\u202e.json' }),
  (config) => ({ ...config, tsconfig: ['tsconfig.json', 'nested/tsconfig.json'] }),
  (config) => ({ ...config, infrastructure: { add: 'pg' } }),
  (config) => ({ ...config, persistence: { remove: [null] } }),
  (config) => ({ ...config, unknownKey: true }),
  (config) => ({ ...config, ['\u202eevil\u001b[2J']: 1 }),
  (config) => ({ ...config, layers: { domain: ['src/domain/**'], '\u001b]0;title\u0007': ['x'] } }),
  (config) => ({ ...config, layers: { domain: ['src/\u0000/**'] } }),
  (config) => ({ ...config, include: ['../../**/*.ts'] }),
  (config) => ({ ...config, include: ['/etc/**'] }),
];

/** Raw config texts, the broken ones included: a config nested 20,000 deep is a config error naming the file (fixtures/fuzz/deeply-nested-config-is-a-config-error.json). */
const RAW_CONFIGS = [
  '',
  '{',
  '{ "preset": "recommended", }',
  '{ /* a comment */ "layers": { "domain": "src/domain/**", }, }',
  'null',
  '[]',
  '"recommended"',
  '42',
  'true',
  '{"layers": {"domain": "src/domain/**"}}\u0000',
  '\ufeff{"layers":{"domain":"src/domain/**"}}',
  `{"a":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}`,
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
];

const config: fc.Arbitrary<ConfigSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'absent' as const }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('object' as const), value: validConfig, module: fc.constantFrom(false, false, false, true), valid: fc.constant(true) }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validConfig, fc.nat(CONFIG_MUTATIONS.length - 1), fc.constantFrom(false, false, true))
      .map(([value, mutation, module]) => ({ kind: 'object' as const, value: CONFIG_MUTATIONS[mutation]!(value), module, valid: false })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.oneof(fc.constantFrom(...RAW_CONFIGS), fc.string({ unit: 'binary', maxLength: 40 })) }) },
);

const tsconfig: fc.Arbitrary<TsconfigSpec> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'absent' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('object' as const),
      value: fc.record(
        {
          compilerOptions: fc.record(
            {
              target: fc.constantFrom('ES2022', 'ESNext', 'ES5'),
              module: fc.constantFrom('NodeNext', 'ESNext', 'CommonJS', 'Preserve'),
              moduleResolution: fc.constantFrom('NodeNext', 'Bundler', 'Node10', 'Classic'),
              baseUrl: fc.constantFrom('.', 'src', './nope'),
              paths: fc.constantFrom<Record<string, unknown>>(
                { '@app/*': ['src/*'] },
                { '~/*': ['src/*'], '@app/*': ['src/*'] },
                { '*': ['types/*'] },
                { '@app/*': ['nowhere/*'] },
                { '@app/*': 'src/*' },
              ),
              verbatimModuleSyntax: fc.boolean(),
              isolatedModules: fc.boolean(),
              emitDecoratorMetadata: fc.boolean(),
              experimentalDecorators: fc.boolean(),
              strictNullChecks: fc.boolean(),
              allowImportingTsExtensions: fc.boolean(),
              jsx: fc.constantFrom('react', 'react-jsx', 'preserve'),
            },
            { requiredKeys: [] },
          ),
          include: fc.constantFrom(['src'], ['src', 'types'], ['**/*']),
          // An uninstalled base is a tsconfig diagnostic: now and then.
          extends: fc.constantFrom('./tsconfig.base.json', './tsconfig.base.json', './tsconfig.base.json', '@tsconfig/node20/tsconfig.json'),
        },
        { requiredKeys: ['compilerOptions', 'include'] },
      ),
      jsonc: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      text: fc.constantFrom('{ "compilerOptions": ', '{"compilerOptions": {"paths": 3}}', '[]', '', '\u0000', '{"extends": "./tsconfig.json"}', '{"compilerOptions": {"baseUrl": 7}}'),
    }),
  },
);

const packageJson: fc.Arbitrary<ProjectSpec['packageJson']> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('object' as const),
      dependencies: fc.subarray(PACKAGES),
      devDependencies: fc.subarray(['@types/node', 'typescript', 'vitest', 'express']),
      type: fc.constantFrom<'module' | 'commonjs' | null>('module', 'commonjs', null),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.constantFrom('{', '[]', 'null', '{"dependencies": 3}', '{"dependencies": {"pg": 1}}') }) },
);

export const projectArbitrary: fc.Arbitrary<ProjectSpec> = fc
  .record({
    config,
    packageJson,
    tsconfig,
    installed: fc.subarray(['pg', 'typeorm', 'express', '@nestjs/common', 'lodash']),
    gitignore: rarely(fc.constantFrom('src/lib/\n', '*.gen.ts\n', 'node_modules\n', '!src/domain\n[', 'src/domain/*.tsx\n')),
    files: fc.uniqueArray(file, { minLength: 1, maxLength: 12, selector: folderNameOf }),
    symlinks: fc.oneof({ weight: 3, arbitrary: fc.constant<SymlinkSpec[]>([]) }, { weight: 1, arbitrary: fc.array(symlink, { minLength: 1, maxLength: 2 }) }),
    presetOverride: rarely(fc.constantFrom('domain-only' as const, 'part1' as const, 'recommended' as const, 'strict' as const)),
    maxWarnings: rarely(fc.constantFrom(0, 3)),
    binaryLocale: fc.constant(null),
  })
  // A valid config names the tsconfig only when there is one (naming a missing one is a mutation above).
  .map((spec) => {
    if (spec.config.kind !== 'object' || !spec.config.valid || spec.tsconfig.kind !== 'absent' || !('tsconfig' in spec.config.value)) return spec;
    const value = { ...spec.config.value };
    delete value['tsconfig'];
    return { ...spec, config: { ...spec.config, value } };
  });

/** The same projects, each also run through the built binary under a locale (a process per run: for the long campaigns). */
export const projectWithBinaryArbitrary: fc.Arbitrary<ProjectSpec> = fc
  .tuple(projectArbitrary, fc.constantFrom('C' as const, 'tr_TR.UTF-8' as const, 'sv_SE.UTF-8' as const))
  .map(([spec, binaryLocale]) => ({ ...spec, binaryLocale }));

// ---------------------------------------------------------------------------------------------
// Rendering

const OUT_EXTENSION: Record<Extension, string> = { '.ts': '.js', '.tsx': '.js', '.mts': '.mjs', '.cts': '.cjs' };

/** The path of a generated file relative to the project. */
export function filePath(spec: FileSpec): string {
  return `${spec.folder}/${spec.name}${spec.ext}`;
}

function specifierOf(target: TargetSpec, from: FileSpec, files: readonly FileSpec[]): string {
  switch (target.type) {
    case 'package':
      return `${target.name}${target.subpath}`;
    case 'builtin':
      return target.name;
    case 'raw':
      return target.specifier;
    case 'file': {
      const to = files[target.index % files.length]!;
      const withinSrc = to.folder === 'src' ? '' : to.folder.replace(/^src\//, '');
      const relativeFolder = path.posix.relative(from.folder, to.folder);
      const prefix = relativeFolder === '' ? '.' : relativeFolder.startsWith('.') ? relativeFolder : `./${relativeFolder}`;
      switch (target.style) {
        case 'relative-js':
          return `${prefix}/${to.name}${OUT_EXTENSION[to.ext]}`;
        case 'relative-none':
          return `${prefix}/${to.name}`;
        case 'relative-ts':
          return `${prefix}/${to.name}${to.ext}`;
        case 'alias':
          return `@app/${withinSrc ? `${withinSrc}/` : ''}${to.name}`;
        case 'base-url':
          return `${to.folder}/${to.name}`;
        case 'folder':
          return prefix;
      }
    }
  }
}

function deep(shape: DeepShape, depth: number): string {
  const repeat = (open: string, middle: string, close: string) => `${open.repeat(depth)}${middle}${close.repeat(depth)}`;
  switch (shape) {
    case 'parens':
      return `export const deep = ${repeat('(', '1', ')')};`;
    case 'arrays':
      return `export const deep = ${repeat('[', '', ']')};`;
    case 'objects':
      return `export const deep = ${repeat('{a:', '1', '}')};`;
    case 'calls':
      return `export const deep = ${repeat('f(', '', ')')};`;
    case 'blocks':
      return repeat('{', 'require("pg");', '}');
    case 'generics':
      return `export type Deep = ${repeat('Array<', 'string', '>')};`;
    case 'binary':
      return `export const deep = 1${' + 1'.repeat(depth)};`;
    case 'templates':
      return `export const deep = ${repeat('`${', '1', '}`')};`;
    case 'arrows':
      return `export const deep = ${'() => '.repeat(depth)}1;`;
    case 'ternaries':
      return `export const deep = ${'a ? b : '.repeat(depth)}c;`;
  }
}

function renderImport(part: Extract<PartSpec, { kind: 'import' }>, index: number, from: FileSpec, files: readonly FileSpec[]): string {
  const specifier = JSON.stringify(specifierOf(part.target, from, files));
  // A JSX tag refers to a binding only when it starts with a capital (`<Repo />`); `<repo />` is an
  // intrinsic element, a string, and the compiler drops an import used only that way.
  const binding = part.use === 'jsx' ? `B${index}` : `b${index}`;
  const imported = part.imported;
  const lines: string[] = [];
  let bound = true;
  switch (part.form) {
    case 'named':
      lines.push(`import { ${imported} as ${binding} } from ${specifier};`);
      break;
    case 'default':
      lines.push(`import ${binding} from ${specifier};`);
      break;
    case 'namespace':
      lines.push(`import * as ${binding} from ${specifier};`);
      break;
    case 'type-named':
      lines.push(`import type { ${imported} as ${binding} } from ${specifier};`);
      break;
    case 'inline-type':
      lines.push(`import { type ${imported} as ${binding} } from ${specifier};`);
      break;
    case 'side-effect':
      lines.push(`import ${specifier};`);
      bound = false;
      break;
    case 'export-from':
      lines.push(`export { ${imported} as e${index} } from ${specifier};`);
      bound = false;
      break;
    case 'export-star':
      lines.push(`export * from ${specifier};`);
      bound = false;
      break;
    case 'export-star-as':
      lines.push(`export * as e${index} from ${specifier};`);
      bound = false;
      break;
    case 'export-type-from':
      lines.push(`export type { ${imported} as e${index} } from ${specifier};`);
      bound = false;
      break;
    case 'require':
      lines.push(`const ${binding} = require(${specifier});`);
      break;
    case 'paren-require':
      lines.push(`const ${binding} = (require)(${specifier});`);
      break;
    case 'import-equals':
      lines.push(`import ${binding} = require(${specifier});`);
      break;
    case 'dynamic':
      lines.push(`export const d${index} = () => import(${specifier});`);
      bound = false;
      break;
    case 'dynamic-with':
      lines.push(`export const d${index} = () => import(${specifier}, { with: { type: 'json' } });`);
      bound = false;
      break;
    case 'typeof-import':
      lines.push(`export type t${index} = typeof import(${specifier});`);
      bound = false;
      break;
    case 'import-type':
      lines.push(`export type u${index} = import(${specifier}).${imported === 'default' ? 'C' : imported};`);
      bound = false;
      break;
  }
  if (!bound) return lines.join('\n');
  switch (part.use) {
    case 'none':
      break;
    case 'value':
      lines.push(`export const use${index} = ${binding};`);
      break;
    case 'new':
      lines.push(`export const made${index} = new ${binding}();`);
      break;
    case 'type':
      lines.push(`export let typed${index}: ${binding};`);
      break;
    case 'typeof':
      lines.push(`export type Of${index} = typeof ${binding};`);
      break;
    case 'extends':
      lines.push(`export class Sub${index} extends ${binding} {}`);
      break;
    case 'implements':
      lines.push(`export class Impl${index} implements ${binding} {}`);
      break;
    case 'decorated-param':
      lines.push(`declare function Injectable${index}(): ClassDecorator;`, `@Injectable${index}() export class Injected${index} { constructor(private readonly dependency: ${binding}) {} }`);
      break;
    case 'jsx':
    case 'jsx-intrinsic':
      // JSX only parses in .tsx; elsewhere the same binding is used as a plain value.
      lines.push(from.ext === '.tsx' ? `export const element${index} = <${binding} />;` : `export const element${index} = ${binding};`);
      break;
    case 'reexport':
      lines.push(`export { ${binding} };`);
      break;
  }
  return lines.join('\n');
}

/** A file's text: its parts in order, with its own line ending and BOM. */
export function renderFile(spec: FileSpec, files: readonly FileSpec[]): string {
  const text = spec.parts
    .map((part, index) => {
      switch (part.kind) {
        case 'import':
          return renderImport(part, index, spec, files);
        case 'decl':
          return part.text;
        case 'garbage':
          return part.text;
        case 'deep':
          return deep(part.shape, part.depth);
      }
    })
    .join('\n');
  return `${spec.bom ? '\ufeff' : ''}${`${text}\n`.replace(/\n/g, spec.eol)}`;
}

function configText(spec: ConfigSpec): { name: string; text: string } | undefined {
  switch (spec.kind) {
    case 'absent':
      return undefined;
    case 'raw':
      return { name: 'cosmic-lint.config.json', text: spec.text };
    case 'object':
      return spec.module
        ? { name: 'cosmic-lint.config.mjs', text: `export default ${JSON.stringify(spec.value, null, 2)};\n` }
        : { name: 'cosmic-lint.config.json', text: `${JSON.stringify(spec.value, null, 2)}\n` };
  }
}

function write(root: string, relative: string, text: string): void {
  const file = path.join(root, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Creates a symbolic link, unless something is already there (two specs may name the same place). */
function link(target: string, at: string): void {
  fs.mkdirSync(path.dirname(at), { recursive: true });
  try {
    fs.lstatSync(at);
    return;
  } catch {
    fs.symlinkSync(target, at);
  }
}

/**
 * Writes the project to `root` (which must not exist or be empty) and what its links lead to
 * outside it to `outside`. Returns the files written, relative to `root`.
 */
export function writeProject(spec: ProjectSpec, root: string, outside: string): string[] {
  fs.mkdirSync(root, { recursive: true });
  const configFile = configText(spec.config);
  if (configFile) write(root, configFile.name, configFile.text);
  const pkg = spec.packageJson;
  write(
    root,
    'package.json',
    pkg.kind === 'raw'
      ? pkg.text
      : `${JSON.stringify({ name: 'fuzz-project', version: '1.0.0', ...(pkg.type ? { type: pkg.type } : {}), dependencies: Object.fromEntries(pkg.dependencies.map((dependency) => [dependency, '*'])), devDependencies: Object.fromEntries(pkg.devDependencies.map((dependency) => [dependency, '*'])) }, null, 2)}\n`,
  );
  if (spec.tsconfig.kind === 'object') {
    const text = JSON.stringify(spec.tsconfig.value, null, 2);
    write(root, 'tsconfig.json', spec.tsconfig.jsonc ? `// comments and trailing commas: tsconfig is JSONC\n${text.replace(/\n}$/, ',\n}')}\n` : `${text}\n`);
    if (spec.tsconfig.value['extends'] === './tsconfig.base.json') write(root, 'tsconfig.base.json', `${JSON.stringify({ compilerOptions: { strict: true } })}\n`);
  } else if (spec.tsconfig.kind === 'raw') {
    write(root, 'tsconfig.json', spec.tsconfig.text);
  }
  write(root, 'types/vendor.d.ts', "declare module 'my-db-client' { export const db: unknown; }\n");
  for (const name of spec.installed) {
    write(root, `node_modules/${name}/package.json`, `${JSON.stringify({ name, version: '1.0.0', main: 'index.js', types: 'index.d.ts' })}\n`);
    write(root, `node_modules/${name}/index.d.ts`, 'export declare class Pool {}\nexport declare const x: number;\n');
    write(root, `node_modules/${name}/index.js`, 'exports.Pool = class {};\n');
  }
  if (spec.gitignore !== null) write(root, '.gitignore', spec.gitignore);
  const written: string[] = [];
  for (const file of spec.files) {
    const relative = filePath(file);
    write(root, relative, renderFile(file, spec.files));
    written.push(relative);
  }
  write(outside, 'elsewhere.ts', "import { Pool } from 'pg';\nexport const pool = new Pool();\n");
  for (const symlink of spec.symlinks) {
    const at = path.join(root, symlink.folder, symlink.name);
    switch (symlink.kind) {
      case 'file': {
        const to = path.join(root, filePath(spec.files[symlink.to % spec.files.length]!));
        link(path.relative(path.dirname(at), to), at);
        break;
      }
      case 'folder':
        fs.mkdirSync(path.join(root, symlink.to), { recursive: true });
        link(path.relative(path.dirname(at), path.join(root, symlink.to)) || '.', at);
        break;
      case 'cycle':
        link(Array.from({ length: symlink.up }, () => '..').join('/'), at);
        break;
      case 'outside-file':
        link(path.join(outside, 'elsewhere.ts'), at);
        break;
      case 'outside-folder':
        link(outside, at);
        break;
      case 'dangling':
        link(path.join(root, 'missing', symlink.name), at);
        break;
    }
  }
  return written;
}

/** Where `baseline round trip` adds one new violating file: a folder the project already has, so the detected layout stays the same. */
export const NEW_FILE_NAME = 'zz-fuzz-new-file.ts';
export const NEW_FILE_TEXT = "import { Pool } from 'pg';\nimport { missing } from './zz-fuzz-missing.js';\nexport const pool = new Pool(missing);\n";
