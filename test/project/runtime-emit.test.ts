import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/cli/load-project.js';
import { discoverFiles } from '../../src/project/discover.js';
import { importRecordsOfSourceFile } from '../../src/project/imports-typescript.js';
import { buildProjectModel } from '../../src/project/model.js';
import { readTsconfig } from '../../src/project/tsconfig.js';
import { typescript } from '../../src/project/typescript.js';
import { REPO_ROOT } from '../helpers.js';

/** Every fixture project: a folder with a cosmic-lint config and a tsconfig.json beside it. */
function fixtureProjects(directory: string): string[] {
  const entries = fs.readdirSync(directory, { withFileTypes: true });
  const here = entries.some((entry) => entry.name === 'cosmic-lint.config.json') && entries.some((entry) => entry.name === 'tsconfig.json') ? [directory] : [];
  return [
    ...here,
    ...entries.filter((entry) => entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'syntax-error').flatMap((entry) => fixtureProjects(path.join(directory, entry.name))),
  ];
}

const libraryFiles = new Map<string, TS.SourceFile | undefined>();

/**
 * What the compiler's own emit keeps of each file: a program over the project's files with its
 * tsconfig's options (full type information, as `tsc` has it), emitted in memory; as ES modules,
 * the kept names of each import are visible, and `import x = require()` is compared in the
 * project's own module format, where it can be emitted. `key`: `<specifier>` for the module, `<specifier> <name>`
 * for each name an import or re-export still binds.
 */
function compilerEmit(ts: typeof TS, tsconfig: string, files: readonly string[], asEsm: boolean): Map<string, Set<string>> {
  const options = readTsconfig(tsconfig).parsed?.options ?? {};
  const emitOptions: TS.CompilerOptions = {
    ...options,
    ...(asEsm
      ? {
          module: ts.ModuleKind.ESNext,
          moduleResolution: options.moduleResolution ?? (options.module === ts.ModuleKind.CommonJS || options.module === undefined ? ts.ModuleResolutionKind.Node10 : ts.ModuleResolutionKind.Bundler),
        }
      : {}),
    noEmit: false,
    noEmitOnError: false,
    declaration: false,
    composite: false,
    incremental: false,
    sourceMap: false,
    outDir: path.join(path.dirname(tsconfig), '__emit__'),
    rootDir: path.dirname(tsconfig),
  };
  const host = ts.createCompilerHost(emitOptions);
  const read = host.getSourceFile.bind(host);
  // The default library files are the same for every fixture: parse them once for the whole suite.
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (!fileName.includes(`${path.sep}typescript${path.sep}lib${path.sep}`)) return read(fileName, languageVersion, ...rest);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    let source = libraryFiles.get(key);
    if (!source) libraryFiles.set(key, (source = read(fileName, languageVersion, ...rest)));
    return source;
  };
  const program = ts.createProgram({ rootNames: [...files], options: emitOptions, host });
  const kept = new Map<string, Set<string>>();
  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) continue;
    program.emit(source, (_name, text) => {
      const emitted = ts.createSourceFile('emitted.js', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
      const keys = new Set<string>();
      for (const record of importRecordsOfSourceFile(emitted)) {
        keys.add(record.specifier);
        for (const name of record.names) keys.add(`${record.specifier} ${name.imported}`);
      }
      kept.set(file, keys);
    });
  }
  return kept;
}

describe('runtime means what the emit keeps', () => {
  const ts = typescript();
  const projects = fixtureProjects(path.join(REPO_ROOT, 'fixtures'));

  it('finds the fixture projects, the emit cases among them', () => {
    expect(projects.length).toBeGreaterThan(20);
    for (const name of ['plain', 'verbatim', 'metadata', 'metadata-loose']) expect(projects).toContain(path.join(REPO_ROOT, 'fixtures', 'emit', name));
  });

  it.each(projects.map((project) => [path.relative(REPO_ROOT, project), project]))('%s: every import and every imported name is runtime exactly when the compiler keeps it', (_name, directory) => {
    const project = loadProject({ cwd: directory });
    const files = discoverFiles([directory], project.classifier).files.filter((file) => !file.endsWith('.js'));
    const model = buildProjectModel(project, files);
    const tsconfig = path.join(directory, 'tsconfig.json');
    const emitted = compilerEmit(ts, tsconfig, files, true);
    const hasImportEquals = [...model.files.values()].some((file) => file.imports.some((imported) => imported.form === 'import-equals'));
    const asWritten = hasImportEquals ? compilerEmit(ts, tsconfig, files, false) : emitted;
    const disagreements: string[] = [];
    const verdicts = { runtime: 0, erased: 0 };
    let judged = 0;
    for (const file of model.files.values()) {
      const keptAsEsm = emitted.get(file.path);
      const keptAsWritten = asWritten.get(file.path);
      if (!keptAsEsm || !keptAsWritten) continue;
      const relative = path.relative(directory, file.path);
      for (const imported of file.imports) {
        if (imported.form === 'type-query' || imported.form === 'require' || imported.form === 'dynamic') continue;
        // Two imports of one module in a file: the emit merges nothing, but only the module's presence is comparable.
        const twins = file.imports.filter((other) => other.specifier === imported.specifier && other.form !== 'type-query');
        const ours = twins.some((other) => other.kind === 'value');
        const kept = imported.form === 'import-equals' ? keptAsWritten : keptAsEsm;
        judged++;
        verdicts[ours ? 'runtime' : 'erased']++;
        if (ours !== kept.has(imported.specifier)) {
          disagreements.push(
            `${relative}:${imported.range.line} '${imported.specifier}': ours ${ours ? 'runtime' : 'erased'}, the compiler ${kept.has(imported.specifier) ? 'keeps it' : 'erases it'}`,
          );
        }
        for (const name of imported.names) {
          const key = `${imported.specifier} ${name.imported}`;
          // The ES module emit of `import x = require()` and of default/namespace bindings names no specifier to compare.
          if (imported.form === 'import-equals' || name.imported === '*' || name.imported === 'default') continue;
          const nameOurs = twins.some((other) => other.names.some((candidate) => candidate.imported === name.imported && candidate.kind === 'value'));
          verdicts[nameOurs ? 'runtime' : 'erased']++;
          if (nameOurs !== keptAsEsm.has(key)) {
            disagreements.push(
              `${relative}:${imported.range.line} '${imported.specifier}' { ${name.imported} }: ours ${nameOurs ? 'runtime' : 'erased'}, the compiler ${keptAsEsm.has(key) ? 'keeps it' : 'erases it'}`,
            );
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(judged).toBeGreaterThan(0);
    // The emit cases are built to have both answers; a change that calls everything one way fails here too.
    if (directory.includes(`${path.sep}emit${path.sep}`)) {
      expect(verdicts.runtime, 'imports and names the emit keeps').toBeGreaterThan(2);
      expect(verdicts.erased, 'imports and names the emit erases').toBeGreaterThan(2);
    }
  });
});
