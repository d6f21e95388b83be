import { checkLayerDirection, layerDirectionMessages, type LayerDirectionMessageId } from '../src/checks/layer-direction.js';
import { createRule } from './util/create-rule.js';
import { importListeners } from './util/import-listeners.js';

export default createRule<[], LayerDirectionMessageId>({
  name: 'layer-direction',
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the allowed-import matrix between the Cosmic Python layers' },
    messages: layerDirectionMessages,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    return importListeners(context, {
      appliesTo: (classification) => classification.layer !== undefined,
      run: (project, facts) => checkLayerDirection(project.config, facts),
    });
  },
});
