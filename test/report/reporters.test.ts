import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/checks/registry.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { formatJunit } from '../../src/report/junit.js';
import { escapeMarkdown, formatMarkdown } from '../../src/report/markdown.js';
import { formatSarif } from '../../src/report/sarif.js';
import type { AuditResult } from '../../src/results/violation.js';
import { fixturePath, cli } from '../helpers.js';
import { validateSarif } from './sarif-schema.js';

async function audit(fixture: string): Promise<AuditResult> {
  return JSON.parse((await cli(['audit', fixturePath(...fixture.split('/')), '--format', 'json'])).stdout) as AuditResult;
}

const rules = Object.values(ALL_RULES);
const sample = await audit('sample');
const hostile = await audit('report/hostile');

describe('sarif', () => {
  it('cosmic-lint audit --format sarif validates against the SARIF 2.1.0 schema, for the sample and for hostile file names', async () => {
    for (const fixture of ['sample', 'report/hostile']) {
      const run = await cli(['audit', fixturePath(...fixture.split('/')), '--format', 'sarif']);
      const log: unknown = JSON.parse(run.stdout);
      expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
      expect((log as { runs: Array<{ results: unknown[] }> }).runs[0]!.results.length).toBeGreaterThan(0);
    }
  });

  it('describes every rule that ran, and gives each result a region, a fingerprint and its chain', () => {
    const log = JSON.parse(formatSarif(sample, rules)) as {
      runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } }; results: Array<Record<string, unknown>> }>;
    };
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.ruleId));
    expect(run.tool.driver.rules[0]!.helpUri).toMatch(/docs\/rules\/[a-z-]+\.md$/);
    expect(run.results).toHaveLength(sample.violations.length);
    const transitive = run.results.find((result) => result['ruleId'] === 'cosmic/no-transitive-violation')!;
    expect(transitive).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'src/allocation/shared/time.ts' }, region: { startLine: 1, startColumn: 23 } } }],
      partialFingerprints: { 'cosmicLint/v1': expect.stringMatching(/^[0-9a-f]{20}$/) },
      relatedLocations: [
        { id: 1, physicalLocation: { artifactLocation: { uri: 'src/allocation/domain/model.ts' }, region: { startLine: 2 } } },
        { id: 2, physicalLocation: { artifactLocation: { uri: 'src/allocation/shared/time.ts' }, region: { startLine: 1 } } },
      ],
    });
  });
});

describe('github', () => {
  it('escapes what GitHub requires in messages and properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('writes one annotation per violation, with file, line, column and title', () => {
    const lines = formatGithub(sample).trimEnd().split('\n');
    expect(lines).toHaveLength(sample.violations.length);
    expect(lines[0]).toMatch(/^::error file=src\/allocation\/adapters\/redis-eventpublisher\.ts,line=4,endLine=4,col=28,endColumn=\d+,title=cosmic\/layer-direction::Forbidden import/);
    for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  });

  it('keeps hostile file names inside their property', () => {
    const line = formatGithub(hostile)
      .split('\n')
      .find((candidate) => candidate.includes('a%2Cb%3Ac'))!;
    expect(line).toContain('file=src/domain/a%2Cb%3Ac.ts,');
  });
});

describe('junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('is valid XML with a suite per rule and a failing case per rule × file', () => {
    for (const result of [sample, hostile]) expect(XMLValidator.validate(formatJunit(result, rules))).toBe(true);
    const xml = parser.parse(formatJunit(sample, rules)) as {
      testsuites: { failures: string; testsuite: Array<{ name: string; testcase: { name: string; failure?: unknown } | Array<{ name: string }> }> };
    };
    expect(xml.testsuites.testsuite.map((suite) => suite.name)).toEqual(rules.map((rule) => rule.ruleId).sort());
    expect(Number(xml.testsuites.failures)).toBe(new Set(sample.violations.map((violation) => `${violation.ruleId}|${violation.file}`)).size);
    const handlers = xml.testsuites.testsuite.find((suite) => suite.name === 'cosmic/handlers-use-unit-of-work')!;
    expect(handlers.testcase).toMatchObject({ name: 'src/allocation/service-layer/handlers.ts', failure: { type: 'error' } });
  });
});

describe('markdown', () => {
  it('summarises per rule and per layer pair, then lists violations with chains', () => {
    const text = formatMarkdown(sample);
    expect(text).toMatch(/^## cosmic-lint: ❌ 6 problems \(6 errors, 0 warnings\)\n/);
    expect(text).toContain('| `cosmic/layer-direction` | 2 | 0 |');
    expect(text).toContain('| adapters → service-layer |');
    expect(text).toContain("  - ↳ src/allocation/shared/time.ts:1 imports 'pg'");
  });

  it('never lets project strings become markup or break a table', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)>|`x`')).toBe('&lt;img src=x onerror=alert(1)&gt;\\|\\`x\\`');
    expect(formatMarkdown(hostile)).not.toContain('<img');
  });
});
