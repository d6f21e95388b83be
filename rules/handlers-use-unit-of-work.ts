import { checkRule } from './util/check-rule.js';

export default checkRule('handlers-use-unit-of-work');
