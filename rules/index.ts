import domainPurity from './domain-purity.js';
import layerDirection from './layer-direction.js';
import noUnresolvedImports from './no-unresolved-imports.js';

/** Every cosmic rule by its name, sorted; a test keeps this list, the files and the docs in step. */
export const rules = {
  'domain-purity': domainPurity,
  'layer-direction': layerDirection,
  'no-unresolved-imports': noUnresolvedImports,
};
