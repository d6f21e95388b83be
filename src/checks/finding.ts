import type { Classification } from '../project/classify.js';
import type { Construction, ResolvedImport, SourceRange } from '../project/imports.js';
import type { MutableMember } from '../project/members.js';
import type { Callable } from '../project/callables.js';
import type { WriteSite } from '../project/writes.js';
import type { ClassShape } from '../project/classes.js';
import type { Registration } from '../project/registrations.js';

/** What a check found on one import, or elsewhere in the file (`range`), or on the file as a whole (neither). */
export interface Finding {
  ruleId: string;
  messageId: string;
  data: Record<string, string>;
  import: ResolvedImport | undefined;
  range?: SourceRange;
  /**
   * A safe, mechanical fix ESLint may apply: `text` inserted at offset `insertAt` of the linted text,
   * or `type` added to the finding's import statement (`import { X }` → `import type { X }`).
   */
  fix?: { insertAt: number; text: string } | { typeImport: true };
  /**
   * A change ESLint offers in the editor but never applies by itself (`hasSuggestions`): the
   * finding's import statement becomes \`import type { to } from '…'\` (same module) and every
   * reference to `from` in the file names `to`.
   */
  suggest?: { messageId: string; data: Record<string, string>; importType: { from: string; to: string } };
  /** Reported as a warning even where the rule is an error: something left unchecked, or likely unfinished, rather than a broken rule. */
  warning?: true;
}

/** The inputs every per-file check takes: the file's classification and its resolved imports. */
export interface FileFacts {
  /** The file's absolute path. */
  path: string;
  classification: Classification;
  imports: readonly ResolvedImport[];
  /** The file's `new` expressions, computed on demand: few checks need them. */
  constructions: () => readonly Construction[];
  /** The mutable members of its top-level classes, interfaces and object types, on demand (messages and value objects). */
  mutableMembers: () => readonly MutableMember[];
  /** Its top-level functions and classes' methods, on demand (what handlers return). */
  callables: () => readonly Callable[];
  /** Its commits, repository writes, dispatches and data-changing SQL, on demand (the read side must not write). */
  writes: () => readonly WriteSite[];
  /** Its top-level classes: base, decorators, fields and the types they name, on demand (aggregates). */
  classes: () => readonly ClassShape[];
  /** Where it registers handlers for messages (decorators, handler maps and objects, `register` calls), on demand. */
  registrations: () => readonly Registration[];
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
