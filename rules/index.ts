import bootstrapOnlyFromEntrypoints from './bootstrap-only-from-entrypoints.js';
import domainPurity from './domain-purity.js';
import handlersUseUnitOfWork from './handlers-use-unit-of-work.js';
import layerDirection from './layer-direction.js';
import messageBusDecoupled from './message-bus-decoupled.js';
import noUnclassifiedFiles from './no-unclassified-files.js';
import noUnresolvedImports from './no-unresolved-imports.js';
import unitOfWorkBoundary from './unit-of-work-boundary.js';

/** Every cosmic rule by its name, sorted; a test keeps this list, the files and the docs in step. */
export const rules = {
  'bootstrap-only-from-entrypoints': bootstrapOnlyFromEntrypoints,
  'domain-purity': domainPurity,
  'handlers-use-unit-of-work': handlersUseUnitOfWork,
  'layer-direction': layerDirection,
  'message-bus-decoupled': messageBusDecoupled,
  'no-unclassified-files': noUnclassifiedFiles,
  'no-unresolved-imports': noUnresolvedImports,
  'unit-of-work-boundary': unitOfWorkBoundary,
};
