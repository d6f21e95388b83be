// `cosmic-lint init --eslint`: adds the preset to the project's ESLint flat config, or writes one in
// the project's module system. An existing config is edited only where its shape is unambiguous
// (an exported array, or a defineConfig / tseslint.config call); anything else gets the lines to add.
import fs from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import { typescript } from '../project/typescript.js';
import type { PresetName } from '../config/types.js';

export type EslintPlan =
  { kind: 'create' | 'patch'; file: string; text: string; preset: PresetName } | { kind: 'present'; file: string } | { kind: 'manual'; file: string; reason: string; lines: string[] };

/** ESLint's flat config names, in the order ESLint looks for them. */
const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/** Whether `.js` files in `root` are ES modules: package.json "type": "module". */
function isModuleProject(root: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { type?: unknown }).type === 'module';
  } catch {
    return false;
  }
}

/** Whether a config file is written in ES module syntax, judged by its extension and the project's "type". */
function usesEsm(file: string, root: string): boolean {
  if (/\.c[jt]s$/.test(file)) return false;
  if (/\.m[jt]s$/.test(file) || file.endsWith('.ts')) return true;
  return isModuleProject(root);
}

/** The legacy (eslintrc) config files: ESLint 8 reads them, and switches to flat config, ignoring them, once an eslint.config.* exists. */
const ESLINTRC = ['.eslintrc.js', '.eslintrc.cjs', '.eslintrc.yaml', '.eslintrc.yml', '.eslintrc.json', '.eslintrc'];

function legacyConfig(root: string): string | undefined {
  const file = ESLINTRC.map((name) => path.join(root, name)).find((candidate) => fs.existsSync(candidate));
  if (file) return file;
  try {
    return 'eslintConfig' in (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as object) ? path.join(root, 'package.json') : undefined;
  } catch {
    return undefined;
  }
}

export function planEslintConfig(root: string, preset: PresetName): EslintPlan {
  const existing = ESLINT_CONFIGS.map((name) => path.join(root, name)).find((file) => fs.existsSync(file));
  const legacy = existing ? undefined : legacyConfig(root);
  if (legacy) {
    // Writing an eslint.config.js here would silently switch ESLint 8.57 to flat config and drop the project's own rules.
    return {
      kind: 'manual',
      file: legacy,
      reason: `it is an eslintrc config, and the plugin is flat-config only (an eslint.config.js beside it would make ESLint ignore it); migrate first with npx @eslint/migrate-config ${path.basename(legacy)} (ESLint 8.57 or later)`,
      lines: [
        isModuleProject(root) ? "import cosmic from 'cosmic-lint';" : "const cosmic = require('cosmic-lint');",
        `and ${presetExpression('cosmic', preset)} as the last entry of the exported config`,
      ],
    };
  }
  if (!existing) {
    const esm = isModuleProject(root);
    const text = esm
      ? `// ESLint flat config, written by \`cosmic-lint init --eslint\`.\nimport cosmic from 'cosmic-lint';\n\nexport default [cosmic.configs.${quoteKey(preset)}];\n`
      : `// ESLint flat config, written by \`cosmic-lint init --eslint\`.\nconst cosmic = require('cosmic-lint');\n\nmodule.exports = [cosmic.configs.${quoteKey(preset)}];\n`;
    return { kind: 'create', file: path.join(root, 'eslint.config.js'), text, preset };
  }
  return patchEslintConfig(existing, fs.readFileSync(existing, 'utf8'), usesEsm(existing, root), preset);
}

/** `recommended` → `recommended`; `domain-only` → `['domain-only']`. */
function quoteKey(preset: PresetName): string {
  return /^[a-z]+$/i.test(preset) ? preset : `['${preset}']`;
}

function presetExpression(name: string, preset: PresetName): string {
  return /^[a-z]+$/i.test(preset) ? `${name}.configs.${preset}` : `${name}.configs${quoteKey(preset)}`;
}

