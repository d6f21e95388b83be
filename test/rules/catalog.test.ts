import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { DOCS_BASE_URL, FILE_CHECKS } from '../../src/checks/registry.js';
import cosmic from '../../src/index.js';
import { RULE_IDS } from '../../src/config/presets.js';
import { formatMessage } from '../../src/checks/finding.js';
import { fixturePath, REPO_ROOT } from '../helpers.js';

/** The per-file checks of the registry, by name: each is an ESLint rule. */
const ruleFiles = Object.keys(FILE_CHECKS).map((ruleId) => ruleId.slice('cosmic/'.length));

interface DocExample {
  verdict: 'incorrect' | 'correct';
  file: string;
  code: string;
}

/** The ```ts blocks under the ❌ and ✅ headings of a rule's doc; each starts with a `// path` comment. */
function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  let verdict: DocExample['verdict'] | undefined;
  for (const section of markdown.split(/^## /m)) {
    verdict = section.startsWith('❌') ? 'incorrect' : section.startsWith('✅') ? 'correct' : undefined;
    if (!verdict) continue;
    for (const [, code] of section.matchAll(/```ts\n([\s\S]*?)```/g)) {
      const [first, ...rest] = code!.split('\n');
      examples.push({ verdict, file: first!.replace(/^\/\/\s*/, ''), code: rest.join('\n') });
    }
  }
  return examples;
}

describe('the rule catalog', () => {
  it('the plugin has one ESLint rule per per-file check, sorted by name, and no other', () => {
    expect(Object.keys(rules)).toEqual([...ruleFiles].sort());
  });

  it('every rule is a catalog id and is exported by the plugin', () => {
    for (const name of ruleFiles) {
      expect(RULE_IDS).toContain(`cosmic/${name}`);
      expect(cosmic.rules?.[name]).toBeDefined();
    }
  });

  it('every preset only enables rules that exist', () => {
    for (const config of Object.values(cosmic.configs)) {
      for (const ruleId of Object.keys(config.rules ?? {})) expect(ruleFiles).toContain(ruleId.replace('cosmic/', ''));
    }
  });

  describe.each(ruleFiles)('%s', (name) => {
    const rule = rules[name]!;
    const docFile = path.join(REPO_ROOT, 'docs', 'rules', `${name}.md`);

    it('has a doc page at its docs URL, whose summary is its description', () => {
      expect(rule.meta.docs!.url).toBe(`${DOCS_BASE_URL}${name}.md`);
      const doc = fs.readFileSync(docFile, 'utf8');
      expect(doc.startsWith(`# cosmic/${name}\n\n> ${rule.meta.docs!.description}\n`)).toBe(true);
      for (const heading of ['## What it checks', '## Why', '## ❌ Incorrect', '## ✅ Correct', '## Options']) expect(doc).toContain(heading);
    });

    it('teaches in every message: what was found, why (the book), and the fix', () => {
      const suggestions = Object.keys(FILE_CHECKS[`cosmic/${name}`]?.suggestions ?? {});
      for (const [messageId, template] of Object.entries(rule.meta.messages)) {
        // A suggestion's message says what the change does; the finding it comes with teaches.
        if (suggestions.includes(messageId)) continue;
        expect(template).toMatch(/Why: .+\. Fix: .+\.$/);
        expect(formatMessage(template, {})).toBe(template);
      }
    });

    // A whole-program rule's examples span files: test/docs/generated.test.ts runs them through the audit.
    it.skipIf(FILE_CHECKS[`cosmic/${name}`]?.wholeProgram)('reports every ❌ example of its doc and none of the ✅ ones', () => {
      const examples = docExamples(fs.readFileSync(docFile, 'utf8'));
      expect(examples.filter((example) => example.verdict === 'incorrect').length).toBeGreaterThan(0);
      expect(examples.filter((example) => example.verdict === 'correct').length).toBeGreaterThan(0);
      // A rule about several bounded contexts needs a project that has them.
      const project = name === 'context-boundaries' ? fixturePath('contexts') : name === 'integrate-through-events' ? fixturePath('violations', name) : fixturePath('allocation');
      const linter = new Linter({ cwd: project });
      for (const example of examples) {
        const messages = linter.verify(example.code, [{ ...cosmic.configs.recommended, rules: { [`cosmic/${name}`]: 'error' } }], path.join(project, example.file));
        const ours = messages.filter((message) => message.ruleId === `cosmic/${name}`);
        expect(
          messages.filter((message) => message.fatal),
          example.code,
        ).toEqual([]);
        if (example.verdict === 'incorrect') expect(ours.length, `${example.file}:\n${example.code}`).toBeGreaterThan(0);
        else expect(ours, `${example.file}:\n${example.code}`).toEqual([]);
      }
    });
  });
});
