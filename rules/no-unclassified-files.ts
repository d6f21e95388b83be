import { checkRule } from './util/check-rule.js';

export default checkRule('no-unclassified-files', 'Report checked files that belong to no layer, so no file goes unchecked');
