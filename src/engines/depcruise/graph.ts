import path from 'node:path';
import type { GraphFile } from '../../checks/graph.js';
import { relativePosix } from '../../config/paths.js';
import type { ImportKind, ResolvedImport } from '../../project/imports.js';
import type { Diagnostic } from '../../project/model.js';
import { packageName } from '../../project/packages.js';
import type { Project } from '../../project/project.js';
import { readTsconfig } from '../../project/tsconfig.js';

interface CruisedDependency {
  module: string;
  resolved: string;
  dependencyTypes: string[];
  couldNotResolve: boolean;
  coreModule: boolean;
}

interface CruisedModule {
  source: string;
  dependencies: CruisedDependency[];
}

type Cruise = (files: string[], options: object, resolveOptions: object, transpileOptions: object) => Promise<{ output: { modules: CruisedModule[] } | string }>;

async function loadCruise(): Promise<Cruise | string> {
  try {
    // An optional peer: present when the project (or this package, in development) installed it.
    return ((await import('dependency-cruiser')) as unknown as { cruise: Cruise }).cruise;
  } catch (error) {
    return `dependency-cruiser could not be loaded (${(error as Error).message.split('\n')[0]}); install it with \`npm install --save-dev dependency-cruiser@17\``;
  }
}

const kindOf = (dependency: CruisedDependency): ImportKind => (dependency.dependencyTypes.includes('type-only') || dependency.dependencyTypes.includes('type-import') ? 'type' : 'value');

/**
 * The import graph as dependency-cruiser's `cruise()` sees it (TypeScript pre-compilation
 * dependencies, the project's tsconfig with `extends` flattened), with line numbers taken from our
 * own import records, so graph findings from either engine read the same.
 */
export async function depcruiseGraph(ours: ReadonlyMap<string, GraphFile>, project: Project): Promise<{ graph: Map<string, GraphFile>; diagnostics: Diagnostic[] }> {
  const { config } = project;
  const diagnostics: Diagnostic[] = [];
  const graph = new Map<string, GraphFile>();
  const cruise = await loadCruise();
  if (typeof cruise === 'string') return { graph, diagnostics: [{ kind: 'engine', file: undefined, message: cruise }] };
  const tsconfig = config.tsconfigs[0];
  // The API ignores `extends`: hand it the flattened options. Problems with the tsconfig are already
  // diagnostics from our own resolver, so they are not repeated here.
  const flattened = tsconfig ? readTsconfig(tsconfig) : undefined;
  const files = [...ours.keys()].map((file) => relativePosix(config.root, file));
  const { output } = await cruise(
    files,
    {
      baseDir: config.root,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      ...(tsconfig ? { tsConfig: { fileName: tsconfig } } : {}),
    },
    {},
    flattened?.parsed ? { tsConfig: flattened.parsed } : {},
  );
  const modules = typeof output === 'string' ? [] : output.modules;
  if (modules.length === 0) {
    diagnostics.push({ kind: 'engine', file: undefined, message: `dependency-cruiser found no modules among ${files.length} file(s); is typescript installed where it can find it?` });
  }
  for (const module of modules) {
    const file = path.resolve(config.root, module.source);
    const own = ours.get(file);
    if (!own) continue;
    const imports: ResolvedImport[] = module.dependencies.map((dependency) => {
      const written = kindOf(dependency);
      const record =
        own.imports.find((candidate) => candidate.specifier === dependency.module && candidate.kind === written) ?? own.imports.find((candidate) => candidate.specifier === dependency.module);
      // dependency-cruiser marks only `import type` as type-only; whether the emit keeps an import is
      // decided once, in our own records (runtime.ts), so both engines judge the same edges.
      const kind = record?.kind ?? written;
      const base = record ?? {
        specifier: dependency.module,
        kind,
        typeOnlyClause: false,
        sideEffect: false,
        form: 'import' as const,
        range: { line: 1, column: 0, endLine: 1, endColumn: 0 },
        names: [],
      };
      if (dependency.coreModule) return { ...base, kind, target: { type: 'package', name: dependency.module.replace(/^node:/, '').split('/')[0]!, builtin: true } };
      if (dependency.couldNotResolve) {
        // Whether a name that resolves to nothing is a package (declared) or unresolved (a project
        // folder, an undefined alias) is our resolver's call, so the engines agree on it.
        if (record && record.target.type !== 'file') return { ...base, kind, target: record.target };
        const name = packageName(dependency.module);
        return { ...base, kind, target: name ? { type: 'package', name, builtin: false } : { type: 'unresolved', reason: 'dependency-cruiser could not resolve it' } };
      }
      if (dependency.dependencyTypes.some((type) => type.startsWith('npm')) || dependency.resolved.includes('node_modules/')) {
        return { ...base, kind, target: { type: 'package', name: packageName(dependency.module) ?? dependency.module, builtin: false } };
      }
      const resolved = path.resolve(config.root, dependency.resolved);
      return { ...base, kind, target: { type: 'file', path: resolved, classification: project.classifier.classify(resolved) } };
    });
    graph.set(file, { path: file, classification: own.classification, imports });
  }
  return { graph, diagnostics };
}
