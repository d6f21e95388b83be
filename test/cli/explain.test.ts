import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/checks/registry.js';
import { cli, fixturePath, REPO_ROOT } from '../helpers.js';

const sample = fixturePath('sample');

describe('cosmic-lint explain <rule>', () => {
  it.each(Object.keys(ALL_RULES))("%s: its description, presets, and the doc page's reason and examples, word for word", async (ruleId) => {
    const name = ruleId.slice('cosmic/'.length);
    for (const subject of [ruleId, name]) {
      const run = await cli(['explain', subject]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.startsWith(`${ruleId}: ${ALL_RULES[ruleId]!.description}\n`)).toBe(true);
      expect(run.stdout).toMatch(/^Presets: domain-only \((error|warn|off)\), part1 \(\w+\), recommended \(\w+\), strict \(\w+\)$/m);
      const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules', `${name}.md`), 'utf8');
      const firstBad = /## ❌ Incorrect\n\n(```ts\n[\s\S]*?```)/.exec(doc)![1]!;
      const indented = firstBad
        .split('\n')
        .map((line) => (line ? `  ${line}` : ''))
        .join('\n');
      expect(run.stdout).toContain(`❌ Incorrect:\n${indented}`);
      expect(run.stdout).toContain('✅ Correct:\n  ```ts');
      expect(run.stdout).toContain('\nWhy:\n  ');
    }
  });

  it('says where a graph rule runs', async () => {
    expect((await cli(['explain', 'no-layer-cycles'])).stdout).toContain('Runs in: cosmic-lint audit only (a whole-graph check: a per-file linter cannot see it)');
    expect((await cli(['explain', 'layer-direction'])).stdout).toContain('Runs in: ESLint (file by file) and cosmic-lint audit');
    expect((await cli(['explain', 'one-handler-per-command'])).stdout).toContain('Runs in: cosmic-lint audit (the whole program) and ESLint (what the linted file shows by itself)');
  });

  it('is a usage error with a suggestion for something that is neither a rule nor a file', async () => {
    const run = await cli(['explain', 'domain-purty']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"domain-purty" is neither a rule nor a file (did you mean cosmic/domain-purity?)');
    expect((await cli(['explain'])).stderr).toContain('explain needs one rule or file[:line]');
  });
});

describe('cosmic-lint explain <file[:line]>', () => {
  it("gives the file's layer and role and, for each import, its target, kind and verdict with the rule that decided it", async () => {
    const run = await cli(['explain', 'src/allocation/entrypoints/express-app.ts'], sample);
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual(['src/allocation/entrypoints/express-app.ts', '  layer:   entrypoints (glob "src/allocation/entrypoints/**")']);
    expect(run.stdout).toContain('imports (8):');
    expect(run.stdout).toContain(
      "  3:44  '../domain/commands.js' → src/allocation/domain/commands.ts, domain (commands) [type-only (erased by the compiler)]\n    ✓ allowed by the layer matrix: entrypoints → domain (commands)",
    );
    expect(run.stdout).toContain(
      "  6:31  '../adapters/repository.js' → src/allocation/adapters/repository.ts, adapters (repository) [runtime]\n    ✗ cosmic/unit-of-work-boundary (error): entrypoints imports SqlRepository",
    );
    expect(run.stdout).toContain(
      "  7:32  '../adapters/orm.js' → src/allocation/adapters/orm.ts, adapters (orm) [runtime]\n    ✗ cosmic/layer-direction (error): Runtime import entrypoints → adapters (orm)",
    );
    // The verdicts are the audit's: every error it reports for this file is here.
    const audit = JSON.parse((await cli(['audit', sample, '--format', 'json'])).stdout) as { violations: Array<{ ruleId: string; file: string; line: number; chain: unknown[] }> };
    for (const violation of audit.violations.filter((candidate) => candidate.file === 'src/allocation/entrypoints/express-app.ts' && candidate.chain.length === 0)) {
      expect(run.stdout).toMatch(new RegExp(`^  ${violation.line}:\\d+ .*\\n    ✗ ${violation.ruleId} `, 'm'));
    }
  });

  it('with :line, only the imports on that line', async () => {
    const run = await cli(['explain', 'src/allocation/domain/model.ts:1'], sample);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('imports on line 1 (1):');
    expect(run.stdout).toContain(
      "'typeorm' → the package 'typeorm' [type-only (erased by the compiler)]\n    ✗ cosmic/domain-purity (error): The domain imports the infrastructure package 'typeorm' (type-only imports count too).",
    );
    expect(run.stdout).not.toContain('./events.js');
  });
});
