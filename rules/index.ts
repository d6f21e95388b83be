import { FILE_CHECKS } from '../src/checks/registry.js';
import { checkRule } from './util/check-rule.js';

/**
 * Every per-file check of the registry as an ESLint rule, by name, sorted: an ESLint rule is its
 * check (src/checks) and nothing written per rule, so adding a check adds the rule.
 */
export const rules = Object.fromEntries(
  Object.keys(FILE_CHECKS)
    .map((ruleId) => ruleId.slice('cosmic/'.length))
    .sort()
    .map((name) => [name, checkRule(name)]),
);
