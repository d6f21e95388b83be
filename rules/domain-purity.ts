import { checkRule } from './util/check-rule.js';

export default checkRule('domain-purity', 'Keep the domain free of infrastructure packages and I/O built-ins');
