// `npm run build` (after tsc): the two entries a user loads — the command line
// (dist/src/bin/cosmic-lint.js) and the ESLint plugin (dist/src/index.js) — each bundled into one
// module in place of tsc's, with the chunks it loads on demand beside it. Node resolves, reads and
// links each ES module apart: the command line loaded ~100 of ours before doing anything and the
// plugin ~70, and bundled, a one-file audit starts ~45 ms sooner and the plugin loads in ~13 ms
// instead of ~31 (README "Start-up"). The dependencies (TypeScript, picomatch, dependency-cruiser…)
// stay packages, loaded from node_modules as before; what a command loads only when it runs
// (`commands`, the depcruise engine) stays a separate chunk, so `--version` loads neither. tsc's
// other modules stay in dist/ for the declarations beside them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'src');
const PREFIX = 'bundle-';

for (const entry of [path.join(dist, 'bin', 'cosmic-lint.js'), path.join(dist, 'index.js')]) {
  const folder = path.dirname(entry);
  // Chunks of an earlier build (their names carry a content hash): tsc has just written the entry anew.
  for (const file of fs.readdirSync(folder)) if (file.startsWith(PREFIX)) fs.rmSync(path.join(folder, file));
  await build({
    entryPoints: [entry],
    outdir: folder,
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    chunkNames: `${PREFIX}[name]-[hash]`,
    logLevel: 'warning',
  });
  // The config validator is loaded by a path relative to the module that loads it (src/config/validate.ts): now the bundle.
  fs.copyFileSync(path.join(dist, 'config', 'schema-validator.generated.cjs'), path.join(folder, 'schema-validator.generated.cjs'));
}
