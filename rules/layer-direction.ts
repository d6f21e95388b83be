import { checkRule } from './util/check-rule.js';

export default checkRule('layer-direction', 'Enforce the allowed-import matrix between the Cosmic Python layers');
