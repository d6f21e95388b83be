import { checkRule } from './util/check-rule.js';

export default checkRule('message-bus-decoupled', 'Keep the message bus free of runtime imports of handlers');
