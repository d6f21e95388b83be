// Generates a synthetic project in the Cosmic layout: layers, roles, a tsconfig alias, a realistic
// import mix (inward imports, type-only ports, packages, dynamic imports) and a few violations.
import fs from 'node:fs';
import path from 'node:path';

/** A small deterministic PRNG, so every run lints the same project. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHARE = { domain: 0.3, 'service-layer': 0.3, adapters: 0.25, entrypoints: 0.15 };
const INWARD = {
  domain: ['domain'],
  'service-layer': ['domain', 'service-layer'],
  adapters: ['domain', 'adapters', 'service-layer'],
  entrypoints: ['domain', 'service-layer', 'entrypoints'],
};
const PACKAGES = { domain: ['uuid', 'decimal.js'], 'service-layer': ['zod', 'uuid'], adapters: ['pg', 'typeorm', 'ioredis', 'axios'], entrypoints: ['express', 'zod'] };
const ROLE_NAMES = { domain: ['model', 'events', 'commands'], 'service-layer': ['handler', 'unit-of-work'], adapters: ['repository', 'orm'], entrypoints: ['controller'] };

export function generate(root, fileCount = 2000, seed = 42) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  fs.rmSync(root, { recursive: true, force: true });
  const files = [];
  for (const [layer, share] of Object.entries(SHARE)) {
    const count = Math.round(fileCount * share);
    for (let index = 0; index < count; index++) {
      const folder = `module${index % 20}`;
      const role = index % 7 === 0 ? pick(ROLE_NAMES[layer]) : `part${index}`;
      files.push({ layer, file: `src/${layer}/${folder}/${role}-${index}.ts`, name: `Thing${layer.replace('-', '')}${index}` });
    }
  }
  const byLayer = Object.fromEntries(Object.keys(SHARE).map((layer) => [layer, files.filter((entry) => entry.layer === layer)]));
  let violations = 0;
  for (const entry of files) {
    const lines = [];
    // Bindings the class below uses as values and as types: an import whose names are never used
    // is erased by the compiler, and the audit (rightly) no longer counts it as a dependency.
    const values = [];
    const types = [];
    const imports = 3 + Math.floor(next() * 6);
    for (let count = 0; count < imports; count++) {
      const roll = next();
      if (roll < 0.15) {
        lines.push(`import * as pkg${count} from '${pick(PACKAGES[entry.layer])}';`);
        values.push(`pkg${count}`);
        continue;
      }
      let targetLayer = pick(INWARD[entry.layer]);
      let typeOnly = false;
      if (roll > 0.985) {
        // domain → adapters, service layer → entrypoints, adapters → entrypoints, entrypoints → adapters at runtime
        targetLayer = entry.layer === 'domain' || entry.layer === 'entrypoints' ? 'adapters' : 'entrypoints';
        violations++;
      } else if (entry.layer === 'service-layer' && roll > 0.9) {
        targetLayer = 'adapters';
        typeOnly = true;
      }
      // Within a layer, import only earlier files: real code is mostly acyclic, and a random graph
      // full of cycles would measure cycle detection, not a codebase.
      const candidates = targetLayer === entry.layer ? byLayer[targetLayer].slice(0, byLayer[targetLayer].indexOf(entry)) : byLayer[targetLayer];
      if (candidates.length === 0) continue;
      const target = pick(candidates);
      const specifier = next() < 0.3 ? `@app/${target.file.slice(4).replace(/\.ts$/, '.js')}` : relative(entry.file, target.file);
      if (next() < 0.05 && !typeOnly) lines.push(`export const lazy${count} = () => import('${specifier}');`);
      else {
        const asType = typeOnly || next() < 0.2;
        lines.push(`import ${asType ? 'type ' : ''}{ ${target.name} as T${count} } from '${specifier}';`);
        (asType ? types : values).push(`T${count}`);
      }
    }
    lines.push('', `export class ${entry.name} {`, '  readonly id = Math.random();');
    if (values.length > 0) lines.push(`  static readonly uses = [${values.join(', ')}];`);
    if (types.length > 0) lines.push(`  declare readonly peers?: [${types.join(', ')}];`);
    for (let method = 0; method < 6; method++) {
      lines.push(`  method${method}(input: number): number {`, `    const doubled = input * ${method + 2};`, `    return doubled > 10 ? doubled - ${method} : doubled + this.id;`, '  }');
    }
    lines.push('}', '');
    fs.mkdirSync(path.dirname(path.join(root, entry.file)), { recursive: true });
    fs.writeFileSync(path.join(root, entry.file), lines.join('\n'));
  }
  // The packages the code imports are declared, as in a real project: an undeclared, uninstalled
  // name is unresolved, not a package.
  const dependencies = Object.fromEntries([...new Set(Object.values(PACKAGES).flat())].sort().map((name) => [name, '*']));
  fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies }, null, 2));
  fs.writeFileSync(
    path.join(root, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, baseUrl: '.', paths: { '@app/*': ['src/*'] } } }, null, 2),
  );
  fs.writeFileSync(
    path.join(root, 'cosmic-lint.config.json'),
    JSON.stringify({ preset: 'recommended', layers: Object.fromEntries(Object.keys(SHARE).map((layer) => [layer, `src/${layer}/**`])) }, null, 2),
  );
  // The same files as twenty bounded contexts, one per module number, each spanning its folder in
  // every layer: publishing everything (the boundaries hold: what contexts cost when nothing
  // crosses them), and publishing only commands and events (most cross-module imports break them).
  const modules = [...new Set(files.map((entry) => entry.file.split('/')[2]))].sort();
  const layers = Object.fromEntries(Object.keys(SHARE).map((layer) => [layer, `src/${layer}/**`]));
  const contexts = (publishes) => Object.fromEntries(modules.map((module) => [module, { root: Object.keys(SHARE).map((layer) => `src/${layer}/${module}`), ...publishes }]));
  fs.writeFileSync(path.join(root, 'cosmic-lint.contexts.json'), JSON.stringify({ preset: 'recommended', layers, contexts: contexts({ publishes: ['**'] }) }, null, 2));
  fs.writeFileSync(path.join(root, 'cosmic-lint.contexts-broken.json'), JSON.stringify({ preset: 'recommended', layers, contexts: contexts({}) }, null, 2));
  return { files: files.length, violations };
}

function relative(from, to) {
  const specifier = path.posix.relative(path.posix.dirname(from), to).replace(/\.ts$/, '.js');
  return specifier.startsWith('.') ? specifier : `./${specifier}`;
}
