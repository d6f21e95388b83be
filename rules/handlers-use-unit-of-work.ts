import { checkRule } from './util/check-rule.js';

export default checkRule('handlers-use-unit-of-work', 'Make handlers reach persistence only through the unit of work');
