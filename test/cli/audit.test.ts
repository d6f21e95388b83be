import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import type { PresetName } from '../../src/config/types.js';
import type { AuditResult } from '../../src/results/violation.js';
import { engineAgreement, fixturePath, lintFixture, REPO_ROOT, cli } from '../helpers.js';

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'results.schema.json'), 'utf8')) as object);

async function auditJson(...args: string[]): Promise<{ status: number | null; result: AuditResult; stderr: string }> {
  const run = await cli(['audit', ...args, '--format', 'json']);
  const result = JSON.parse(run.stdout) as AuditResult;
  expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
  return { status: run.status, result, stderr: run.stderr };
}

const rows = (result: AuditResult) => result.violations.map((violation) => [violation.ruleId, violation.file, violation.line]);

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-cli-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

describe('cosmic-lint audit', () => {
  it('passes the clean allocation service: exit 0, zero violations, schema-valid JSON', async () => {
    const { status, result, stderr } = await auditJson(fixturePath('allocation'));
    // Nothing went wrong: stderr holds only the line that says which config the run used.
    expect(stderr).toBe(`cosmic-lint: config ${fixturePath('allocation', 'cosmic-lint.config.json')} (preset recommended)\n`);
    expect(status).toBe(0);
    expect(result.violations).toEqual([]);
    expect(result.summary).toMatchObject({ files: 15, errors: 0, warnings: 0 });
  });

  it('gives the same findings as the ESLint rules on every violation fixture (rule, file, line)', async () => {
    for (const name of fs.readdirSync(fixturePath('violations'))) {
      const { result } = await auditJson(fixturePath('violations', name));
      // ESLint with the preset the fixture's own config names, as its users would configure both.
      const configFile = fixturePath('violations', name, 'cosmic-lint.config.json');
      const preset = fs.existsSync(configFile) ? ((JSON.parse(fs.readFileSync(configFile, 'utf8')) as { preset?: PresetName }).preset ?? 'recommended') : 'recommended';
      const { problems } = await lintFixture(fixturePath('violations', name), preset);
      const agreement = engineAgreement(result.violations, problems);
      expect(agreement.audit, name).toEqual(agreement.eslint);
      expect(agreement.eslintOnly, name).toEqual([]);
    }
  });

  it('finds what a per-file linter cannot: domain → shared → pg, and domain → unclassified helper → adapter, on the hop to cut, with a chain per hop', async () => {
    const { status, result } = await auditJson(fixturePath('audit', 'transitive'));
    expect(status).toBe(1);
    const transitive = result.violations.filter((violation) => violation.ruleId === 'cosmic/no-transitive-violation');
    expect(transitive.map((violation) => [violation.file, violation.line, violation.column, violation.from.layer, violation.to?.package ?? violation.to?.file, violation.chain])).toEqual([
      [
        'src/lib/slug.ts',
        1,
        23,
        null,
        'src/adapters/orm.ts',
        [
          { file: 'src/domain/model.ts', line: 2, specifier: '../lib/slug.js' },
          { file: 'src/lib/slug.ts', line: 1, specifier: '../adapters/orm.js' },
        ],
      ],
      [
        'src/shared/money.ts',
        1,
        23,
        'shared',
        'pg',
        [
          { file: 'src/domain/model.ts', line: 1, specifier: '../shared/money.js' },
          { file: 'src/shared/money.ts', line: 1, specifier: 'pg' },
        ],
      ],
    ]);
    expect(transitive[1]!.message).toContain('1 domain file reaches it through src/shared/money.ts (src/domain/model.ts)');
    expect(transitive[1]!.message).toContain("Fix: cut src/shared/money.ts:1 ('pg')");
    const { problems } = await lintFixture(fixturePath('audit', 'transitive'));
    expect(problems.filter((problem) => problem.ruleId !== 'cosmic/no-unclassified-files')).toEqual([]);
  });

  it('reports one root cause once: 3 domain files reaching 2 packages through one shared helper are one finding, naming both and the 3 files', async () => {
    const { status, result } = await auditJson(fixturePath('audit', 'one-root-cause'));
    expect(status).toBe(1);
    expect(result.violations.map((violation) => [violation.ruleId, violation.file, violation.line, violation.to?.package, violation.chain])).toEqual([
      [
        'cosmic/no-transitive-violation',
        'src/shared/db.ts',
        2,
        'pg',
        [
          { file: 'src/domain/invoice.ts', line: 1, specifier: '../shared/db.js' },
          { file: 'src/shared/db.ts', line: 2, specifier: 'pg' },
        ],
      ],
    ]);
    const { message } = result.violations[0]!;
    expect(message).toContain("The domain reaches the infrastructure packages 'pg' and 'slonik'");
    // customer.ts reaches the helper only through order.ts, another domain file: not a fourth file.
    expect(message).toContain('3 domain files reach them through src/shared/db.ts (src/domain/invoice.ts, src/domain/order.ts and src/domain/payment.ts)');
    expect(message).toContain("Fix: cut src/shared/db.ts:2 ('pg') and src/shared/db.ts:3 ('slonik')");
  });

  it("reports a cycle across layers once, on the inner layer's outward edge, with the whole cycle; a cycle inside one layer is not one", async () => {
    const { result } = await auditJson(fixturePath('audit', 'cycle'));
    const cycles = result.violations.filter((violation) => violation.ruleId === 'cosmic/no-layer-cycles');
    expect(cycles.map((violation) => [violation.file, violation.line, violation.chain.map((hop) => `${hop.file}:${hop.line}`)])).toEqual([
      ['src/domain/model.ts', 1, ['src/domain/model.ts:1', 'src/service-layer/message-bus.ts:1']],
    ]);
  });

  it('prints text grouped by file, chains hop by hop, and a summary; no colour when NO_COLOR is set', async () => {
    const run = await cli(['audit', fixturePath('audit', 'transitive')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("src/shared/money.ts\n  1:23    error    The domain reaches the infrastructure package 'pg'");
    expect(run.stdout).toContain("           ↳ src/domain/model.ts:1  '../shared/money.js'\n           ↳ src/shared/money.ts:1  'pg'\n");
    expect(run.stdout).toMatch(/✖ 3 problems \(2 errors, 1 warning\) · 5 files checked\n$/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('fails closed on a file that does not parse: a diagnostic on stderr and in the result, exit 2, the other files still checked', async () => {
    const { status, result, stderr } = await auditJson(fixturePath('audit', 'syntax-error'));
    expect(status).toBe(2);
    expect(result.diagnostics).toEqual([expect.objectContaining({ kind: 'parse-error', file: 'src/domain/model.ts', line: 3 })]);
    expect(stderr).toMatch(/^cosmic-lint: config .*\n^cosmic-lint: parse-error: src\/domain\/model\.ts:3: does not parse/m);
    expect(rows(result)).toEqual([['cosmic/layer-direction', 'src/domain/ok.ts', 1]]);
  });

  it('fails closed on bare names that resolve to nothing: a project folder and an undeclared name are unresolved, a declared one is its package', async () => {
    const { status, result } = await auditJson(fixturePath('audit', 'unresolved-bare'));
    expect(status).toBe(0);
    expect(result.violations.map((violation) => [violation.ruleId, violation.file, violation.line, violation.specifier, violation.to])).toEqual([
      ['cosmic/no-unresolved-imports', 'src/domain/model.ts', 4, 'src/adapters/orm', { file: null, package: null, layer: null, role: null }],
      ['cosmic/no-unresolved-imports', 'src/domain/model.ts', 5, '@app/adapters/orm', { file: null, package: null, layer: null, role: null }],
      ['cosmic/no-unresolved-imports', 'src/domain/model.ts', 6, 'left-pad', { file: null, package: null, layer: null, role: null }],
    ]);
    expect(result.violations[0]!.message).toContain("'src' is the project folder src/, not a package");
  });

  it('fails closed on path aliases without a tsconfig: a diagnostic, not a pass', async () => {
    const { status, result, stderr } = await auditJson(fixturePath('audit', 'no-tsconfig-aliases'));
    expect(status).toBe(2);
    expect(result.diagnostics.map((diagnostic) => diagnostic.kind)).toEqual(['no-tsconfig']);
    expect(rows(result)).toEqual([['cosmic/no-unresolved-imports', 'src/domain/model.ts', 1]]);
    expect(stderr).toContain('no tsconfig.json was found');
  });

  it('exits 2 with the key and no stack trace on an invalid config', async () => {
    const root = path.join(temporary, 'bad-config');
    fs.mkdirSync(path.join(root, 'src', 'domain'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', 'domain', 'model.ts'), 'export const x = 1;\n');
    fs.writeFileSync(path.join(root, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' }, typeImport: 'allowed' }));
    const run = await cli(['audit', root]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('typeImport: unknown key "typeImport" (did you mean "typeImports"?)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a path that does not exist, naming it', async () => {
    const missing = path.join(temporary, 'nowhere');
    const run = await cli(['audit', missing, '--config', fixturePath('allocation', 'cosmic-lint.config.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`cosmic-lint: io: ${missing}: no such file or folder`);
    expect(run.stderr).toContain('no-files');
  });

  it('turns warnings into exit 1 past --max-warnings', async () => {
    expect((await cli(['audit', fixturePath('violations', 'no-unclassified-files')])).status).toBe(0);
    expect((await cli(['audit', fixturePath('violations', 'no-unclassified-files'), '--max-warnings', '0'])).status).toBe(1);
    expect((await cli(['audit', fixturePath('violations', 'no-unclassified-files'), '--max-warnings', '1'])).status).toBe(0);
  });

  it('writes --output atomically, prints no report, and says on stderr where it went and what it found', async () => {
    const output = path.join(temporary, 'report.json');
    const run = await cli(['audit', fixturePath('audit', 'cycle'), '--format', 'json', '--output', output]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`cosmic-lint: wrote the json report to ${output}: 2 errors, 0 warnings (exit 1)\n`);
    expect((JSON.parse(fs.readFileSync(output, 'utf8')) as AuditResult).violations.length).toBe(2);
    expect(fs.readdirSync(temporary).filter((file) => file.endsWith('.tmp'))).toEqual([]);
  });

  it('shows no success mark when a diagnostic made the check incomplete (exit 2)', async () => {
    const project = path.join(temporary, 'incomplete');
    fs.mkdirSync(path.join(project, 'src', 'domain'), { recursive: true });
    fs.writeFileSync(path.join(project, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' } }));
    fs.writeFileSync(path.join(project, 'src', 'domain', 'broken.ts'), 'export const = ;\n');
    const run = await cli(['audit'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('broken.ts');
    expect(run.stdout).not.toContain('✔');
    expect(run.stdout).toMatch(/✖ .*the check is incomplete/);
  });

  it('refuses an --output it cannot write before the audit, with one line naming the path: a missing or read-only folder, a folder, a special file, a read-only file', async () => {
    const locked = path.join(temporary, 'locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    const readOnly = path.join(temporary, 'read-only.json');
    fs.writeFileSync(readOnly, 'keep');
    fs.chmodSync(readOnly, 0o444);
    for (const [output, reason] of [
      [path.join(temporary, 'missing', 'report.json'), `the folder ${path.join(temporary, 'missing')} does not exist`],
      [path.join(locked, 'report.json'), `the folder ${locked} is read-only`],
      [temporary, 'it is a folder'],
      ['/dev/null', 'it is not a regular file (a device, a FIFO or a socket)'],
      [readOnly, 'the file is read-only'],
    ] as const) {
      const run = await cli(['audit', fixturePath('audit', 'cycle'), '--output', output]);
      expect(run.status, output).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`cosmic-lint: cannot write ${output}: ${reason}\n`);
    }
    expect(fs.readFileSync(readOnly, 'utf8')).toBe('keep');
    expect(fs.statSync(readOnly).mode & 0o777).toBe(0o444);
    fs.chmodSync(locked, 0o755);
  });

  it('never writes --output over the config file it reads, named or found', async () => {
    const root = path.join(temporary, 'config-output');
    fs.cpSync(fixturePath('audit', 'cycle'), root, { recursive: true });
    const config = fs.readdirSync(root).find((name) => name.startsWith('cosmic-lint.config.'));
    expect(config).toBeDefined();
    const file = path.join(root, config!);
    const before = fs.readFileSync(file, 'utf8');
    for (const args of [
      ['--output', file],
      ['--config', file, '--output', file],
    ]) {
      const run = await cli(['audit', root, ...args]);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`cosmic-lint: cannot write ${file}: it is the config file this run reads; choose another file for the report (--output)\n`);
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  it('writes --output through a symlink: the link stays, the target gets the report and keeps its mode', async () => {
    const target = path.join(temporary, 'linked-report.json');
    const link = path.join(temporary, 'report-link.json');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o600);
    fs.symlinkSync(target, link);
    const run = await cli(['audit', fixturePath('audit', 'cycle'), '--format', 'json', '--output', link]);
    expect(run.stdout).toBe('');
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect((JSON.parse(fs.readFileSync(target, 'utf8')) as AuditResult).violations.length).toBe(2);
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
  });

  it('cleans a stale temporary file a killed run left beside --output', async () => {
    const directory = path.join(temporary, 'stale');
    fs.mkdirSync(directory);
    const stale = path.join(directory, '.report.json.0123456789ab.tmp');
    fs.writeFileSync(stale, 'x'.repeat(1 << 20));
    const longAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(stale, longAgo, longAgo);
    await cli(['audit', fixturePath('audit', 'cycle'), '--format', 'json', '--output', path.join(directory, 'report.json')]);
    expect(fs.readdirSync(directory)).toEqual(['report.json']);
  });

  it('is deterministic: two runs give the same violations and fingerprints', async () => {
    const first = (await auditJson(fixturePath('sample'))).result;
    const second = (await auditJson(fixturePath('sample'))).result;
    expect(second.violations).toEqual(first.violations);
    expect(new Set(first.violations.map((violation) => violation.fingerprint)).size).toBe(first.violations.length);
  });
});

/** A project under the temporary folder: the files (each a plain export) and the config. */
function configuredProject(name: string, files: readonly string[], config: object): string {
  const project = path.join(temporary, name);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    fs.writeFileSync(path.join(project, file), 'export const x = 1;\n');
  }
  fs.writeFileSync(path.join(project, 'cosmic-lint.config.json'), JSON.stringify(config));
  return project;
}

describe('cosmic-lint audit on an overlapping config', () => {
  it('names every pair of globs that claim the same files in one run, with a file and a count each (exit 2)', async () => {
    const project = configuredProject('overlaps', ['src/adapters/a.ts', 'src/adapters/b.ts', 'src/service/views/v.ts', 'src/domain/m.ts'], {
      layers: { domain: 'src/**', adapters: 'src/adapters/**', 'service-layer': 'src/service/**' },
      roles: { handlers: 'src/service/**', views: 'src/service/views/**' },
    });
    const run = await cli(['audit'], project);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('invalid configuration: 3 pairs of globs match the same files:\n');
    expect(run.stderr).toContain('  - "src/adapters/a.ts" (and 1 more file) matches two layers: "domain" by glob "src/**" and "adapters" by glob "src/adapters/**".');
    expect(run.stderr).toContain('  - "src/service/views/v.ts" matches two layers: "domain" by glob "src/**" and "service-layer" by glob "src/service/**".');
    expect(run.stderr).toContain('  - "src/service/views/v.ts" matches two entries of roles: handlers by glob "src/service/**" and views by glob "src/service/views/**".');
  });
});

describe('cosmic-lint audit on a config with a typo', () => {
  it('says which layer and role globs match no checked file, on stderr, when the whole project is audited', async () => {
    const project = configuredProject('typo', ['src/domain/model.ts', 'src/adapters/orm.ts', 'src/service/views/list.ts'], {
      layers: { domain: 'src/domain/**', adapters: 'src/adaptors/**', 'service-layer': 'src/service/**' },
      roles: { views: 'src/service/views/**', handlers: 'src/service/handlers/**' },
    });
    const whole = await cli(['audit'], project);
    expect(whole.stderr).toContain('cosmic-lint: layers.adapters glob "src/adaptors/**" matches no checked file: a typo, or a folder that is gone?\n');
    expect(whole.stderr).toContain('cosmic-lint: roles.handlers glob "src/service/handlers/**" matches no checked file');
    expect(whole.stderr).not.toContain('layers.domain glob');
    expect(whole.stderr).not.toContain('roles.views glob');
    // Auditing part of the project says nothing: the other globs match files it was not asked about.
    expect((await cli(['audit', 'src/domain'], project)).stderr).not.toContain('matches no checked file');
  });
});

describe('cosmic-lint arguments', () => {
  it('rejects an unknown flag with a hint and exit 2', async () => {
    const run = await cli(['audit', '--formt', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cosmic-lint: unknown option --formt for audit (did you mean --format?); see cosmic-lint audit --help\n');
  });

  it('says in one line of its own that an option needs a value, or takes none', async () => {
    expect((await cli(['audit', '--format'])).stderr).toBe('cosmic-lint: option --format needs a value; see cosmic-lint audit --help\n');
    expect((await cli(['audit', '--timing=yes'])).stderr).toBe('cosmic-lint: option --timing takes no value; see cosmic-lint audit --help\n');
  });

  it('rejects an unknown command and a bad --format value with a hint', async () => {
    expect((await cli(['audti'])).stderr).toContain('unknown command "audti" (did you mean "audit"?)');
    expect((await cli(['audit', '--format', 'sarf'])).stderr).toContain('--format must be one of github, html, json, junit, markdown, sarif, text, got "sarf" (did you mean "sarif"?)');
  });

  it('prints help for each command and the version', async () => {
    expect((await cli(['--help'])).stdout).toContain('Usage: cosmic-lint <command>');
    expect((await cli(['audit', '--help'])).stdout).toContain('--max-warnings N');
    expect((await cli(['classify', '--help'])).stdout).toContain('Usage: cosmic-lint classify');
    expect((await cli(['depcruise-config', '--help'])).stdout).toContain('Usage: cosmic-lint depcruise-config');
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('cosmic-lint classify', () => {
  it('says which layer and role a file has, and which glob or name gave it', async () => {
    const run = await cli(['classify', 'src/allocation/service-layer/unit-of-work.ts', 'src/allocation/views.ts', 'types/vendor.d.ts'], fixturePath('allocation'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'src/allocation/service-layer/unit-of-work.ts\n  layer:   service-layer (glob "src/allocation/service-layer/**")\n  role:    unit-of-work (file name "unit-of-work": the word "unit of work" (unit-of-work by convention in the service layer))\n  checked: yes',
    );
    expect(run.stdout).toContain('src/allocation/views.ts\n  layer:   service-layer (glob "src/allocation/views.ts")\n  role:    views');
    expect(run.stdout).toContain(
      'types/vendor.d.ts\n  layer:   none: no layer glob matches it\n  role:    none:\n           - a declaration file (.d.ts) gets no role by convention: it declares types, the code is elsewhere\n  checked: no',
    );
  });

  it('reports the detected layout when there is no config', async () => {
    const run = await cli(['classify', 'src/allocation/domain/model.ts'], fixturePath('layouts', 'book'));
    expect(run.stdout).toContain('detected layout:\n  1 module (src/allocation)\n  domain: folder src/allocation/domain/');
    expect(run.stdout).toContain('layer:   domain (glob "src/allocation/domain/**")');
  });

  it('is an error naming the path, exit 2, for a path that does not exist', async () => {
    const run = await cli(['classify', 'src/allocation/domain/model.ts', 'src/allocation/domain/gone.ts'], fixturePath('allocation'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`cosmic-lint: no such file or folder: ${fixturePath('allocation', 'src', 'allocation', 'domain', 'gone.ts')}\n`);
  });
});

describe('which project the audit works on', () => {
  const myApp = fixturePath('layouts', 'my.app');
  const myAppHeader = `cosmic-lint: config ${path.join(myApp, 'cosmic-lint.config.json')} (preset strict)\n`;

  it('takes a folder whose name has a dot for a folder: its own config, paths relative to it, from inside and from outside', async () => {
    for (const [args, cwd] of [
      [[], myApp],
      [['.'], myApp],
      [[myApp], REPO_ROOT],
      [[path.join(myApp, 'src')], REPO_ROOT],
    ] as const) {
      const run = await cli(['audit', ...args, '--format', 'json'], cwd);
      const result = JSON.parse(run.stdout) as AuditResult;
      expect(run.stderr, args.join(' ')).toBe(myAppHeader);
      expect(rows(result), args.join(' ')).toEqual([['cosmic/layer-direction', 'src/core/order.ts', 1]]);
      expect(result.summary.files).toBe(2);
    }
  });

  it('says on stderr which layout it detected and what it left in no layer, in every format, and nothing with --quiet', async () => {
    const root = fixturePath('layouts', 'vertical-slices');
    const header = `cosmic-lint: no config file; detected layout under ${root} (preset recommended): 3 modules (src/modules/order, src/modules/payment, src/modules/user); 3 files in no layer (e.g. src/modules/user/index.ts; run cosmic-lint classify <file>)\n`;
    for (const format of ['text', 'json', 'sarif']) expect((await cli(['audit', root, '--format', format])).stderr, format).toBe(header);
    const quiet = await cli(['audit', root, '--quiet']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('src/modules/order/domain/order.ts');
  });

  it('checks every module of a vertical-slice layout with its own globs, and skips nested tests, mocks and specs', async () => {
    const { result } = await auditJson(fixturePath('layouts', 'vertical-slices'));
    // Each slice is a detected bounded context: payment reaching into order's model crosses one.
    expect(rows(result)).toEqual([
      ['cosmic/layer-direction', 'src/modules/order/domain/order.ts', 2],
      ['cosmic/context-boundaries', 'src/modules/payment/domain/payment.ts', 1],
      ['cosmic/context-boundaries', 'src/modules/payment/use-cases/pay.ts', 2],
      ['cosmic/no-unclassified-files', 'src/modules/user/index.ts', 1],
      ['cosmic/no-unclassified-files', 'src/modules/user/utils/slug.ts', 1],
      ['cosmic/no-unclassified-files', 'src/scripts/seed.ts', 1],
    ]);
    expect(result.violations[0]!.to).toMatchObject({ file: 'src/modules/order/infrastructure/order-row.ts', layer: 'adapters' });
    // 19 sources and the order slice's PascalCase NestJS module (OrderModule.ts: bootstrap).
    expect(result.summary.files).toBe(20);
    expect(result.layers).toEqual(['domain', 'service-layer', 'adapters', 'entrypoints', 'bootstrap', 'shared']);
  });

  it('finds bounded contexts four levels down, shared kernels included, and passes them when they follow the rules', async () => {
    const root = fixturePath('layouts', 'bounded-contexts');
    const { status, result, stderr } = await auditJson(root);
    expect(stderr).toContain('4 modules (src/Contexts/Backoffice/Courses, src/Contexts/Mooc/Courses, src/Contexts/Mooc/Shared, src/Contexts/Shared)');
    expect(rows(result)).toEqual([
      ['cosmic/no-unclassified-files', 'src/apps/mooc/backend/controllers/CoursePutController.ts', 1],
      ['cosmic/no-unclassified-files', 'src/apps/mooc/backend/start.ts', 1],
    ]);
    expect(status).toBe(0);
  });
});

it('under strict, an entrypoint reaching the model through the handlers it calls is not a transitive violation (inward is the architecture working)', async () => {
  const run = await cli(['audit', fixturePath('allocation'), '--preset', 'strict', '--format', 'json']);
  const result = JSON.parse(run.stdout) as AuditResult;
  expect(result.violations.filter((violation) => violation.ruleId === 'cosmic/no-transitive-violation')).toEqual([]);
  // The direct import the strict matrix forbids is still the per-file rule's (handlers.ts type-imports a concrete adapter).
  expect(result.violations.map((violation) => `${violation.ruleId} ${violation.file}:${violation.line}`)).toEqual(['cosmic/layer-direction src/allocation/service-layer/handlers.ts:1']);
});
