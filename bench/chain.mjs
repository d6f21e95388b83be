// `node bench/chain.mjs [--depths 5000,10000,20000,50000] [--origins 100] [--runs 1] [--end adapter|package] [--keep]`
//
// Scale edges of the whole-project checks (issue 11, item 8): an import chain N files deep, with
// `--origins` domain files importing its head and the last file importing an adapter, so every
// origin reaches the adapter only through the chain. Runs `cosmic-lint audit --format json` in a
// fresh process per depth and prints wall time, peak memory (max RSS), the JSON report's size and
// the number of findings, so the curve over depths shows whether the audit stays near-linear.
// The chain's files are in the shared layer: allowed hops for the domain, which the search must walk.
// `--end package`: the last file imports `pg` instead, which the shared layer may but the domain may
// not reach, so every origin has a transitive violation through the whole chain.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'dist', 'src', 'bin', 'cosmic-lint.js');
const { values } = parseArgs({
  options: {
    depths: { type: 'string', default: '5000,10000,20000,50000' },
    origins: { type: 'string', default: '100' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    end: { type: 'string', default: 'adapter' },
  },
});

/** Writes the chain project under `root`. */
export function generateChain(root, depth, origins, end = 'adapter') {
  fs.rmSync(root, { recursive: true, force: true });
  const write = (file, text) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('package.json', JSON.stringify({ name: 'chain', private: true, dependencies: { pg: '*' } }));
  write('cosmic-lint.config.json', JSON.stringify({ layers: { domain: 'src/domain/**', shared: 'src/shared/**', adapters: 'src/adapters/**' } }));
  write('src/adapters/repository.ts', 'export class SqlRepository {}\n');
  // 1,000 files per folder, as generated code would spread them.
  const link = (index) => `src/shared/part${Math.floor(index / 1000)}/link${index}.ts`;
  for (let index = 0; index < depth; index++) {
    const last = index + 1 === depth;
    const next = last ? 'src/adapters/repository.ts' : link(index + 1);
    const relative = path.posix.relative(path.posix.dirname(link(index)), next).replace(/\.ts$/, '');
    const specifier = last && end === 'package' ? 'pg' : relative.startsWith('.') ? relative : `./${relative}`;
    const imported = !last ? 'value as next' : end === 'package' ? 'Pool as next' : 'SqlRepository as next';
    write(link(index), `import { ${imported} } from '${specifier}';\nexport const value = [next];\n`);
  }
  for (let index = 0; index < origins; index++) write(`src/domain/model${index}.ts`, `import { value } from '../shared/part0/link0';\nexport const model${index} = value;\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.join(os.tmpdir(), `cosmic-chain-${process.pid}`);
  const origins = Number(values.origins);
  console.log('depth    files   wall ms   peak MiB   report KiB   findings');
  for (const depth of values.depths.split(',').map(Number)) {
    generateChain(root, depth, origins, values.end);
    const samples = [];
    for (let run = 0; run < Number(values.runs); run++) {
      const report = path.join(root, 'report.json');
      const started = process.hrtime.bigint();
      const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, 'audit', '--format', 'json', '--output', report], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
      const wall = Number(process.hrtime.bigint() - started) / 1e6;
      const peak = Number(child.stderr.trim().split('\n').at(-1)) / 1024;
      const json = JSON.parse(fs.readFileSync(report, 'utf8'));
      samples.push({ wall, peak, size: fs.statSync(report).size / 1024, findings: json.violations.length, status: child.status });
    }
    samples.sort((a, b) => a.wall - b.wall);
    const median = samples[Math.floor(samples.length / 2)];
    console.log(
      `${String(depth).padEnd(8)} ${String(depth + origins + 1).padEnd(7)} ${median.wall.toFixed(0).padStart(8)}  ${median.peak.toFixed(0).padStart(9)}  ${median.size.toFixed(0).padStart(11)}  ${String(median.findings).padStart(9)}   (exit ${median.status})`,
    );
  }
  if (!values.keep) fs.rmSync(root, { recursive: true, force: true });
}
