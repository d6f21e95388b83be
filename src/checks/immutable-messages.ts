import type { MutableMember } from '../project/members.js';
import type { FileFacts, Finding } from './finding.js';

export const IMMUTABLE_MESSAGES = 'cosmic/immutable-messages';

const REASON =
  'a command is an intent and an event a fact: the bus hands the same object to a handler, to every handler of an event and out of the process, so a change made by one is seen by the next, and the record of what happened is rewritten (ch. 8, 10)';

export const immutableMessagesMessages = {
  mutableMember: `{{owner}}.{{name}} in {{module}} is {{what}}. Why: ${REASON}. Fix: mark it \`readonly\` (ESLint --fix does) and build a new {{noun}} instead of changing one; for a type, \`Readonly<…>\` does the same for every field.`,
  setter: `{{owner}} in {{module}} has a setter for {{name}}. Why: ${REASON}. Fix: remove the setter and build a new {{noun}} with the changed value.`,
} as const;

export type ImmutableMessagesMessageId = keyof typeof immutableMessagesMessages;

/** How a message names each kind of mutable member. */
const WHAT: Record<MutableMember['kind'], string> = {
  field: 'a field without readonly',
  'parameter-property': 'a constructor parameter property without readonly',
  'property-signature': 'a property without readonly',
  'index-signature': 'an index signature without readonly',
  setter: 'a setter',
};

/** `cosmic/immutable-messages`: commands and events are immutable: every field `readonly`, no setters (the compiler then refuses every assignment to them, anywhere). */
export function checkImmutableMessages(facts: FileFacts): Finding[] {
  const { role } = facts.classification;
  if (role !== 'commands' && role !== 'events') return [];
  const noun = role === 'commands' ? 'command' : 'event';
  return mutableMemberFindings(IMMUTABLE_MESSAGES, facts, { module: role === 'commands' ? 'a commands module' : 'an events module', noun });
}

/**
 * One finding per mutable member of a file whose values must not change (messages, value
 * objects): `setter` for a setter, `mutableMember` with a `readonly` fix for the rest.
 */
export function mutableMemberFindings(ruleId: string, facts: FileFacts, data: Record<string, string>): Finding[] {
  return facts.mutableMembers().map((member) => ({
    ruleId,
    messageId: member.kind === 'setter' ? 'setter' : 'mutableMember',
    import: undefined,
    range: member.range,
    data: { owner: member.owner, name: member.name, what: WHAT[member.kind], ...data },
    ...(member.insertAt !== undefined ? { fix: { insertAt: member.insertAt, text: 'readonly ' } } : {}),
  }));
}
