import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isPresetName } from '../../src/config/load.js';
import type { Classification } from '../../src/project/classify.js';
import type { FileFacts, Finding } from '../../src/checks/finding.js';
import { IMPORT_NODE_SELECTORS, importRecordFromEstree, type ImportRecord } from '../../src/project/imports.js';
import { createProjectCache, projectForFile, resolveImports, type Project } from '../../src/project/project.js';

/** One cache for every cosmic rule in the process: config, classification and resolution are shared. */
const projectCache = createProjectCache();

export interface ImportCheck {
  /** Whether the check can find anything in a file so classified; when not, the rule listens to nothing. */
  appliesTo(classification: Classification, project: Project): boolean;
  run(project: Project, facts: FileFacts): Finding[];
}

/** The project the linted file belongs to, from `settings.cosmic`, a config file, or detection. */
export function projectOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): Project {
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

/**
 * The thin ESLint side of an import check: collect the linted file's import records from the AST
 * ESLint already parsed, resolve them once at the end, and report what the shared check finds.
 */
export function importListeners<MessageId extends string>(
  context: Readonly<TSESLint.RuleContext<MessageId, readonly unknown[]>>,
  check: ImportCheck,
): TSESLint.RuleListener {
  const project = projectOf(context);
  const file = context.filename;
  const classification = project.classifier.classify(file);
  if (!classification.included || !check.appliesTo(classification, project)) return {};
  const records: ImportRecord[] = [];
  const collect = (node: TSESTree.Node): void => {
    const record = importRecordFromEstree(node);
    if (record) records.push(record);
  };
  const listeners: TSESLint.RuleListener = Object.fromEntries(IMPORT_NODE_SELECTORS.map((selector) => [selector, collect]));
  listeners['Program:exit'] = () => {
    const imports = resolveImports(project, file, records);
    for (const finding of check.run(project, { classification, imports })) {
      const range = finding.import?.range;
      context.report({
        messageId: finding.messageId as MessageId,
        data: finding.data,
        loc: range
          ? { start: { line: range.line, column: range.column }, end: { line: range.endLine, column: range.endColumn } }
          : { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
      });
    }
  };
  return listeners;
}
