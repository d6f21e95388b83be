import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isPresetName } from '../../src/config/load.js';
import type { Classification } from '../../src/project/classify.js';
import type { FileFacts, Finding } from '../../src/checks/finding.js';
import { FILE_CHECKS, runFileCheck } from '../../src/checks/registry.js';
import { constructionsOfProgram, importRecordsOfProgram } from '../../src/project/imports.js';
import { lazy } from '../../src/project/lazy.js';
import { createProjectCache, projectForFile, resolveImports, type Project } from '../../src/project/project.js';
import { createRule } from './create-rule.js';
import { mutableMembersOfProgram } from '../../src/project/members.js';
import { callablesOfProgram } from '../../src/project/callables.js';
import { writesOfProgram } from '../../src/project/writes.js';
import { classesOfProgram } from '../../src/project/classes.js';
import { registrationsOfProgram } from '../../src/project/registrations.js';
import { beginLint } from '../../src/config/watch.js';
import { isOneShotLinter } from '../../src/config/one-shot-linter.js';

/**
 * One cache for every cosmic rule in the process: config, classification and resolution are
 * shared. An editor keeps this process alive while files and configs change, so the cache checks
 * each answer against the files and folders it was read from (config/watch.ts) before reusing it;
 * ESLint's and oxlint's command lines lint once and exit, so there it trusts what it read, as the audit does.
 */
const projectCache = createProjectCache({ watch: !isOneShotLinter(process.argv) });

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type SourceCode = Context['sourceCode'];

/** A file's resolved imports, computed by the first cosmic rule that asks and shared by the rest. */
const factsBySource = new WeakMap<SourceCode, { project: Project; facts: FileFacts }>();

/** The project of each lint (every cosmic rule asks for the same file in a row): a new lint checks the caches again. */
const projectBySource = new WeakMap<SourceCode, { settings: unknown; project: Project }>();

/** The project the linted file belongs to, from `settings.cosmic`, a config file, or detection. */
export function projectOf(context: Context): Project {
  const known = projectBySource.get(context.sourceCode);
  if (known && known.settings === context.settings) return known.project;
  beginLint();
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
  projectBySource.set(context.sourceCode, { settings: context.settings, project });
  return project;
}

function factsOf(context: Context, project: Project, classification: Classification): FileFacts {
  const { sourceCode } = context;
  const cached = factsBySource.get(sourceCode);
  if (cached && cached.project === project) return cached.facts;
  const facts = readFacts(context.filename, sourceCode.ast, sourceCode.text, sourceCode.visitorKeys, sourceCode.scopeManager, project, classification);
  factsBySource.set(sourceCode, { project, facts });
  return facts;
}

/**
 * A file's facts, from its tree. Deliberately not handed the SourceCode: the facts are the value
 * of a WeakMap keyed by it (the form oxlint emulates for its one shared SourceCode), and in V8 an
 * entry whose value leads back to its key survives every young-generation collection until a
 * full one, and the file's whole tree with it. The getters used to close over the SourceCode,
 * which promoted 609 MB instead of 426 MB over the bench's synthetic project (ESLint's command
 * line, with ESLint's own retention of rule contexts taken out; bench/upstream-eslint-file-context.md).
 */
function readFacts(
  file: string,
  ast: TSESTree.Program,
  text: string,
  visitorKeys: SourceCode['visitorKeys'],
  scopeManager: SourceCode['scopeManager'],
  project: Project,
  classification: Classification,
): FileFacts {
  const records = importRecordsOfProgram(ast, text, visitorKeys, scopeManager);
  return {
    path: file,
    classification,
    imports: resolveImports(project, file, records),
    constructions: lazy(() => constructionsOfProgram(ast, visitorKeys)),
    mutableMembers: lazy(() => mutableMembersOfProgram(ast)),
    callables: lazy(() => callablesOfProgram(ast, text, visitorKeys)),
    writes: lazy(() => writesOfProgram(ast, visitorKeys)),
    classes: lazy(() => classesOfProgram(ast, visitorKeys)),
    registrations: lazy(() => registrationsOfProgram(ast, visitorKeys, text)),
  };
}

/** The `import` statement a finding's import record was read from. */
function importStatement(context: Context, finding: Finding): TSESTree.ImportDeclaration | undefined {
  const range = finding.import?.range;
  if (!range) return undefined;
  return context.sourceCode.ast.body.find(
    (node): node is TSESTree.ImportDeclaration => node.type === 'ImportDeclaration' && node.source.loc.start.line === range.line && node.source.loc.start.column === range.column,
  );
}

/** The ESLint fix a finding carries, if any: an insertion, or `type` added to its import statement. */
function fixOf(context: Context, finding: Finding): { fix?: TSESLint.ReportFixFunction } {
  const { fix } = finding;
  if (!fix) return {};
  if ('insertAt' in fix) return { fix: (fixer) => fixer.insertTextBeforeRange([fix.insertAt, fix.insertAt], fix.text) };
  const statement = importStatement(context, finding);
  // `import` is the statement's first word: `type` goes right after it.
  return statement ? { fix: (fixer) => fixer.insertTextAfterRange([statement.range[0], statement.range[0] + 'import'.length], ' type') } : {};
}

/**
 * The suggestion a finding carries, if any: its one-name import statement becomes `import type {
 * to }` from the same module, and every reference to the old binding names `to`. Not offered when
 * `to` is already a name of the file (the new import would clash with it).
 */
function suggestionsOf<MessageId extends string>(context: Context, finding: Finding): { suggest?: Array<TSESLint.SuggestionReportDescriptor<MessageId>> } {
  const { suggest } = finding;
  const statement = suggest && importStatement(context, finding);
  const specifier = statement?.specifiers.length === 1 ? statement.specifiers[0] : undefined;
  if (!suggest || !statement || specifier?.type !== 'ImportSpecifier' || specifier.local.name !== suggest.importType.from) return {};
  const { sourceCode } = context;
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find((scope) => scope.type === 'module') ?? sourceCode.scopeManager?.globalScope;
  if (!moduleScope || moduleScope.set.has(suggest.importType.to)) return {};
  const references = sourceCode.getDeclaredVariables(specifier)[0]?.references ?? [];
  return {
    suggest: [
      {
        messageId: suggest.messageId as MessageId,
        data: suggest.data,
        fix: (fixer) => [
          fixer.replaceText(statement, `import type { ${suggest.importType.to} } from ${sourceCode.getText(statement.source)};`),
          ...references.map((reference) => fixer.replaceText(reference.identifier, suggest.importType.to)),
        ],
      },
    ],
  };
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
  return createRule<MessageId>({
    name,
    meta: {
      type: 'problem',
      docs: { description: check.description },
      messages: { ...check.messages, ...check.suggestions } as Record<MessageId, string>,
      schema: [],
      ...(check.fixable ? { fixable: 'code' as const } : {}),
      ...(check.suggestions ? { hasSuggestions: true } : {}),
    },
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
              // An insertion the check found safe (`readonly` before a member of a message); the audit only reports.
              ...fixOf(context, finding),
              ...suggestionsOf<MessageId>(context, finding),
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
