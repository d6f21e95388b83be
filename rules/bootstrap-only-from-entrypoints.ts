import { checkRule } from './util/check-rule.js';

export default checkRule('bootstrap-only-from-entrypoints');
