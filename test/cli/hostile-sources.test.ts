import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runAudit } from '../../src/cli/audit.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-hostile-sources-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

write('cosmic-lint.config.json', JSON.stringify({ layers: { domain: 'src/domain/**' } }));
write('package.json', JSON.stringify({ dependencies: { pg: '*' } }));
// Generated code and minified bundles nest deeper than a recursive parser's call stack.
write('src/domain/deep-parens.ts', `import { Pool } from 'pg';\nexport const x = ${'('.repeat(3000)}1${')'.repeat(3000)};\nexport const pool = new Pool();\n`);
write('src/domain/deep-arrays.ts', `export const y = ${'['.repeat(3000)}${']'.repeat(3000)};\n`);
write('src/domain/model.ts', "import { Pool } from 'pg';\nexport const pool = new Pool();\n");
// Forms ESLint sees that the audit once missed: a parenthesised require, and import() with options.
write('src/domain/forms.ts', "export const a = (require)('pg');\nexport const b = () => import('pg', { with: { type: 'json' } });\n");

it('a catch-all tsconfig alias does not turn a declared but uninstalled package into an unresolved import', async () => {
  const aliased = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-catch-all-'));
  try {
    fs.mkdirSync(path.join(aliased, 'src', 'domain'), { recursive: true });
    fs.mkdirSync(path.join(aliased, 'types'));
    fs.writeFileSync(path.join(aliased, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' } }));
    fs.writeFileSync(path.join(aliased, 'package.json'), JSON.stringify({ dependencies: { pg: '*' } }));
    fs.writeFileSync(path.join(aliased, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '*': ['types/*'] } } }));
    fs.writeFileSync(path.join(aliased, 'src', 'domain', 'model.ts'), "import { Pool } from 'pg';\nimport { nothing } from 'not-declared';\nexport const pool = new Pool(nothing);\n");
    const { result } = await runAudit({ cwd: aliased, paths: [], engine: 'cosmic', now: () => 0 });
    expect(result.violations.map((violation) => [violation.ruleId, violation.line])).toEqual([
      ['cosmic/domain-purity', 1],
      ['cosmic/no-unresolved-imports', 2],
    ]);
  } finally {
    fs.rmSync(aliased, { recursive: true, force: true });
  }
});

it('a file too deep to parse is a per-file diagnostic (exit 2); every other file is still checked, every import form found', async () => {
  const { result, exitCode } = await runAudit({ cwd: root, paths: [], engine: 'cosmic', now: () => 0 });
  expect(exitCode).toBe(2);
  expect(result.diagnostics.map((diagnostic) => [diagnostic.kind, diagnostic.file])).toEqual([
    ['parse-error', 'src/domain/deep-arrays.ts'],
    ['parse-error', 'src/domain/deep-parens.ts'],
  ]);
  expect(result.diagnostics[0]!.message).toContain('nests too deeply for the parser');
  expect(result.violations.map((violation) => [violation.ruleId, violation.file, violation.line])).toEqual([
    ['cosmic/domain-purity', 'src/domain/forms.ts', 1],
    ['cosmic/domain-purity', 'src/domain/forms.ts', 2],
    ['cosmic/domain-purity', 'src/domain/model.ts', 1],
  ]);
});
