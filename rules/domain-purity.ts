import { checkDomainPurity, domainPurityMessages, type DomainPurityMessageId } from '../src/checks/domain-purity.js';
import { createRule } from './util/create-rule.js';
import { importListeners } from './util/import-listeners.js';

export default createRule<[], DomainPurityMessageId>({
  name: 'domain-purity',
  meta: {
    type: 'problem',
    docs: { description: 'Keep the domain free of infrastructure packages and I/O built-ins' },
    messages: domainPurityMessages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return importListeners(context, {
      appliesTo: (classification) => classification.layer === 'domain',
      run: (project, facts) => checkDomainPurity(project.config, facts),
    });
  },
});
