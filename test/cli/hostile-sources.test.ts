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

it('symbolic links: followed inside the project (a cycle walked once), reported when they leave it or lead nowhere; never a silent skip', async () => {
  const linked = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-links-'));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-links-outside-'));
  try {
    fs.mkdirSync(path.join(linked, 'src', 'domain'), { recursive: true });
    fs.mkdirSync(path.join(linked, 'shared-model'));
    fs.writeFileSync(path.join(linked, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**', shared: 'shared-model/**' } }));
    fs.writeFileSync(path.join(linked, 'package.json'), JSON.stringify({ dependencies: { pg: '*' } }));
    fs.writeFileSync(path.join(linked, 'shared-model', 'order.ts'), "import { Pool } from 'pg';\nexport const pool = new Pool();\n");
    fs.writeFileSync(path.join(outside, 'elsewhere.ts'), 'export const x = 1;\n');
    // A linked file and a linked folder inside the project are domain files where the links are.
    fs.symlinkSync(path.join(linked, 'shared-model', 'order.ts'), path.join(linked, 'src', 'domain', 'order.ts'));
    fs.symlinkSync(path.join(linked, 'shared-model'), path.join(linked, 'src', 'domain', 'model'));
    fs.symlinkSync(path.join(linked, 'src'), path.join(linked, 'src', 'domain', 'loop'));
    fs.symlinkSync(path.join(outside, 'elsewhere.ts'), path.join(linked, 'src', 'domain', 'elsewhere.ts'));
    fs.symlinkSync(path.join(linked, 'missing.ts'), path.join(linked, 'src', 'domain', 'dangling.ts'));
    const { result, exitCode } = await runAudit({ cwd: linked, paths: [], engine: 'cosmic', now: () => 0 });
    expect(exitCode).toBe(2);
    expect(result.violations.map((violation) => [violation.ruleId, violation.file])).toEqual([
      ['cosmic/domain-purity', 'src/domain/model/order.ts'],
      ['cosmic/domain-purity', 'src/domain/order.ts'],
    ]);
    expect(result.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.message.replace(/\(.*\)/, '(…)').replace(/to \S+,/, 'to …,')])).toEqual([
      ['src/domain/dangling.ts', 'is a symbolic link that leads nowhere (…); not checked'],
      ['src/domain/elsewhere.ts', 'is a symbolic link to …, outside the project; its imports are not checked'],
    ]);
  } finally {
    fs.rmSync(linked, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  }
});

it('a file whose name holds a line break is in its layer like any other, so a forbidden import in it is found', async () => {
  const named = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-line-break-'));
  try {
    fs.mkdirSync(path.join(named, 'src', 'domain'), { recursive: true });
    fs.writeFileSync(path.join(named, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' } }));
    fs.writeFileSync(path.join(named, 'package.json'), JSON.stringify({ dependencies: { pg: '*' } }));
    fs.writeFileSync(path.join(named, 'src', 'domain', 'order\nmodel.ts'), "import { Pool } from 'pg';\nexport const pool = new Pool();\n");
    const { result, exitCode } = await runAudit({ cwd: named, paths: [], engine: 'cosmic', now: () => 0 });
    expect(exitCode).toBe(1);
    expect(result.violations.map((violation) => [violation.ruleId, violation.file, violation.from.layer])).toEqual([['cosmic/domain-purity', 'src/domain/order\nmodel.ts', 'domain']]);
  } finally {
    fs.rmSync(named, { recursive: true, force: true });
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
