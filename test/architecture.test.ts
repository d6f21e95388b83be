import path from 'node:path';
import { expect, it } from 'vitest';
import { resolveConfig } from '../src/config/load.js';
import { discoverFiles } from '../src/project/discover.js';
import { buildProjectModel } from '../src/project/model.js';
import { projectFromConfig } from '../src/project/project.js';
import { REPO_ROOT } from './helpers.js';

/**
 * Our own layout (ARCHITECTURE.md), checked with our own project model: the stages a module may
 * import. Dependencies point one way, bin → cli → (config, project → checks, engines) → results →
 * report; rules/ depends on config, project and checks only. A back edge fails here.
 */
const ALLOWED: Record<string, string[]> = {
  bin: ['cli'],
  cli: ['config', 'project', 'checks', 'engines', 'results', 'report'],
  config: [],
  project: ['config'],
  checks: ['config', 'project'],
  engines: ['config', 'project', 'checks'],
  results: ['config', 'project', 'checks'],
  report: ['config', 'project', 'checks', 'results'],
  rules: ['config', 'project', 'checks'],
  index: ['config', 'project', 'checks', 'rules'],
};

function stageOf(file: string): string {
  const [top, second] = path.relative(REPO_ROOT, file).split(path.sep);
  if (top === 'rules') return 'rules';
  return second === 'index.ts' ? 'index' : second!;
}

it('the source follows its own pipeline: no module imports a later stage or the edge', () => {
  const config = resolveConfig({ include: ['src/**/*.ts', 'rules/**/*.ts'], layers: { shared: ['src/**', 'rules/**'] } }, REPO_ROOT, 'architecture test');
  const project = projectFromConfig(config);
  const model = buildProjectModel(project, discoverFiles([path.join(REPO_ROOT, 'src'), path.join(REPO_ROOT, 'rules')], project.classifier).files);
  expect(model.diagnostics).toEqual([]);
  expect(model.files.size).toBeGreaterThan(50);
  const backEdges: string[] = [];
  const seen = new Set<string>();
  for (const file of model.files.values()) {
    const from = stageOf(file.path);
    expect(Object.keys(ALLOWED), file.path).toContain(from);
    for (const imported of file.imports) {
      if (imported.target.type === 'unresolved') backEdges.push(`${path.relative(REPO_ROOT, file.path)}: '${imported.specifier}' does not resolve`);
      if (imported.target.type !== 'file') continue;
      const to = stageOf(imported.target.path);
      seen.add(`${from} -> ${to}`);
      if (to !== from && !ALLOWED[from]!.includes(to)) backEdges.push(`${path.relative(REPO_ROOT, file.path)} (${from}) imports ${imported.specifier} (${to})`);
    }
  }
  expect(backEdges).toEqual([]);
  // The check sees the pipeline's real edges, so it would see a back edge too.
  expect(seen).toContain('bin -> cli');
  expect(seen).toContain('rules -> checks');
  expect(seen).toContain('report -> results');
});
