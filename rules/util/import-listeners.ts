import type { TSESLint } from '@typescript-eslint/utils';
import { isPresetName } from '../../src/config/load.js';
import type { Classification } from '../../src/project/classify.js';
import type { FileFacts, Finding } from '../../src/checks/finding.js';
import { importRecordsOfProgram } from '../../src/project/imports.js';
import { createProjectCache, projectForFile, resolveImports, type Project } from '../../src/project/project.js';

/** One cache for every cosmic rule in the process: config, classification and resolution are shared. */
const projectCache = createProjectCache();

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Context['sourceCode'];

/** A file's resolved imports, computed by the first cosmic rule that asks and shared by the rest. */
const factsBySource = new WeakMap<SourceCode, { project: Project; facts: FileFacts }>();

export interface ImportCheck {
  /** Whether the check can find anything in a file so classified; when not, the rule does nothing. */
  appliesTo(classification: Classification, project: Project): boolean;
  run(project: Project, facts: FileFacts): Finding[];
}

/** The project the linted file belongs to, from `settings.cosmic`, a config file, or detection. */
export function projectOf(context: Context): Project {
  const presetHint = context.settings['cosmic/preset'];
  return projectForFile(
    {
      file: context.filename,
      settings: context.settings['cosmic'],
      cwd: context.cwd,
      presetHint: isPresetName(presetHint) ? presetHint : undefined,
    },
    projectCache,
  );
}

function factsOf(context: Context, project: Project, classification: Classification): FileFacts {
  const { sourceCode } = context;
  const cached = factsBySource.get(sourceCode);
  if (cached && cached.project === project) return cached.facts;
  const records = importRecordsOfProgram(sourceCode.ast, sourceCode.text, sourceCode.visitorKeys);
  const facts = { classification, imports: resolveImports(project, context.filename, records) };
  factsBySource.set(sourceCode, { project, facts });
  return facts;
}

/**
 * The thin ESLint side of an import check. It reads the import records off the AST ESLint already
 * parsed (no selectors: one listener, so the traversal costs nothing extra), resolves them once per
 * file for all cosmic rules, and reports what the shared check finds.
 */
export function importListeners<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  check: ImportCheck,
): TSESLint.RuleListener {
  const project = projectOf(context);
  const classification = project.classifier.classify(context.filename);
  if (!classification.included || !check.appliesTo(classification, project)) return {};
  return {
    Program() {
      for (const finding of check.run(project, factsOf(context, project, classification))) {
        const range = finding.import?.range;
        context.report({
          messageId: finding.messageId as MessageId,
          data: finding.data,
          loc: range
            ? { start: { line: range.line, column: range.column }, end: { line: range.endLine, column: range.endColumn } }
            : { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
        });
      }
    },
  };
}
