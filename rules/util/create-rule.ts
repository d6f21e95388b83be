import { ESLintUtils } from '@typescript-eslint/utils';

export const DOCS_BASE_URL = 'https://github.com/cosmic-lint/cosmic-lint/blob/main/docs/rules/';

/** Every cosmic rule is made here, so each gets a docs URL named after its file. */
export const createRule = ESLintUtils.RuleCreator((name) => `${DOCS_BASE_URL}${name}.md`);
