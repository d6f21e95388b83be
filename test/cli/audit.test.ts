import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/results/violation.js';
import { fixturePath, lintFixture, REPO_ROOT, runCli } from '../helpers.js';

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'results.schema.json'), 'utf8')) as object);

function auditJson(...args: string[]): { status: number | null; result: AuditResult; stderr: string } {
  const run = runCli(['audit', ...args, '--format', 'json']);
  const result = JSON.parse(run.stdout) as AuditResult;
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  return { status: run.status, result, stderr: run.stderr };
}

const rows = (result: AuditResult) => result.violations.map((violation) => [violation.ruleId, violation.file, violation.line]);

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-cli-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe('cosmic-lint audit', () => {
  it('passes the clean allocation service: exit 0, zero violations, schema-valid JSON', () => {
    const { status, result, stderr } = auditJson(fixturePath('allocation'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(result.violations).toEqual([]);
    expect(result.summary).toMatchObject({ files: 15, errors: 0, warnings: 0 });
  });

  it('gives the same findings as the ESLint rules on every violation fixture (rule, file, line)', async () => {
    for (const name of fs.readdirSync(fixturePath('violations'))) {
      const { result } = auditJson(fixturePath('violations', name));
      const { problems } = await lintFixture(fixturePath('violations', name));
      const perFile = result.violations.filter((violation) => violation.chain.length === 0);
      expect(perFile.map((violation) => [violation.ruleId, violation.file, violation.line, violation.column]), name).toEqual(
        problems.map((problem) => [problem.ruleId, problem.file, problem.line, problem.column]),
      );
    }
  });

  it('finds what a per-file linter cannot: domain → shared → pg, and domain → unclassified helper → adapter, with a chain per hop', async () => {
    const { status, result } = auditJson(fixturePath('audit', 'transitive'));
    expect(status).toBe(1);
    const transitive = result.violations.filter((violation) => violation.ruleId === 'cosmic/no-transitive-violation');
    expect(transitive.map((violation) => [violation.file, violation.line, violation.column, violation.to?.package ?? violation.to?.file, violation.chain])).toEqual([
      ['src/domain/model.ts', 1, 29, 'pg', [{ file: 'src/domain/model.ts', line: 1, specifier: '../shared/money.js' }, { file: 'src/shared/money.ts', line: 1, specifier: 'pg' }]],
      ['src/domain/model.ts', 2, 22, 'src/adapters/orm.ts', [{ file: 'src/domain/model.ts', line: 2, specifier: '../lib/slug.js' }, { file: 'src/lib/slug.ts', line: 1, specifier: '../adapters/orm.js' }]],
    ]);
    const { problems } = await lintFixture(fixturePath('audit', 'transitive'));
    expect(problems.filter((problem) => problem.ruleId !== 'cosmic/no-unclassified-files')).toEqual([]);
  });

  it('reports a cycle across layers once, on the inner layer\'s outward edge, with the whole cycle; a cycle inside one layer is not one', () => {
    const { result } = auditJson(fixturePath('audit', 'cycle'));
    const cycles = result.violations.filter((violation) => violation.ruleId === 'cosmic/no-layer-cycles');
    expect(cycles.map((violation) => [violation.file, violation.line, violation.chain.map((hop) => `${hop.file}:${hop.line}`)])).toEqual([
      ['src/domain/model.ts', 1, ['src/domain/model.ts:1', 'src/service-layer/message-bus.ts:1']],
    ]);
  });

  it('prints text grouped by file, chains hop by hop, and a summary; no colour when NO_COLOR is set', () => {
    const run = runCli(['audit', fixturePath('audit', 'transitive')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('src/domain/model.ts\n  1:29    error    The domain reaches the infrastructure package \'pg\'');
    expect(run.stdout).toContain("           ↳ src/shared/money.ts:1  'pg'\n");
    expect(run.stdout).toMatch(/✖ 3 problems \(2 errors, 1 warning\) · 5 files checked\n$/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('fails closed on a file that does not parse: a diagnostic on stderr and in the result, exit 2, the other files still checked', () => {
    const { status, result, stderr } = auditJson(fixturePath('audit', 'syntax-error'));
    expect(status).toBe(2);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'parse-error', file: 'src/domain/model.ts', line: 3 })]);
    expect(stderr).toMatch(/^cosmic-lint: parse-error: src\/domain\/model\.ts:3: does not parse/);
    expect(rows(result)).toEqual([['cosmic/layer-direction', 'src/domain/ok.ts', 1]]);
  });

  it('fails closed on path aliases without a tsconfig: a diagnostic, not a pass', () => {
    const { status, result, stderr } = auditJson(fixturePath('audit', 'no-tsconfig-aliases'));
    expect(status).toBe(2);
    expect(result.diagnostics.map((diagnostic) => diagnostic.kind)).toEqual(['no-tsconfig']);
    expect(rows(result)).toEqual([['cosmic/no-unresolved-imports', 'src/domain/model.ts', 1]]);
    expect(stderr).toContain('no tsconfig.json was found');
  });

  it('exits 2 with the key and no stack trace on an invalid config', () => {
    const root = path.join(temporary, 'bad-config');
    fs.mkdirSync(path.join(root, 'src', 'domain'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'domain', 'model.ts'), 'export const x = 1;\n');
    fs.writeFileSync(path.join(root, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' }, typeImport: 'allowed' }));
    const run = runCli(['audit', root]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('typeImport: unknown key "typeImport" (did you mean "typeImports"?)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a path that does not exist, naming it', () => {
    const missing = path.join(temporary, 'nowhere');
    const run = runCli(['audit', missing, '--config', fixturePath('allocation', 'cosmic-lint.config.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cosmic-lint: io: ${missing}: no such file or folder`);
    expect(run.stderr).toContain('no-files');
  });

  it('turns warnings into exit 1 past --max-warnings', () => {
    expect(runCli(['audit', fixturePath('violations', 'no-unclassified-files')]).status).toBe(0);
    expect(runCli(['audit', fixturePath('violations', 'no-unclassified-files'), '--max-warnings', '0']).status).toBe(1);
    expect(runCli(['audit', fixturePath('violations', 'no-unclassified-files'), '--max-warnings', '1']).status).toBe(0);
  });

  it('writes --output atomically and prints nothing', () => {
    const output = path.join(temporary, 'report.json');
    const run = runCli(['audit', fixturePath('audit', 'cycle'), '--format', 'json', '--output', output]);
    expect(run.stdout).toBe('');
    expect((JSON.parse(fs.readFileSync(output, 'utf8')) as AuditResult).violations.length).toBe(2);
    expect(fs.readdirSync(temporary).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('is deterministic: two runs give the same violations and fingerprints', () => {
    const first = auditJson(fixturePath('sample')).result;
    const second = auditJson(fixturePath('sample')).result;
    expect(second.violations).toEqual(first.violations);
    expect(new Set(first.violations.map((violation) => violation.fingerprint)).size).toBe(first.violations.length);
  });
});

describe('cosmic-lint arguments', () => {
  it('rejects an unknown flag with a hint and exit 2', () => {
    const run = runCli(['audit', '--formt', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--formt'.*Did you mean --format\?.*cosmic-lint audit --help/);
  });

  it('rejects an unknown command and a bad --format value with a hint', () => {
    expect(runCli(['audti']).stderr).toContain('unknown command "audti" (did you mean "audit"?)');
    expect(runCli(['audit', '--format', 'sarf']).stderr).toContain('--format must be one of github, html, json, junit, markdown, sarif, text, got "sarf" (did you mean "sarif"?)');
  });

  it('prints help for each command and the version', () => {
    expect(runCli(['--help']).stdout).toContain('Usage: cosmic-lint <command>');
    expect(runCli(['audit', '--help']).stdout).toContain('--max-warnings N');
    expect(runCli(['classify', '--help']).stdout).toContain('Usage: cosmic-lint classify');
    expect(runCli(['depcruise-config', '--help']).stdout).toContain('Usage: cosmic-lint depcruise-config');
    expect(runCli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('cosmic-lint classify', () => {
  it('says which layer and role a file has, and which glob or name gave it', () => {
    const run = runCli(['classify', 'src/allocation/service-layer/unit-of-work.ts', 'src/allocation/views.ts', 'types/vendor.d.ts'], fixturePath('allocation'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'src/allocation/service-layer/unit-of-work.ts\n  layer:   service-layer (glob "src/allocation/service-layer/**")\n  role:    unit-of-work (file name "unit-of-work" (convention))\n  checked: yes',
    );
    expect(run.stdout).toContain('src/allocation/views.ts\n  layer:   service-layer (glob "src/allocation/views.ts")\n  role:    views');
    expect(run.stdout).toContain('types/vendor.d.ts\n  layer:   none: no layer glob matches it\n  role:    none\n  checked: no');
  });

  it('reports the detected layout when there is no config', () => {
    const run = runCli(['classify', 'src/allocation/domain/model.ts'], fixturePath('layouts', 'book'));
    expect(run.stdout).toContain('detected layout:\n  domain: folder src/allocation/domain/');
    expect(run.stdout).toContain('layer:   domain (glob "src/allocation/domain/**")');
  });
});