/** The exported config value: `export default X` or `module.exports = X`. */
function exportedValue(source: TS.SourceFile): TS.Expression | undefined {
  const ts = typescript();
  for (const statement of source.statements) {
    if (ts.isExportAssignment(statement) && !statement.isExportEquals) return statement.expression;
    if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      statement.expression.left.getText(source) === 'module.exports'
    ) {
      return statement.expression.right;
    }
  }
  return undefined;
}

/** The list the preset goes at the end of: the exported array, or the arguments of defineConfig(…)/tseslint.config(…). */
function configList(value: TS.Expression, source: TS.SourceFile): { elements: TS.NodeArray<TS.Expression>; close: number } | undefined {
  const ts = typescript();
  let expression = value;
  while (ts.isParenthesizedExpression(expression) || ts.isSatisfiesExpression(expression) || ts.isAsExpression(expression)) expression = expression.expression;
  if (ts.isArrayLiteralExpression(expression)) return { elements: expression.elements, close: expression.getEnd() - 1 };
  if (ts.isCallExpression(expression) && /^(?:defineConfig|\w+\.config)$/.test(expression.expression.getText(source))) {
    // defineConfig([a, b]): into the array; defineConfig(a, b): after the last argument.
    const [only] = expression.arguments;
    if (expression.arguments.length === 1 && ts.isArrayLiteralExpression(only!)) return configList(only, source);
    return { elements: expression.arguments, close: expression.getEnd() - 1 };
  }
  return undefined;
}

/** Where a new top-level import or require goes: after the last one, else at the top. */
function importPosition(source: TS.SourceFile, esm: boolean): number {
  const ts = typescript();
  let after = 0;
  for (const statement of source.statements) {
    const isImport = esm ? ts.isImportDeclaration(statement) : ts.isVariableStatement(statement) && /\brequire\(/.test(statement.getText(source));
    if (isImport) after = statement.getEnd();
  }
  return after;
}

export function patchEslintConfig(file: string, text: string, esm: boolean, preset: PresetName): EslintPlan {
  const ts = typescript();
  const name = /\bcosmic\b/.test(text) ? 'cosmicLint' : 'cosmic';
  const importLine = esm ? `import ${name} from 'cosmic-lint';` : `const ${name} = require('cosmic-lint');`;
  const manual = (reason: string): EslintPlan => ({ kind: 'manual', file, reason, lines: [importLine, `and ${presetExpression(name, preset)} as the last entry of the exported config`] });
  if (/['"]cosmic-lint['"]/.test(text)) return { kind: 'present', file };
  const kind = /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  if (((source as TS.SourceFile & { parseDiagnostics?: readonly TS.Diagnostic[] }).parseDiagnostics ?? []).length > 0) return manual('it does not parse');
  const value = exportedValue(source);
  if (!value) return manual(esm ? 'no `export default`' : 'no `module.exports =`');
  const list = configList(value, source);
  if (!list) return manual('its export is not an array literal or a defineConfig(…) call');

  const entry = presetExpression(name, preset);
  const last = list.elements.at(-1);
  let insertion: { at: number; text: string };
  if (!last) {
    insertion = { at: list.close, text: entry };
  } else {
    const lineStart = text.lastIndexOf('\n', last.getStart(source)) + 1;
    const indentation = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const multiline = text.slice(list.elements.pos, list.close).includes('\n');
    insertion = { at: last.getEnd(), text: multiline ? `,\n${indentation}${entry}` : `, ${entry}` };
  }
  const at = importPosition(source, esm);
  const head = at === 0 ? `${importLine}\n` : `\n${importLine}`;
  // Insert from the end so the earlier position stays valid.
  const patched = text.slice(0, insertion.at) + insertion.text + text.slice(insertion.at);
  return { kind: 'patch', file, text: patched.slice(0, at) + head + patched.slice(at), preset };
}
