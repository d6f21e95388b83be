import { expect, it } from 'vitest';
import { exceedsNesting, MAX_NESTING } from '../../src/project/nesting.js';
import { typescript } from '../../src/project/typescript.js';

/**
 * Whether a file nests too deep for the audit to parse is a property of the file (a fixed limit,
 * counted without recursion), not of how much call stack is left: found by the fuzz suite, where
 * the same file parsed on one run and not on the next (test/fuzz/too-deep.test.ts).
 */
const ts = typescript();
const check = (text: string, jsx = false) => exceedsNesting(ts, text, jsx ? 'page.tsx' : 'module.ts');
const repeat = (depth: number, open: string, middle: string, close: string) => `${open.repeat(depth)}${middle}${close.repeat(depth)}`;

const SHAPES: Record<string, (depth: number) => string> = {
  parens: (depth) => `export const deep = ${repeat(depth, '(', '1', ')')};`,
  arrays: (depth) => `export const deep = ${repeat(depth, '[', '', ']')};`,
  objects: (depth) => `export const deep = ${repeat(depth, '{a:', '1', '}')};`,
  blocks: (depth) => repeat(depth, '{', 'require("pg");', '}'),
  templates: (depth) => `export const deep = ${repeat(depth, '`${', '1', '}`')};`,
  generics: (depth) => `export type Deep = ${repeat(depth, 'Array<', 'string', '>')};`,
  arrows: (depth) => `export const deep = ${'() => '.repeat(depth)}1;`,
  ternaries: (depth) => `export const deep = ${'a ? b : '.repeat(depth)}c;`,
};

it.each(Object.keys(SHAPES))('%s: within the limit parses, past it is too deep', (shape) => {
  expect(check(SHAPES[shape]!(MAX_NESTING - 5))).toBeUndefined();
  expect(check(SHAPES[shape]!(MAX_NESTING + 5))).toBeGreaterThan(MAX_NESTING);
  expect(check(SHAPES[shape]!(20_000))).toBeGreaterThan(MAX_NESTING);
});

it('does not count brackets in strings or comments, nor long flat code', () => {
  expect(check(`export const s = "${'('.repeat(1000)}";\n// ${'{'.repeat(1000)}\n/* ${'['.repeat(1000)} */\n`)).toBeUndefined();
  expect(check(`export const t = \`${'('.repeat(1000)}\`;\n`)).toBeUndefined();
  // A route table: many arrows, each its own entry; a long page of JSX siblings; a long sum.
  expect(check(`export const routes = {\n${Array.from({ length: 1000 }, (_, index) => `  r${index}: () => ${index},`).join('\n')}\n};\n`)).toBeUndefined();
  expect(check(`export const page = <main>${'<p>text</p>'.repeat(1000)}</main>;\n`, true)).toBeUndefined();
  expect(check(`export const sum = 1${' + (1)'.repeat(2000)};\n`)).toBeUndefined();
});
