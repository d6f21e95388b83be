import type { Classification } from '../project/classify.js';
import type { ResolvedImport } from '../project/imports.js';

/** What a check found on one import (or on the file, when `import` is absent). */
export interface Finding {
  ruleId: string;
  messageId: string;
  data: Record<string, string>;
  import: ResolvedImport | undefined;
}

/** The inputs every per-file check takes: the file's classification and its resolved imports. */
export interface FileFacts {
  classification: Classification;
  imports: readonly ResolvedImport[];
}

/** Fills `{{ name }}` placeholders the way ESLint does, so the audit prints the editor's words. */
export function formatMessage(template: string, data: Record<string, string>): string {
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, key: string) => data[key] ?? whole);
}

export function describeSide(classification: Pick<Classification, 'layer' | 'role'>): string {
  const layer = classification.layer ?? 'unclassified';
  return classification.role ? `${layer} (${classification.role})` : layer;
}

export function typeNote(imported: ResolvedImport): string {
  return imported.kind === 'type' ? ' (type-only imports count too)' : '';
}
