import { checkRule } from './util/check-rule.js';

export default checkRule('unit-of-work-boundary');
