import { checkRule } from './util/check-rule.js';

export default checkRule('bootstrap-only-from-entrypoints', 'Let only entrypoints import the bootstrap composition root');
