import { checkRule } from './util/check-rule.js';

export default checkRule('layer-direction');
