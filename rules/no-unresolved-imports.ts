import { checkRule } from './util/check-rule.js';

export default checkRule('no-unresolved-imports', 'Report imports that resolve to no file or package, so no boundary goes unchecked');
