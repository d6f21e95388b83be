import type { FileFacts, Finding } from './finding.js';
import { mutableMemberFindings } from './immutable-messages.js';

export const VALUE_OBJECTS_IMMUTABLE = 'cosmic/value-objects-immutable';

const REASON =
  'a value object is its value: two with the same fields are the same, so it is shared freely and used as a key; changing one changes every holder of it behind their backs, where an entity, which has an identity, would be the thing that changes (ch. 1)';

export const valueObjectsImmutableMessages = {
  mutableMember: `{{owner}}.{{name}} in a value-objects module is {{what}}. Why: ${REASON}. Fix: mark it \`readonly\` (ESLint --fix does) and return a new value from the operation that would change it (\`withAmount(…)\`); if it has an identity, it is an entity: move it out of the value objects.`,
  setter: `{{owner}} in a value-objects module has a setter for {{name}}. Why: ${REASON}. Fix: remove the setter and return a new value object with the changed field.`,
} as const;

export type ValueObjectsImmutableMessageId = keyof typeof valueObjectsImmutableMessages;

/** `cosmic/value-objects-immutable`: in a value-objects module, every field is readonly and no class has a setter; entities, which have identity, live elsewhere. */
export function checkValueObjectsImmutable(facts: FileFacts): Finding[] {
  if (facts.classification.role !== 'value-objects') return [];
  return mutableMemberFindings(VALUE_OBJECTS_IMMUTABLE, facts, {});
}
