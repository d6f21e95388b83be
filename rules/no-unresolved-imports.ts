import { checkUnresolvedImports, noUnresolvedImportsMessages, type NoUnresolvedImportsMessageId } from '../src/checks/no-unresolved-imports.js';
import { createRule } from './util/create-rule.js';
import { importListeners } from './util/import-listeners.js';

export default createRule<[], NoUnresolvedImportsMessageId>({
  name: 'no-unresolved-imports',
  meta: {
    type: 'problem',
    docs: { description: 'Report imports that resolve to no file or package, so no boundary goes unchecked' },
    messages: noUnresolvedImportsMessages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return importListeners(context, {
      appliesTo: () => true,
      run: (project, facts) => checkUnresolvedImports(project.resolver, facts),
    });
  },
});
