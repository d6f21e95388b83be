import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/checks/registry.js';
import { neutralise } from '../../src/report/escape.js';
import { formatGithub } from '../../src/report/github.js';
import { formatHtml } from '../../src/report/html.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatSarif, pathToUri } from '../../src/report/sarif.js';
import { formatDiagnostics, formatText } from '../../src/report/text.js';
import type { AuditResult } from '../../src/results/violation.js';
import { fixturePath, cli } from '../helpers.js';
import { isUriReference } from './uri.js';

/**
 * Hostile names, made in a temporary copy of fixtures/report/hostile (some file systems, and git,
 * refuse some of them): each a domain file importing the adapter of the same name (a forbidden
 * import whose message embeds both names) and an unresolvable specifier carrying ESC.
 */
const NAMES = [
  'esc\u001b[32m✔ no problems\u001b[0m',
  'bel\u0007',
  'line\n✔ no problems (9 files checked)\r',
  'bidi\u202etxt.exe',
  'iso\u2066x\u2069\u200f\u061c\u200e\u202a\u202b\u202c\u202d\u2067\u2068',
  'c1\u009b31m\u007f\u0085',
  'pipe|tick`',
  '100% #1?x y',
  'ünï\ttab\u2028',
];
const SPECIFIER = 'pg\u001b[2J\u0007';

