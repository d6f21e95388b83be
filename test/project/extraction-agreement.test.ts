import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers.js';
import { estreeExtractions, typescriptExtractions } from './extractions.js';

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

// The editor (ESTree from ESLint) and the audit (TypeScript's tree) must see the same imports,
// or the two engines would disagree: every fixture file, every field.
it('ESTree and TypeScript extraction give the same import records, constructions, mutable members, handler registrations, callables, writes and classes on every fixture file', () => {
  const files = sourceFiles(path.join(REPO_ROOT, 'fixtures')).filter((file) => !file.includes('syntax-error'));
  expect(files.length).toBeGreaterThan(80);
  let records = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const fromEstree = estreeExtractions(text, file);
    const fromTypescript = typescriptExtractions(text, file);
    expect(fromTypescript, file).toEqual(fromEstree);
    records += fromTypescript.records.length;
  }
  expect(records).toBeGreaterThan(150);
});
