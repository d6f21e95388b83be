import type { TSESLint } from '@typescript-eslint/utils';
import { isPresetName } from '../../src/config/load.js';
import type { Classification } from '../../src/project/classify.js';
import type { FileFacts } from '../../src/checks/finding.js';
import { FILE_CHECKS, runFileCheck } from '../../src/checks/registry.js';
import { constructionsOfProgram, importRecordsOfProgram, type Construction } from '../../src/project/imports.js';
import { createProjectCache, projectForFile, resolveImports, type Project } from '../../src/project/project.js';
import { createRule } from './create-rule.js';

/** One cache for every cosmic rule in the process: config, classification and resolution are shared. */
const projectCache = createProjectCache();

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Context['sourceCode'];

/** A file's resolved imports, computed by the first cosmic rule that asks and shared by the rest. */
const factsBySource = new WeakMap<SourceCode, { project: Project; facts: FileFacts }>();

/**
 * The last answer: every cosmic rule asks for the same file in a row. Only reused for a moment, so
 * an editor relinting the same file after its config changed gets a fresh look.
 */
let last: { filename: string; settings: unknown; project: Project; at: number } | undefined;
const LAST_ANSWER_MS = 500;

/** The project the linted file belongs to, from `settings.cosmic`, a config file, or detection. */
export function projectOf(context: Context): Project {
  const now = Date.now();
  if (last && last.filename === context.filename && last.settings === context.settings && now - last.at < LAST_ANSWER_MS) return last.project;
  const presetHint = context.settings['cosmic/preset'];
  const project = projectForFile(
    {
      file: context.filename,
      settings: context.settings['cosmic'],
      cwd: context.cwd,
      presetHint: isPresetName(presetHint) ? presetHint : undefined,
    },
    projectCache,
  );
  last = { filename: context.filename, settings: context.settings, project, at: now };
  return project;
}

function factsOf(context: Context, project: Project, classification: Classification): FileFacts {
  const { sourceCode } = context;
  const cached = factsBySource.get(sourceCode);
  if (cached && cached.project === project) return cached.facts;
  const records = importRecordsOfProgram(sourceCode.ast, sourceCode.text, sourceCode.visitorKeys, sourceCode.scopeManager);
  let constructions: Construction[] | undefined;
  const facts: FileFacts = {
    classification,
    imports: resolveImports(project, context.filename, records),
    constructions: () => (constructions ??= constructionsOfProgram(sourceCode.ast, sourceCode.visitorKeys)),
  };
  factsBySource.set(sourceCode, { project, facts });
  return facts;
}

/**
 * The whole ESLint side of a cosmic rule: the check, its messages and its precedence live in
 * src/checks. The rule reads the import records off the AST ESLint already parsed (one `Program`
 * listener, no selectors), resolves them once per file for all cosmic rules, and reports.
 */
export function checkRule<MessageId extends string>(name: string) {
  const ruleId = `cosmic/${name}`;
  const check = FILE_CHECKS[ruleId];
  if (!check) throw new Error(`internal: no check registered for ${ruleId}`);
  return createRule<[], MessageId>({
    name,
    meta: { type: 'problem', docs: { description: check.description }, messages: check.messages as Record<MessageId, string>, schema: [] },
    defaultOptions: [],
    create(context) {
      const project = projectOf(context);
      const classification = project.classifier.classify(context.filename);
      if (!classification.included || !check.appliesTo(classification)) return {};
      return {
        Program() {
          for (const finding of runFileCheck(ruleId, project, factsOf(context, project, classification))) {
            const range = finding.range ?? finding.import?.range;
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
    },
  });
}
