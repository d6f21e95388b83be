import path from 'node:path';
import type { Classification } from '../project/classify.js';
import type { Project } from '../project/project.js';
import { neutralise } from '../report/escape.js';

/** The role and why: the glob, or the convention and the word matched; for no role, what decided it. */
function roleLine(classification: Classification): string {
  if (classification.role) return `${classification.role} (${classification.roleReason})`;
  if (classification.roleReason) return `none (${classification.roleReason})`;
  return classification.roleNotes.length > 0 ? 'none:' : 'none: no roles glob matches it and its name follows no convention';
}

/** A file's layer and role lines, with the conventions that were not applied: what `classify` and `explain` both print. */
export function layerAndRoleLines(classification: Classification): string[] {
  return [
    `  layer:   ${classification.layer ? `${classification.layer} (glob "${classification.layerGlob}")` : 'none: no layer glob matches it'}`,
    `  role:    ${roleLine(classification)}`,
    ...classification.roleNotes.map((note) => `           - ${note}`),
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
      ...layerAndRoleLines(classification),
      `  checked: ${classification.included ? 'yes (in include, not in exclude)' : 'no (outside include, in exclude, or outside the config root)'}`,
    );
  }
  // File names, globs and folder names come from the project: none may drive the terminal.
  return `${lines.map(neutralise).join('\n')}\n`;
}
