import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createProjectCache, projectForFile } from '../../src/project/project.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-cache-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// An editor keeps one process alive while the config changes: within a lint run the project is
// cached; after a pause it is read again, so an edited config takes effect without a restart.
it('reuses the project within a run and rereads the config after an idle pause', () => {
  const configFile = path.join(root, 'cosmic-lint.config.json');
  const file = path.join(root, 'src', 'domain', 'model.ts');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(configFile, JSON.stringify({ preset: 'part1', layers: { domain: 'src/domain/**' } }));
  const cache = createProjectCache();
  const first = projectForFile({ file }, cache, 10_000);
  expect(first.config.preset.name).toBe('part1');
  fs.writeFileSync(configFile, JSON.stringify({ preset: 'strict', layers: { domain: 'src/domain/**' } }));
  expect(projectForFile({ file }, cache, 10_500)).toBe(first);
  expect(projectForFile({ file }, cache, 20_000).config.preset.name).toBe('strict');
});
