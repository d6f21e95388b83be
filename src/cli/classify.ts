import path from 'node:path';
import picomatch from 'picomatch';
import type { ResolvedConfig } from '../config/types.js';
import type { Classification } from '../project/classify.js';
import type { Project } from '../project/project.js';
import { neutralise } from '../report/escape.js';

/** The role and why: the glob, or the convention and the word matched; for no role, what decided it. */
function roleLine(classification: Classification): string {
  if (classification.role) return `${classification.role} (${classification.roleReason})`;
  if (classification.roleReason) return `none (${classification.roleReason})`;
  return classification.roleNotes.length > 0 ? 'none:' : 'none: no roles glob matches it and its name follows no convention';
}

/** The bounded context and whether it publishes the file, and why; nothing when the project has no contexts. */
function contextLines(classification: Classification, config: ResolvedConfig): string[] {
  if (config.contexts.length === 0) return [];
  const context = config.contexts.find((candidate) => candidate.name === classification.context);
  if (!context) return ["  context: none (in no context's folder: no context boundary applies to it)"];
  const folders = context.roots.map((folder) => `${folder}/`).join(', ');
  const matched = context.publishes?.find((glob) => picomatch(glob, { dot: true })(classification.file));
  const why = context.sharedKernel
    ? 'yes (a shared kernel: every context may import it)'
    : context.publishes
      ? matched
        ? `yes (contexts.${context.name}.publishes glob "${matched}")`
        : `no (not in contexts.${context.name}.publishes: other contexts may not import it)`
      : classification.published
        ? `yes (its role is ${classification.role ?? ''}: a context publishes its commands and events)`
        : 'no (a context publishes its commands and events only: other contexts may not import it)';
  return [`  context: ${context.name} (folder ${folders})`, `  published: ${why}`];
}

/** A file's layer and role lines, with the conventions that were not applied, and its context: what `classify` and `explain` both print. */
export function layerAndRoleLines(classification: Classification, config: ResolvedConfig): string[] {
  return [
    `  layer:   ${classification.layer ? `${classification.layer} (glob "${classification.layerGlob}")` : 'none: no layer glob matches it'}`,
    `  role:    ${roleLine(classification)}`,
    ...classification.roleNotes.map((note) => `           - ${note}`),
    ...contextLines(classification, config),
  ];
}

/** `cosmic-lint classify`: what each file is, and why, for debugging a config. */
export function classifyReport(project: Project, cwd: string, files: readonly string[]): string {
  const { config } = project;
  const lines = [`config: ${config.source} (preset ${config.preset.name}, root ${config.root})`];
  if (config.detected.length > 0) lines.push('detected layout:', ...config.detected.map((note) => `  ${note}`));
  for (const file of files) {
    const classification = project.classifier.classify(path.resolve(cwd, file));
    lines.push(
      '',
      classification.file,
      ...layerAndRoleLines(classification, config),
      `  checked: ${classification.included ? 'yes (in include, not in exclude)' : 'no (outside include, in exclude, or outside the config root)'}`,
    );
  }
  // File names, globs and folder names come from the project: none may drive the terminal.
  return `${lines.map(neutralise).join('\n')}\n`;
}
