import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Our own name, version and folder, read from the package.json above this module (in src/ or dist/src/). */
export function packageInfo(): { name: string; version: string; root: string | undefined } {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'cosmic-lint') return { name: manifest.name, version: manifest.version ?? '0.0.0', root: directory };
    }
    const parent = path.dirname(directory);
    if (parent === directory) return { name: 'cosmic-lint', version: '0.0.0', root: undefined };
    directory = parent;
  }
}
