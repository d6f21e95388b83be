import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import cosmic from '../../src/index.js';
import { beginLint } from '../../src/config/watch.js';
import { createProjectCache, projectForFile, resolveImports } from '../../src/project/project.js';

/**
 * An editor keeps one ESLint process and lints as the user types, while configs, tsconfigs and
 * other files change on disk (an edit, a refactor, a branch switch). The plugin's caches must answer
 * the next lint after any change as a fresh process would, however little time has passed: these
 * tests lint back to back, with no pause, in one process.
 */
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

let root: string;
function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-editor-'));
  roots.push(root);
  write('cosmic-lint.config.json', JSON.stringify({ preset: 'recommended', layers: { domain: 'src/domain/**', adapters: 'src/adapters/**' } }));
  write('package.json', JSON.stringify({ name: 'editor', dependencies: {} }));
  write('src/adapters/repository.ts', 'export class SqlRepository {}\n');
  write('src/domain/model.ts', "import { SqlRepository } from '../adapters/repository';\nexport const repository = new SqlRepository();\n");
});

/** The plugin's caches live as long as the process, as in an editor's language server, whichever ESLint instance lints. */
async function lintModel(): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [cosmic.configs.recommended] });
  const file = path.join(root, 'src', 'domain', 'model.ts');
  const [result] = await eslint.lintText(fs.readFileSync(file, 'utf8'), { filePath: file });
  return result!.messages.map((message) => `${message.ruleId}:${message.line}`);
}

describe('the plugin in a process that lives on (an editor)', () => {
  it('sees an edited config on the very next lint', async () => {
    expect(await lintModel()).toEqual(['cosmic/layer-direction:1']);
    // The adapters folder becomes part of the domain: the import is now within one layer.
    write('cosmic-lint.config.json', JSON.stringify({ preset: 'recommended', layers: { domain: ['src/domain/**', 'src/adapters/**'] } }));
    expect(await lintModel()).toEqual([]);
    write('cosmic-lint.config.json', JSON.stringify({ preset: 'recommended', layers: { domain: 'src/domain/**', adapters: 'src/adapters/**' } }));
    expect(await lintModel()).toEqual(['cosmic/layer-direction:1']);
  });

  it('reports an imported file deleted since the last lint as unresolved, and a restored one by its layer again', async () => {
    expect(await lintModel()).toEqual(['cosmic/layer-direction:1']);
    fs.rmSync(path.join(root, 'src', 'adapters', 'repository.ts'));
    expect(await lintModel()).toEqual(['cosmic/no-unresolved-imports:1']);
    write('src/adapters/repository.ts', 'export class SqlRepository {}\n');
    expect(await lintModel()).toEqual(['cosmic/layer-direction:1']);
  });

  it('sees a new config file nearer the linted file', async () => {
    expect(await lintModel()).toEqual(['cosmic/layer-direction:1']);
    write('src/cosmic-lint.config.json', JSON.stringify({ preset: 'recommended', layers: { domain: ['domain/**', 'adapters/**'] } }));
    expect(await lintModel()).toEqual([]);
    fs.rmSync(path.join(root, 'src', 'cosmic-lint.config.json'));
    expect(await lintModel()).toEqual(['cosmic/layer-direction:1']);
  });

  it('sees a tsconfig alias added since the last lint', async () => {
    write('src/domain/model.ts', "import { SqlRepository } from '@adapters/repository';\nexport const repository = new SqlRepository();\n");
    expect(await lintModel()).toEqual(['cosmic/no-unresolved-imports:1']);
    write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@adapters/*': ['src/adapters/*'] } } }));
    expect(await lintModel()).toEqual(['cosmic/layer-direction:1']);
    write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: {} } }));
    expect(await lintModel()).toEqual(['cosmic/no-unresolved-imports:1']);
  });

  it('sees a re-exported class become an interface: the re-export is then erased, no longer a runtime dependency', async () => {
    write('cosmic-lint.config.json', JSON.stringify({ layers: { domain: 'src/domain/**', 'service-layer': 'src/service/**', adapters: 'src/adapters/**' } }));
    write('src/adapters/index.ts', "export * from './repository';\n");
    // The same text throughout: what the emit keeps depends on what SqlRepository is, two files away.
    write('src/service/ports.ts', "export { SqlRepository } from '../adapters';\n");
    const lintPorts = async (): Promise<string[]> => {
      const file = path.join(root, 'src', 'service', 'ports.ts');
      const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [cosmic.configs.recommended] });
      const [result] = await eslint.lintText(fs.readFileSync(file, 'utf8'), { filePath: file });
      return result!.messages.map((message) => `${message.ruleId}:${message.messageId}`);
    };
    expect(await lintPorts()).toEqual(['cosmic/layer-direction:valueWhereTypeOnly']);
    write('src/adapters/repository.ts', 'export interface SqlRepository {\n  id: string;\n}\n');
    expect(await lintPorts()).toEqual([]);
    write('src/adapters/repository.ts', 'export class SqlRepository {}\n');
    expect(await lintPorts()).toEqual(['cosmic/layer-direction:valueWhereTypeOnly']);
  });

  it('sees a package installed or removed since the last lint', async () => {
    write('src/domain/model.ts', "import { Pool } from 'pg';\nexport const pool = new Pool();\n");
    expect(await lintModel()).toEqual(['cosmic/no-unresolved-imports:1']);
    write('node_modules/pg/package.json', JSON.stringify({ name: 'pg', main: 'index.js', types: 'index.d.ts' }));
    write('node_modules/pg/index.d.ts', 'export declare class Pool {}\n');
    expect(await lintModel()).toEqual(['cosmic/domain-purity:1']);
    fs.rmSync(path.join(root, 'node_modules'), { recursive: true });
    expect(await lintModel()).toEqual(['cosmic/no-unresolved-imports:1']);
  });
});

describe('a watching project cache', () => {
  it('keeps the same project and answers while nothing changes, and makes new ones when the config changes', () => {
    const file = path.join(root, 'src', 'domain', 'model.ts');
    const cache = createProjectCache({ watch: true });
    const records = [
      { specifier: '../adapters/repository', form: 'import', kind: 'value', typeOnlyClause: false, sideEffect: true, names: [], range: { line: 1, column: 0, endLine: 1, endColumn: 1 } },
    ] as never;
    beginLint();
    const first = projectForFile({ file }, cache);
    const answer = resolveImports(first, file, records)[0]!.target;
    for (let lint = 0; lint < 3; lint += 1) {
      beginLint();
      const again = projectForFile({ file }, cache);
      expect(again).toBe(first);
      expect(resolveImports(again, file, records)[0]!.target).toEqual(answer);
    }
    write('cosmic-lint.config.json', JSON.stringify({ preset: 'strict', layers: { domain: 'src/domain/**' } }));
    beginLint();
    const changed = projectForFile({ file }, cache);
    expect(changed).not.toBe(first);
    expect(changed.config.preset.name).toBe('strict');
  });

  it('without watch (one audit) answers from the cache whatever happens on disk', () => {
    const file = path.join(root, 'src', 'domain', 'model.ts');
    const cache = createProjectCache();
    const first = projectForFile({ file }, cache);
    write('cosmic-lint.config.json', JSON.stringify({ preset: 'strict', layers: { domain: 'src/domain/**' } }));
    beginLint();
    expect(projectForFile({ file }, cache)).toBe(first);
  });
});
