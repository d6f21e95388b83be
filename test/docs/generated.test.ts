import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/cli/args.js';
import { catalogRules, replaceBetween, ruleName, ruleTable, withDocHeader } from '../../src/checks/catalog.js';
import { ALL_RULES, FILE_CHECKS, GRAPH_RULES } from '../../src/checks/registry.js';
import type { AuditResult } from '../../src/results/violation.js';
import { cli, REPO_ROOT } from '../helpers.js';

/**
 * The catalog is written once, in the registry and the presets: each doc page's header and the
 * README's rule table are generated from them (`npm run docs`), and this fails when a file differs.
 */
const docsFolder = path.join(REPO_ROOT, 'docs', 'rules');
const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const helpOf = (argv: string[]) => {
  const command = parseCommand(argv);
  if (command.name !== 'help') throw new Error(`${argv.join(' ')} is not help`);
  return command.text;
};

describe('the generated catalog', () => {
  it('every doc page belongs to a rule, and every rule has one', () => {
    const pages = fs
      .readdirSync(docsFolder)
      .filter((file) => file.endsWith('.md'))
      .map((file) => file.replace(/\.md$/, ''))
      .sort();
    expect(pages).toEqual(Object.keys(ALL_RULES).map(ruleName).sort());
    expect(
      catalogRules()
        .map((rule) => rule.ruleId)
        .sort(),
    ).toEqual(Object.keys(ALL_RULES).sort());
  });

  it.each(catalogRules().map((rule) => [rule.ruleId, rule] as const))('%s: the doc page header is the generated one (npm run docs)', (_ruleId, rule) => {
    const page = fs.readFileSync(path.join(docsFolder, `${ruleName(rule.ruleId)}.md`), 'utf8');
    expect(page).toBe(withDocHeader(page, rule));
  });

  it('the README rule table is the generated one (npm run docs)', () => {
    expect(replaceBetween(readme, 'rule table', ruleTable())).toBe(readme);
  });

  it('the README names every command and every option that --help lists', () => {
    const commands = [...helpOf(['--help']).matchAll(/^ {2}([a-z-]+) /gm)].map((match) => match[1]!);
    expect(commands).toEqual(['init', 'audit', 'merge', 'explain', 'classify', 'depcruise-config']);
    for (const command of commands) {
      expect(readme, command).toContain(`npx cosmic-lint ${command}`);
      for (const [option] of helpOf([command, '--help']).matchAll(/--[a-z-]+/g)) expect(readme, `${command} ${option}`).toContain(option);
    }
  });
});

/** The files of a doc example: each `// path` line (or `// a, b, c` for several with the same text) starts one. */
function exampleFiles(code: string): Map<string, string> {
  const files = new Map<string, string>();
  let current: string[] = [];
  let body: string[] = [];
  const flush = () => {
    for (const file of current) files.set(file, `${body.join('\n').trim()}\n`);
  };
  for (const line of code.split('\n')) {
    const header = /^\/\/ ((?:src\/[\w./-]+\.ts)(?:, src\/[\w./-]+\.ts)*)(?::.*)?$/.exec(line);
    if (header) {
      flush();
      current = header[1]!.split(', ');
      body = [];
    } else {
      body.push(line);
    }
  }
  flush();
  return files;
}

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-doc-examples-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));
let counter = 0;

/** The rules the audit alone judges whole: the graph rules, and the whole-program rules whose examples span files. */
const auditJudged = [...Object.keys(GRAPH_RULES), ...Object.keys(FILE_CHECKS).filter((ruleId) => FILE_CHECKS[ruleId]!.wholeProgram)];

describe.each(auditJudged)("%s: the doc page's examples, run through the audit", (ruleId) => {
  const page = fs.readFileSync(path.join(docsFolder, `${ruleName(ruleId)}.md`), 'utf8');
  const examples = [...page.split(/^## /m)].flatMap((section) => {
    const verdict = section.startsWith('❌') ? 'incorrect' : section.startsWith('✅') ? 'correct' : undefined;
    return verdict ? [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => ({ verdict, files: exampleFiles(match[1]!) })) : [];
  });

  it('has both kinds, each a whole project of at least one file', () => {
    expect(examples.filter((example) => example.verdict === 'incorrect').length).toBeGreaterThan(0);
    expect(examples.filter((example) => example.verdict === 'correct').length).toBeGreaterThan(0);
    for (const example of examples) expect(example.files.size).toBeGreaterThan(0);
  });

  it('reports every ❌ example and none of the ✅ ones', async () => {
    for (const example of examples) {
      const root = path.join(temporary, `example-${counter++}`);
      for (const [file, text] of example.files) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
      }
      fs.writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'example', private: true, dependencies: { pg: '*', slonik: '*', '@nestjs/cqrs': '*' } }));
      const layers = { domain: 'src/domain/**', 'service-layer': 'src/service-layer/**', adapters: 'src/adapters/**', entrypoints: 'src/entrypoints/**', shared: 'src/shared/**' };
      fs.writeFileSync(path.join(root, 'cosmic-lint.config.json'), JSON.stringify({ preset: 'strict', layers }));
      const run = await cli(['audit', '--format', 'json'], root);
      const result = JSON.parse(run.stdout) as AuditResult;
      expect(result.diagnostics, run.stderr).toEqual([]);
      // A whole project: every import resolves, so the verdict is about the rule, not a missing file.
      expect(result.violations.filter((violation) => violation.ruleId === 'cosmic/no-unresolved-imports')).toEqual([]);
      const ours = result.violations.filter((violation) => violation.ruleId === ruleId);
      const listing = [...example.files.keys()].join(', ');
      if (example.verdict === 'incorrect') expect(ours.length, listing).toBeGreaterThan(0);
      else expect(ours, listing).toEqual([]);
    }
  });
});
