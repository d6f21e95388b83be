import { ESLintUtils } from '@typescript-eslint/utils';
import { docsUrl } from '../../src/checks/registry.js';

/** Every cosmic rule is made here, so each gets a docs URL named after its file. */
export const createRule = ESLintUtils.RuleCreator((name) => docsUrl(name));
