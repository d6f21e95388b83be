import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_SCHEMA } from '../../src/config/schema.js';
import { validatorSource } from '../../scripts/validator-source.mjs';
import { configProblems, validateConfig } from '../../src/config/validate.js';
import { CosmicError } from '../../src/config/errors.js';
import { fixturePath, REPO_ROOT } from '../helpers.js';
import path from 'node:path';

describe('config validation', () => {
  it('accepts the design README example', () => {
    expect(
      configProblems({
        $schema: './node_modules/cosmic-lint/schema.json',
        preset: 'recommended',
        include: ['src/**/*.{ts,tsx,mts,cts}'],
        exclude: ['**/*.test.ts'],
        tsconfig: 'tsconfig.json',
        layers: { domain: ['src/domain/**'], 'service-layer': ['src/service-layer/**'], bootstrap: ['src/bootstrap.ts'] },
        roles: { handlers: ['src/service-layer/handlers.ts'], 'unit-of-work': 'src/service-layer/unit-of-work.ts' },
        infrastructure: { add: ['my-db-client'], remove: [] },
        typeImports: 'per-preset',
        unclassified: 'warn',
        rules: { 'cosmic/command-handler-returns-nothing': 'error', 'cosmic/layer-direction': ['warn'] },
      }),
    ).toEqual([]);
  });

  it('accepts the example config in README.md', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const example = /## Describe your project[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(configProblems(JSON.parse(example!))).toEqual([]);
  });

  it('accepts every fixture config', () => {
    const configs = ['allocation', 'contexts', 'custom-layers', ...fs.readdirSync(fixturePath('violations')).map((name) => `violations/${name}`)];
    for (const config of configs) {
      const value: unknown = JSON.parse(fs.readFileSync(fixturePath(config, 'cosmic-lint.config.json'), 'utf8'));
      expect(configProblems(value), config).toEqual([]);
    }
  });

  it('names an unknown key, its path, and the closest valid key', () => {
    expect(configProblems({ layers: { domian: 'src/domain/**' } })).toEqual([
      'layers.domian: "domian" is not one of the book\'s layers (domain, service-layer, adapters, entrypoints, bootstrap, shared); did you mean "domain"?; a custom layer is an object: { "globs": "src/domain/**", "mayImport": [layers it may import] }',
    ]);
    expect(configProblems({ prest: 'strict' })[0]).toMatch(/^prest: unknown key "prest" \(did you mean "preset"\?\)/);
  });

  it('names a wrong enum value and what was expected', () => {
    expect(configProblems({ preset: 'strcit' })).toEqual(['preset: expected one of domain-only, part1, recommended, strict, got "strcit" (did you mean "strict"?)']);
    expect(configProblems({ typeImports: true })).toEqual(['typeImports: expected one of per-preset, allowed, forbidden, got true']);
  });

  it('explains a wrong glob list with its index path, not every oneOf branch', () => {
    expect(configProblems({ layers: { domain: ['src/domain/**', 3] } })).toEqual(['layers.domain: expected one glob or a list of globs, relative to the config file, got ["src/domain/**",3]']);
    expect(configProblems({ include: ['src/**', ''] })).toEqual(['include[1]: expected a non-empty string']);
    expect(configProblems({ exclude: 'dist/**' })).toEqual(['exclude: expected array, got "dist/**"']);
  });

  it('rejects unknown rule ids with a suggestion', () => {
    expect(configProblems({ rules: { 'cosmic/layer-directoin': 'error' } })[0]).toMatch(/^rules\.cosmic\/layer-directoin: unknown rule \(did you mean "cosmic\/layer-direction"\?\)/);
    expect(configProblems({ rules: { 'import/no-cycle': 'error' } })).toEqual(['rules: "import/no-cycle" is not a cosmic rule id (expected "cosmic/<rule>")']);
    expect(configProblems({ rules: { 'cosmic/layer-direction': 'on' } })[0]).toMatch(/^rules\.cosmic\/layer-direction: expected/);
  });

  it('accepts "!" globs in roles and the "none" entry, and the persistence list', () => {
    expect(
      configProblems({
        roles: { handlers: ['src/**/*-handler.ts', '!src/**/error-handler.ts'], none: ['src/infrastructure/services/**', '!src/infrastructure/services/x.ts'] },
        persistence: { add: ['@corp/db-*'], remove: ['ioredis'] },
        infrastructure: { remove: ['@nestjs/cqrs'] },
      }),
    ).toEqual([]);
  });

  it('names a misspelt role, "none" or list, with a suggestion', () => {
    expect(configProblems({ roles: { handler: 'src/**' } })[0]).toMatch(/^roles\.handler: unknown key "handler" \(did you mean "handlers"\?\); expected one of model, .*, event-publisher, none$/);
    expect(configProblems({ roles: { nnoe: 'src/**' } })[0]).toMatch(/^roles\.nnoe: unknown key "nnoe" \(did you mean "none"\?\)/);
    expect(configProblems({ persistance: { add: ['x'] } })[0]).toMatch(/^persistance: unknown key "persistance" \(did you mean "persistence"\?\)/);
    expect(configProblems({ persistence: { ad: ['x'] } })).toEqual(['persistence.ad: unknown key "ad" (did you mean "add"?); expected one of add, remove']);
  });

  it('explains "!" globs that mean nothing: alone, doubled, a whole list of them, or in layers', () => {
    expect(configProblems({ roles: { handlers: ['src/**', '!'] } })).toEqual(['roles.handlers[1]: "!" negates nothing; write "!" and a glob, e.g. "!src/**/error-handler.ts"']);
    expect(configProblems({ roles: { views: '!!src/views.ts' } })).toEqual([
      'roles.views: "!!src/views.ts" negates twice; a glob takes one "!" at most',
      'roles.views: every glob is negated, so the role would match no file: a "!" glob only takes files out of the same list\'s other globs. List the files the role takes, or put the files that must not have it under roles.none',
    ]);
    expect(configProblems({ roles: { handlers: ['!src/**/error-handler.ts'] } })).toEqual([
      'roles.handlers: every glob is negated, so the role would match no file: a "!" glob only takes files out of the same list\'s other globs. List the files the role takes, or put the files that must not have it under roles.none',
    ]);
    expect(configProblems({ roles: { none: '!src/x.ts' } })).toEqual([
      'roles.none: every glob is negated, so this list would match no file: a "!" glob only takes files out of the same list\'s other globs. List the files that get no role',
    ]);
    expect(configProblems({ layers: { domain: ['src/domain/**', '!src/domain/legacy/**'] } })).toEqual([
      'layers.domain[1]: "!src/domain/legacy/**" is a negated glob, which only "roles" supports; narrow this layer\'s other globs instead, or add the files to "exclude"',
    ]);
  });

  it('accepts contexts as a folder, a list of folders, or { root, publishes, sharedKernel }', () => {
    expect(
      configProblems({
        contexts: {
          allocation: 'src/allocation',
          iam: ['src/lib/iam', './src/iam/'],
          orders: { root: 'src/orders', publishes: ['domain/events.ts', 'contracts/**'] },
          'shared-kernel': { root: 'src/shared', sharedKernel: true },
        },
      }),
    ).toEqual([]);
  });

  it('explains what a context cannot be: a glob, outside the project, inside another, a bad name, a negated publishes glob', () => {
    const contexts = {
      modules: 'src/modules/*',
      outside: '../elsewhere',
      orders: { root: 'src/orders', publishes: '!domain/model.ts' },
      billing: ['src/orders/billing', 'src/billing', 'src/billing/'],
    };
    // A bad name is the schema's: it is said alone, before what the folders have wrong.
    expect(configProblems({ contexts: { ...contexts, 'bad name': 'src/bad' } })).toEqual([
      'contexts: "bad name" is not a usable context name (letters, digits, "_", "-" and ".", starting with a letter or digit)',
    ]);
    expect(configProblems({ contexts })).toEqual([
      'contexts.modules: "src/modules/*" is a glob; a context\'s root is a folder (list several folders if the context spans them)',
      'contexts.outside: "../elsewhere" is outside the config\'s folder; put the config file above every context',
      'contexts.orders.publishes: "!domain/model.ts" is a negated glob; list what the context publishes',
      'contexts: "src/orders" (orders) and "src/orders/billing" (billing) overlap; a file belongs to one context, so no context\'s folder may hold another\'s',
      'contexts.billing: "src/billing" and "src/billing" overlap; list each folder once',
    ]);
    expect(configProblems({ contexts: { orders: { publishes: 'x.ts' } } })).toEqual([
      'contexts.orders: expected a folder, a list of folders, or an object with root (required), publishes and sharedKernel, got {"publishes":"x.ts"}',
    ]);
  });

  it('accepts custom layers beside the book’s, and explains a misspelt layer, a custom one written as globs, and a layer it names that does not exist', () => {
    expect(configProblems({ layers: { domain: 'src/domain/**', jobs: { globs: 'src/jobs/**', mayImport: ['domain', 'utils'] }, utils: { globs: ['src/utils/**'], importedBy: ['*'] } } })).toEqual([]);
    expect(configProblems({ layers: { domian: ['src/domain/**'] } })).toEqual([
      'layers.domian: "domian" is not one of the book\'s layers (domain, service-layer, adapters, entrypoints, bootstrap, shared); did you mean "domain"?; a custom layer is an object: { "globs": ["src/domain/**"], "mayImport": [layers it may import] }',
    ]);
    expect(configProblems({ layers: { jobs: { globs: 'src/jobs/**', mayImport: ['servise-layer'], importedBy: ['nobody'] }, Jobs2: { globs: 'x/**' } } })).toEqual([
      'layers: "Jobs2" is not a usable layer name (lower-case letters, digits and "-", starting with a letter)',
    ]);
    expect(configProblems({ layers: { jobs: { globs: 'src/jobs/**', mayImport: ['servise-layer'], importedBy: ['nobody'] } } })).toEqual([
      'layers.jobs.mayImport[0]: "servise-layer" is no layer of this config (did you mean "service-layer"?); expected one of domain, service-layer, adapters, entrypoints, bootstrap, shared, jobs',
      'layers.jobs.importedBy[0]: "nobody" is no layer of this config; expected one of domain, service-layer, adapters, entrypoints, bootstrap, shared, jobs, or "*" for every layer',
    ]);
    expect(configProblems({ layers: { jobs: { globs: '!src/jobs/**' } } })).toEqual([
      'layers.jobs.globs: "!src/jobs/**" is a negated glob, which only "roles" supports; narrow this layer\'s other globs instead, or add the files to "exclude"',
    ]);
  });

  it('rejects a non-object with a root path', () => {
    expect(configProblems([])).toEqual(['(root): expected object, got []']);
  });

  it('throws one config error listing every problem, with the file, and a stack that is just the message', () => {
    let caught: unknown;
    try {
      validateConfig({ preset: 'nope', layers: { domian: 'x' } }, 'cosmic-lint.config.json');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CosmicError);
    const error = caught as CosmicError;
    expect(error.kind).toBe('config');
    expect(error.message).toBe(
      'cosmic-lint.config.json: invalid configuration:\n' +
        '  - preset: expected one of domain-only, part1, recommended, strict, got "nope"\n' +
        '  - layers.domian: "domian" is not one of the book\'s layers (domain, service-layer, adapters, entrypoints, bootstrap, shared); did you mean "domain"?; a custom layer is an object: { "globs": "x", "mayImport": [layers it may import] }',
    );
    expect(error.stack).not.toMatch(/\bat /);
  });

  it('ships the precompiled validator equal to what the schema compiles to (run `npm run schema` after changing the schema)', () => {
    const shipped = fs.readFileSync(path.join(REPO_ROOT, 'src', 'config', 'schema-validator.generated.cjs'), 'utf8');
    expect(shipped).toBe(validatorSource(CONFIG_SCHEMA));
  });

  it('ships schema.json equal to the schema the loader validates with', () => {
    const shipped: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });
});
