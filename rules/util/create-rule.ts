import type { TSESLint } from '@typescript-eslint/utils';
import { docsUrl } from '../../src/checks/registry.js';

type RuleDefinition<MessageId extends string> = Pick<TSESLint.RuleModule<MessageId, []>, 'create'> & {
  name: string;
  meta: Omit<TSESLint.RuleMetaData<MessageId, unknown, []>, 'docs'> & { docs: { description: string } };
};

/**
 * Every cosmic rule is made here, so each gets a docs URL named after its file. What
 * typescript-eslint's `RuleCreator` does for a rule with no options, written out: importing
 * `@typescript-eslint/utils` at run time would load it, ESLint's classes and typescript-eslint's
 * scope manager (373 CommonJS modules in a fresh process) with the plugin, in processes that have none of them yet (oxlint,
 * a config that only names the rules). Its types are all this module takes from it.
 */
export function createRule<MessageId extends string>({ name, meta, create }: RuleDefinition<MessageId>): TSESLint.RuleModule<MessageId, []> {
  return { meta: { ...meta, docs: { ...meta.docs, url: docsUrl(name) } }, defaultOptions: [], create };
}
