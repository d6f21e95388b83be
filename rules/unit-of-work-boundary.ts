import { checkRule } from './util/check-rule.js';

export default checkRule('unit-of-work-boundary', 'Keep repositories behind the unit of work, and the unit of work away from the bus and handlers');
