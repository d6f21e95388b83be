import type * as TS from 'typescript';

/**
 * How deep a file may nest brackets, braces, parentheses and template substitutions for the audit
 * to parse it. TypeScript's parser recurses, so past some depth it runs out of call stack, and
 * where exactly depends on how much stack is left and on what the JIT has made of the parser so
 * far: the same file could parse on one run and not on the next. A fixed limit, well below any
 * stack, makes the answer a property of the file. Real code nests a few dozen levels.
 */
export const MAX_NESTING = 400;

/**
 * How deep `text` (the content of `file`, whose name says whether it holds JSX) nests, if past
 * `limit`, counted with TypeScript's scanner (no recursion; strings
 * and comments do not count). Two measures: brackets, braces, parentheses and a template's
 * `${ … }`; and the constructs the parser also recurses on without brackets (`() => () => …`,
 * `a ? b : c ? …`, `Array<Array<…>>`): the `=>`, `?` and `<` tokens in a row with no `;`, `,`,
 * brace or `>` between them. Files with fewer such characters in all than the limit are not
 * scanned: they cannot nest deeper than that.
 */
export function exceedsNesting(ts: typeof TS, text: string, file: string, limit = MAX_NESTING): number | undefined {
  // Each measure is at most the number of characters that can raise it.
  let brackets = 0;
  let chains = 0;
  for (let index = 0; index < text.length && brackets <= limit && chains <= limit; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x28 || code === 0x5b || code === 0x7b)
      brackets++; // ( [ {
    else if (code === 0x3f || code === 0x3c || (code === 0x3d && text.charCodeAt(index + 1) === 0x3e)) chains++; // ? < =>
  }
  if (brackets <= limit && chains <= limit) return undefined;
  const variant = /\.[jt]sx$/.test(file) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, variant, text);
  const stack: boolean[] = []; // true: a template substitution
  let deepest = 0;
  let chain = 0;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    switch (token) {
      case ts.SyntaxKind.EqualsGreaterThanToken:
      case ts.SyntaxKind.QuestionToken:
      case ts.SyntaxKind.LessThanToken:
        if (++chain > limit) return chain;
        break;
      case ts.SyntaxKind.SemicolonToken:
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.GreaterThanToken:
        chain = 0;
        break;
      default:
        break;
    }
    if (token === ts.SyntaxKind.OpenBraceToken || token === ts.SyntaxKind.CloseBraceToken) chain = 0;
    switch (token) {
      case ts.SyntaxKind.OpenBraceToken:
      case ts.SyntaxKind.OpenParenToken:
      case ts.SyntaxKind.OpenBracketToken:
        stack.push(false);
        break;
      case ts.SyntaxKind.TemplateHead:
        stack.push(true);
        break;
      case ts.SyntaxKind.CloseBraceToken:
        if (stack.at(-1) === true) {
          // The brace ends a substitution: the template goes on (middle) or ends (tail).
          if (scanner.reScanTemplateToken(false) === ts.SyntaxKind.TemplateTail) stack.pop();
        } else {
          stack.pop();
        }
        break;
      case ts.SyntaxKind.CloseParenToken:
      case ts.SyntaxKind.CloseBracketToken:
        stack.pop();
        break;
      default:
        break;
    }
    if (stack.length > deepest) {
      deepest = stack.length;
      if (deepest > limit) return deepest;
    }
  }
  return undefined;
}
