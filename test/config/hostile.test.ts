import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import cosmic from '../../src/index.js';
import { loadConfigFile } from '../../src/config/load.js';
import { configProblems, validateConfig } from '../../src/config/validate.js';
import { createClassifier } from '../../src/project/classify.js';
import { createProjectCache, projectForFile } from '../../src/project/project.js';
import { resolveConfig } from '../../src/config/load.js';
import { cli, thrown } from '../helpers.js';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-hostile-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));
let counter = 0;

/** A project whose config module is `source`, with one domain file. */
function withConfig(name: string, source: string): string {
  const root = path.join(temporary, `${counter++}`);
  fs.mkdirSync(path.join(root, 'src', 'domain'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src', 'domain', 'model.ts'), 'export const x = 1;\n');
  fs.writeFileSync(path.join(root, name), source);
  return root;
}

const HOSTILE_MODULES: Array<[string, string, RegExp]> = [
  [
    'a cyclic object',
    "const config = { layers: { domain: 'src/domain/**' } }; config.self = config; export default config;",
    /: invalid configuration: self refers back to itself \(a cyclic object\)/,
  ],
  ['a cycle under a known key', "const layers = { domain: 'src/domain/**' }; layers.domain = [layers]; export default { layers };", /layers\.domain\[0\] refers back to itself/],
  ['a throwing proxy', "export default new Proxy({}, { ownKeys() { throw new Error('no keys for you'); } });", /reading \(root\) threw: no keys for you/],
  ['a throwing getter', "export default { layers: { get domain() { throw new Error('boom'); } } };", /reading layers\.domain threw: boom/],
  ['a bigint', 'export default { preset: 10n };', /preset: expected one of .*, got 10/],
];

describe('a JS config that is not plain data', () => {
  for (const [what, source, expected] of HOSTILE_MODULES) {
    it(`is a config error naming the key, not a crash: ${what}`, () => {
      const root = withConfig('cosmic-lint.config.mjs', source);
      const error = thrown(() => loadConfigFile(path.join(root, 'cosmic-lint.config.mjs')));
      expect(error.kind).toBe('config');
      expect(error.message).toMatch(expected);
      expect(error.message.startsWith(path.join(root, 'cosmic-lint.config.mjs'))).toBe(true);
    });
  }

  it('exits 2 in the CLI with one clear line and no stack', async () => {
    for (const [what, source, expected] of HOSTILE_MODULES) {
      const root = withConfig('cosmic-lint.config.mjs', source);
      const run = await cli(['audit', root]);
      expect(run.status, what).toBe(2);
      expect(run.stderr).toMatch(expected);
      expect(run.stderr).not.toContain('internal error');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('configProblems reports a cycle as a problem instead of throwing', () => {
    const config: Record<string, unknown> = { preset: 'strict' };
    config['rules'] = config;
    expect(configProblems(config)).toEqual(['rules refers back to itself (a cyclic object); a config must be plain data']);
  });
});

describe('settings.cosmic in ESLint', () => {
  it('a cyclic settings.cosmic is a config error from projectForFile, not a stack overflow', () => {
    const settings: Record<string, unknown> = { layers: { domain: 'src/domain/**' } };
    (settings['layers'] as Record<string, unknown>)['adapters'] = settings;
    const error = thrown(() => projectForFile({ file: path.join(temporary, 'src', 'domain', 'model.ts'), settings, cwd: temporary }, createProjectCache()));
    expect(error.message).toBe('settings.cosmic: invalid configuration: layers.adapters refers back to itself (a cyclic object); a config must be plain data');
  });

  it("a cyclic settings.cosmic goes through ESLint's config-error path with the message", async () => {
    const root = withConfig('package.json', '{}');
    const settings: Record<string, unknown> = { layers: { domain: 'src/domain/**' } };
    settings['again'] = settings;
    const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [cosmic.configs.recommended, { settings: { cosmic: settings } }] });
    await expect(eslint.lintFiles(['src/domain/model.ts'])).rejects.toThrow(/settings\.cosmic: invalid configuration: again refers back to itself/);
  });
});

describe('globs that would backtrack for minutes', () => {
  const pathological = `src/${'*a'.repeat(30)}*c.ts`;

  it('rejects a layer or role glob with too many wildcards in one segment, naming the key and the glob', () => {
    expect(configProblems({ layers: { domain: pathological } })).toEqual([
      `layers.domain: "${pathological}" has 31 wildcards in one path segment; at most 2 are allowed (more make matching a long file name take minutes); use fewer "*" or split the glob into several`,
    ]);
    expect(configProblems({ roles: { handlers: ['src/**', `!${pathological}`] }, exclude: ['**/*a*b*c'] })).toEqual([
      expect.stringMatching(/^exclude\[0\]: "\*\*\/\*a\*b\*c" has 3 wildcards/),
      expect.stringMatching(/^roles\.handlers\[1\]: "!src\/\*a\*a.*" has 31 wildcards/),
    ]);
  });

  it('accepts the globs people write: globstars, two stars, extglob alternatives, escaped stars, the defaults', () => {
    for (const glob of ['src/**/*.ts', '**/*.{test,spec}.*', 'src/modules/*/useCases/**/!(index|*Controller|*DTO|*Errors|*Response).ts', 'src/\\*\\*\\*literal*.ts', 'src/*/*/*/*.ts']) {
      expect(configProblems({ layers: { domain: glob } }), glob).toEqual([]);
    }
  });

  it('the CLI fails with the config error instead of matching the glob against a long name', async () => {
    const root = withConfig('cosmic-lint.config.json', JSON.stringify({ layers: { domain: pathological } }));
    fs.writeFileSync(path.join(root, 'src', `${'a'.repeat(200)}.ts`), 'export const y = 1;\n');
    const run = await cli(['audit', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`layers.domain: "${pathological}" has 31 wildcards in one path segment`);
  });

  it('an accepted glob still matches as before', () => {
    const config = resolveConfig(validateConfig({ layers: { domain: 'src/*a*c.ts' } }, 'test'), temporary, 'test');
    const classifier = createClassifier(config);
    expect(classifier.classify(path.join(temporary, 'src', `${'a'.repeat(200)}c.ts`)).layer).toBe('domain');
    expect(classifier.classify(path.join(temporary, 'src', `${'a'.repeat(200)}.ts`)).layer).toBeUndefined();
  });
});

describe('globs past the bounds, however they arrive', () => {
  it('refuses too many "**" in one glob, and a hand-built config through the API at compile time', () => {
    expect(configProblems({ layers: { domain: '**/a*b/**/a*b/**/a*b/c.ts' } })).toEqual([
      'layers.domain: "**/a*b/**/a*b/**/a*b/c.ts" has 3 "**"; at most 2 are allowed (more make matching a deep path take minutes); spell out some folders, or split the glob into several',
    ]);
    expect(configProblems({ layers: { domain: 'src/**/**/domain/**/*.ts' } })).toEqual([]);
    const config = resolveConfig({ layers: { domain: 'src/**' } }, temporary, 'by hand');
    config.layers = [{ name: 'domain', globs: [`src/${'*a'.repeat(30)}*c.ts`] }];
    expect(thrown(() => createClassifier(config)).message).toMatch(/^by hand: invalid configuration: layers\.domain: "src\/\*a\*a.*" has 31 wildcards in one path segment/);
  });
});
