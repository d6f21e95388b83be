import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findConfigFile, loadConfigFile, resolveConfig } from '../../src/config/load.js';
import { createMemo } from '../../src/config/watch.js';
import { detectLayout } from '../../src/config/detect.js';
import { fixturePath, thrown } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-config-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const root = path.join(temporary, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('loading a config file', () => {
  it('resolves the allocation config: preset, layers, the tsconfig next to it, defaults', () => {
    const file = fixturePath('allocation', 'cosmic-lint.config.json');
    const config = loadConfigFile(file);
    expect(config.root).toBe(fixturePath('allocation'));
    expect(config.preset.name).toBe('recommended');
    expect(config.typeImports).toBe('allowed');
    expect(config.tsconfigs).toEqual([fixturePath('allocation', 'tsconfig.json')]);
    expect(config.layers.map((list) => list.name)).toEqual(['domain', 'service-layer', 'adapters', 'entrypoints', 'bootstrap', 'shared']);
    expect(config.detected).toEqual([]);
    expect(config.infrastructure.packages.has('typeorm')).toBe(true);
    expect(config.infrastructure.patterns).toContain('@aws-sdk/*');
  });

  it('finds the nearest config file upward and caches the walk', () => {
    const cache = createMemo<string, string | undefined>(false);
    const found = findConfigFile(fixturePath('allocation', 'src', 'allocation', 'domain'), cache);
    expect(found).toBe(fixturePath('allocation', 'cosmic-lint.config.json'));
    expect(cache.get(fixturePath('allocation', 'src'), () => 'not cached')).toBe(found);
  });

  it('loads a .mjs config synchronously (its default export)', () => {
    const root = project('mjs', {
      'cosmic-lint.config.mjs': "export default { preset: 'strict', layers: { domain: 'src/domain/**' }, typeImports: 'allowed' };",
    });
    const config = loadConfigFile(path.join(root, 'cosmic-lint.config.mjs'));
    expect(config.preset.name).toBe('strict');
    expect(config.typeImports).toBe('allowed');
  });

  it('reports a config that is not JSON with its file', () => {
    const root = project('bad-json', { 'cosmic-lint.config.json': '{ "preset": ' });
    const error = thrown(() => loadConfigFile(path.join(root, 'cosmic-lint.config.json')));
    expect(error.kind).toBe('config');
    expect(error.message).toMatch(/cosmic-lint\.config\.json: the config file is not valid JSON/);
  });

  it('reads comments and trailing commas (JSONC, like tsconfig.json), and names each syntax error with its line and column', () => {
    const root = project('jsonc', {
      'cosmic-lint.config.json': '{\n  // the book\'s layout\n  "preset": "strict", /* inline */\n  "layers": { "domain": "src/domain/**", },\n}\n',
    });
    expect(loadConfigFile(path.join(root, 'cosmic-lint.config.json')).preset.name).toBe('strict');
    const broken = project('jsonc-broken', { 'cosmic-lint.config.json': '{\n  "preset": "strict"\n  "layers": {}\n}\n' });
    const error = thrown(() => loadConfigFile(path.join(broken, 'cosmic-lint.config.json')));
    expect(error.message).toContain('the config file is not valid JSON (comments and trailing commas are fine): 3:3 comma expected');
  });

  it('reports an invalid config with its file and key path', () => {
    const root = project('bad-key', { 'cosmic-lint.config.json': JSON.stringify({ layers: { domain: 'src/**' }, unclassified: 'loud' }) });
    const error = thrown(() => loadConfigFile(path.join(root, 'cosmic-lint.config.json')));
    expect(error.message).toContain(`${path.join(root, 'cosmic-lint.config.json')}: invalid configuration`);
    expect(error.message).toContain('unclassified: expected one of off, warn, error, got "loud"');
  });

  it('reports a tsconfig named in the config that does not exist', () => {
    const root = project('missing-tsconfig', { 'cosmic-lint.config.json': JSON.stringify({ tsconfig: 'tsconfig.app.json', layers: { domain: 'src/**' } }) });
    expect(thrown(() => loadConfigFile(path.join(root, 'cosmic-lint.config.json'))).message).toMatch(/tsconfig: "tsconfig\.app\.json" does not exist/);
  });

  it("lets the config file's preset win over the ESLint config's hint, and the hint apply otherwise", () => {
    expect(resolveConfig({ preset: 'part1', layers: { domain: 'x' } }, temporary, 'test', { presetHint: 'strict' }).preset.name).toBe('part1');
    expect(resolveConfig({ layers: { domain: 'x' } }, temporary, 'test', { presetHint: 'strict' }).preset.name).toBe('strict');
    expect(resolveConfig({ layers: { domain: 'x' } }, temporary, 'test', { presetHint: 'strict' }).typeImports).toBe('forbidden');
  });

  it('adds and removes infrastructure packages', () => {
    const config = resolveConfig({ layers: { domain: 'x' }, infrastructure: { add: ['my-db', '@corp/*'], remove: ['pg'] } }, temporary, 'test');
    expect(config.infrastructure.packages.has('my-db')).toBe(true);
    expect(config.infrastructure.packages.has('pg')).toBe(false);
    expect(config.infrastructure.patterns).toContain('@corp/*');
  });
});

describe('layout detection', () => {
  it("detects the book's layout nested under src/allocation, with bootstrap and config", () => {
    const layout = detectLayout(fixturePath('layouts', 'book'));
    expect(layout.layers).toEqual([
      { name: 'domain', globs: ['src/allocation/domain/**'] },
      { name: 'service-layer', globs: ['src/allocation/service_layer/**'] },
      { name: 'adapters', globs: ['src/allocation/adapters/**'] },
      { name: 'entrypoints', globs: ['src/allocation/entrypoints/**'] },
      { name: 'bootstrap', globs: ['src/allocation/bootstrap.ts'] },
      { name: 'shared', globs: ['src/allocation/config.ts'] },
    ]);
    expect(layout.notes).toContain('service-layer: folder src/allocation/service_layer/');
  });

  it('maps clean-architecture spellings and says that container.ts is a guess', () => {
    const layout = detectLayout(fixturePath('layouts', 'clean-architecture'));
    expect(Object.fromEntries(layout.layers.map((list) => [list.name, list.globs]))).toEqual({
      domain: ['src/domain/**'],
      'service-layer': ['src/application/**'],
      adapters: ['src/infrastructure/**'],
      entrypoints: ['src/api/**'],
      bootstrap: ['src/container.ts'],
    });
    expect(layout.notes.find((note) => note.startsWith('bootstrap'))).toMatch(/a guess/);
  });

  it('a config without layers detects them and records what it found', () => {
    const config = resolveConfig({}, fixturePath('layouts', 'book'), 'cosmic-lint.config.json');
    expect(config.detected.slice(0, 2)).toEqual(['1 module (src/allocation)', 'domain: folder src/allocation/domain/']);
  });

  it('fails with a clear error when nothing looks like a layer', () => {
    const error = thrown(() => resolveConfig({}, fixturePath('layouts', 'flat'), 'detected layout'));
    expect(error.message).toMatch(/no layers are configured and none could be detected under .*flat: add a "layers" map/);
  });
});
