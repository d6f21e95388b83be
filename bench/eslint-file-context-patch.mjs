// An experiment, never shipped: ESLint's FileContext#extend builds each rule's context with
// Object.create(fileContext), so every linted file's FileContext becomes a prototype, and V8 keeps
// it (with the file's SourceCode and syntax tree) alive through young-generation collections until
// a full one. This replaces `extend` with a copy of the same properties onto a FileContext-shaped
// object, to measure what that costs: `COSMIC_BENCH_PATCH=1 node bench/eslint-child.mjs …` or
// `node bench/floor.mjs`, which runs it as a third ESLint line.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const eslint = process.env.COSMIC_BENCH_ESLINT ?? 'eslint';
const fileContextModule = require.resolve(`${eslint}/package.json`).replace(/package\.json$/, 'lib/linter/file-context.js');
const { FileContext } = require(fileContextModule);
FileContext.prototype.extend = function extend(extension) {
  return Object.freeze(Object.defineProperties(Object.create(FileContext.prototype), { ...Object.getOwnPropertyDescriptors(this), ...Object.getOwnPropertyDescriptors(extension) }));
};