/** Every character a report for people must never carry raw (LF and tab aside, which the formats use themselves). */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unsafeIn = (text: string) => {
  const found = UNSAFE.exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${found.index}: ${JSON.stringify(text.slice(Math.max(0, found.index - 40), found.index + 10))}` : null;
};
/** XML 1.0 Char production, inverted. */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-hostile-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));
const project = path.join(temporary, 'project');
fs.cpSync(fixturePath('report', 'hostile'), project, { recursive: true });
for (const name of NAMES) {
  fs.writeFileSync(path.join(project, 'src', 'adapters', `${name}.ts`), 'export const v = 1;\n');
  fs.writeFileSync(path.join(project, 'src', 'domain', `${name}.ts`), `import { v } from ${JSON.stringify(`../adapters/${name}.js`)};\nimport ${JSON.stringify(SPECIFIER)};\nexport const w = v;\n`);
}

const run = async (format: string, ...args: string[]) => await cli(['audit', project, '--format', format, ...args]);
const result = JSON.parse((await run('json')).stdout) as AuditResult;
const rules = Object.values(ALL_RULES);

/**
 * The same result with what no file system gives us but a result may hold: lone surrogates,
 * U+FFFE/U+FFFF, NUL, a chain whose hops carry hostile names, diagnostics and stale baseline entries.
 */
const worse: AuditResult = structuredClone(result);
{
  const odd = 'odd\udfff\ud800\ufffe\uffff\u0000\u001b]0;title\u0007';
  const first = worse.violations[0]!;
  first.file = `src/domain/${odd}.ts`;
  first.message = `${first.message} ${odd}`;
  first.chain = [
    { file: `src/domain/${NAMES[0]!}.ts`, line: 1, specifier: `./${odd}.js` },
    { file: `src/shared/${NAMES[3]!}.ts`, line: 2, specifier: SPECIFIER },
  ];
  worse.diagnostics = [{ kind: 'parse-error', file: `src/domain/${odd}.ts`, line: 3, message: `broken: ${NAMES[2]!}` }];
  worse.staleBaseline = [{ fingerprint: '0123456789abcdef0123', ruleId: 'cosmic/domain-purity', file: `src/domain/${NAMES[0]!}.ts`, target: odd }];
}

describe('hostile names in every format', () => {
  it('the project really holds them: the JSON report keeps names exactly (JSON escapes controls itself)', async () => {
    const files = new Set(result.violations.map((violation) => violation.file));
    for (const name of NAMES.filter((candidate) => !candidate.includes('\n'))) expect(files).toContain(`src/domain/${name}.ts`);
    expect(result.violations.some((violation) => violation.specifier === SPECIFIER)).toBe(true);
    expect((await run('json')).stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it('neutralise shows every control and bidi character as \\uXXXX and leaves the rest alone', () => {
    expect(neutralise('a\u001b[31mb\u0007\r\n\t\u009b\u202e\u2066\u200f\u061c\ud800ü✔')).toBe('a\\u001b[31mb\\u0007\\u000d\\u000a\\u0009\\u009b\\u202e\\u2066\\u200f\\u061c\\ud800ü✔');
    expect(neutralise('src/domain/model.ts')).toBe('src/domain/model.ts');
  });

  it('text: no raw control or bidi character, no forged line; our own colours stay', async () => {
    const plain = run('text');
    expect(unsafeIn((await plain).stdout)).toBeNull();
    expect(unsafeIn((await plain).stderr)).toBeNull();
    expect((await plain).stdout).not.toContain('\u001b');
    expect((await plain).stdout).toContain('esc\\u001b[32m✔ no problems\\u001b[0m.ts');
    expect((await plain).stdout).toContain('bidi\\u202etxt.exe.ts');
    // The summary is the only line that starts like one.
    const lines = (await plain).stdout.trimEnd().split('\n');
    expect(lines.filter((line) => /^\s*[✔✖]/.test(line))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).toMatch(/^✖ \d+ problems/);
    for (const output of [formatText(result, { color: true }), formatText(worse, { color: true }), formatDiagnostics(worse.diagnostics)]) {
      // Strip our own SGR codes (the only ones the painter writes): nothing unsafe is left.
      const stripped = output.replace(/\u001b\[(?:1|2|4|22|24|31|32|33|39)m/g, '');
      expect(unsafeIn(stripped)).toBeNull();
    }
    expect(formatText(result, { color: true })).toContain('\u001b[4m');
    expect(formatText(worse, { color: false })).toContain('odd\\udfff\\ud800\\ufffe\\uffff\\u0000\\u001b]0;title\\u0007');
  });

  it('github: no raw control or bidi character, one line per annotation', async () => {
    for (const output of [(await run('github')).stdout, formatGithub(worse)]) {
      expect(unsafeIn(output)).toBeNull();
      for (const line of output.trimEnd().split('\n')) expect(line).toMatch(/^::(error|warning) /);
    }
    expect((await run('github')).stdout).toContain('file=src/domain/esc\\u001b[32m✔ no problems\\u001b[0m.ts,');
  });

  it('markdown: no raw control or bidi character, no raw HTML, no extra table cell, backticks inert', async () => {
    for (const output of [(await run('markdown')).stdout, formatMarkdown(worse)]) {
      expect(unsafeIn(output)).toBeNull();
      expect(output).not.toMatch(/<img|<script/);
      // Every | and ` a name brings is escaped.
      expect(output).not.toMatch(/[^\\]\|tick|[^\\]`\.ts/);
      for (const line of output.split('\n').filter((candidate) => candidate.startsWith('|'))) expect(line.replace(/\\\|/g, '').split('|')).toHaveLength(5);
    }
    expect((await run('markdown')).stdout).toContain('bidi\\\\u202etxt.exe.ts');
  });

  it('sarif: every artifact URI is an RFC 3986 reference that decodes back to the path', async () => {
    const uris = (log: string) => [...log.matchAll(/"uri": "([^"]*)"/g)].map((match) => JSON.parse(`"${match[1]!}"`) as string);
    const cli = (await run('sarif')).stdout;
    expect(uris(cli).length).toBeGreaterThanOrEqual(NAMES.length);
    for (const uri of [...uris(cli), ...uris(formatSarif(worse, rules))]) expect(isUriReference(uri), uri).toBe(true);
    for (const violation of result.violations) expect(decodeURIComponent(pathToUri(violation.file))).toBe(violation.file);
    // Message texts, which viewers show, carry no control or bidi character either (JSON would only escape the C0 ones).
    for (const output of [cli, formatSarif(worse, rules)]) {
      const texts = [...output.matchAll(/"text": ("(?:[^"\\]|\\.)*")/g)].map((match) => JSON.parse(match[1]!) as string);
      for (const text of texts) expect(unsafeIn(text)).toBeNull();
    }
    expect(pathToUri('a:b/c d%.ts')).toBe('a%3Ab/c%20d%25.ts');
    expect(pathToUri('src/\ud800.ts')).toBe('src/%EF%BF%BD.ts');
    expect(pathToUri('/outside/x y.ts')).toBe('file:///outside/x%20y.ts');
  });

  it('junit: well-formed XML, no XML-illegal or bidi character, names readable', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    for (const output of [(await run('junit')).stdout, formatJunit(worse, rules)]) {
      expect(XMLValidator.validate(output)).toBe(true);
      expect(XML_ILLEGAL.test(output)).toBe(false);
      expect(unsafeIn(output)).toBeNull();
      expect(() => parser.parse(output) as unknown).not.toThrow();
    }
    expect((await run('junit')).stdout).toContain('name="src/domain/esc\\u001b[32m✔ no problems\\u001b[0m.ts"');
  });

  it('html: escaped, and no control or bidi character in what the page shows', async () => {
    for (const output of [(await run('html')).stdout, await formatHtml(worse)]) {
      expect(unsafeIn(output)).toBeNull();
      expect(output).not.toMatch(/<img|<\/script><script>/);
    }
  });
});
