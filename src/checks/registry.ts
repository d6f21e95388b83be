import type { Classification } from '../project/classify.js';
import type { ResolvedImport } from '../project/imports.js';
import type { Project } from '../project/project.js';
import { BOOTSTRAP_ONLY_FROM_ENTRYPOINTS, bootstrapOnlyFromEntrypointsMessages, checkBootstrapOnlyFromEntrypoints } from './bootstrap-only-from-entrypoints.js';
import { checkDomainPurity, DOMAIN_PURITY, domainPurityMessages } from './domain-purity.js';
import type { FileFacts, Finding } from './finding.js';
import { checkHandlersUseUnitOfWork, HANDLERS_USE_UNIT_OF_WORK, handlersUseUnitOfWorkMessages } from './handlers-use-unit-of-work.js';
import { checkLayerDirection, LAYER_DIRECTION, layerDirectionMessages } from './layer-direction.js';
import { checkMessageBusDecoupled, MESSAGE_BUS_DECOUPLED, messageBusDecoupledMessages } from './message-bus-decoupled.js';
import { checkNoUnclassifiedFiles, NO_UNCLASSIFIED_FILES, noUnclassifiedFilesMessages } from './no-unclassified-files.js';
import { checkUnresolvedImports, NO_UNRESOLVED_IMPORTS, noUnresolvedImportsMessages } from './no-unresolved-imports.js';
import { checkUnitOfWorkBoundary, UNIT_OF_WORK_BOUNDARY, unitOfWorkBoundaryMessages } from './unit-of-work-boundary.js';

/** A per-file check as every engine runs it: the ESLint rules and the audit. */
export interface FileCheck {
  ruleId: string;
  messages: Readonly<Record<string, string>>;
  /** Whether the check can find anything in a file so classified; engines skip the work otherwise. */
  appliesTo(classification: Classification): boolean;
  run(project: Project, facts: FileFacts): Finding[];
}

const isHandlers = (classification: Classification) => classification.role === 'handlers';

export const FILE_CHECKS: Readonly<Record<string, FileCheck>> = {
  [HANDLERS_USE_UNIT_OF_WORK]: { ruleId: HANDLERS_USE_UNIT_OF_WORK, messages: handlersUseUnitOfWorkMessages, appliesTo: isHandlers, run: checkHandlersUseUnitOfWork },
  [UNIT_OF_WORK_BOUNDARY]: { ruleId: UNIT_OF_WORK_BOUNDARY, messages: unitOfWorkBoundaryMessages, appliesTo: () => true, run: checkUnitOfWorkBoundary },
  [MESSAGE_BUS_DECOUPLED]: {
    ruleId: MESSAGE_BUS_DECOUPLED,
    messages: messageBusDecoupledMessages,
    appliesTo: (classification) => classification.role === 'message-bus',
    run: checkMessageBusDecoupled,
  },
  [BOOTSTRAP_ONLY_FROM_ENTRYPOINTS]: {
    ruleId: BOOTSTRAP_ONLY_FROM_ENTRYPOINTS,
    messages: bootstrapOnlyFromEntrypointsMessages,
    appliesTo: (classification) => classification.layer !== 'entrypoints' && classification.layer !== 'bootstrap',
    run: checkBootstrapOnlyFromEntrypoints,
  },
  [LAYER_DIRECTION]: {
    ruleId: LAYER_DIRECTION,
    messages: layerDirectionMessages,
    appliesTo: (classification) => classification.layer !== undefined,
    run: (project, facts) => checkLayerDirection(project.config, facts),
  },
  [DOMAIN_PURITY]: {
    ruleId: DOMAIN_PURITY,
    messages: domainPurityMessages,
    appliesTo: (classification) => classification.layer === 'domain',
    run: (project, facts) => checkDomainPurity(project.config, facts),
  },
  [NO_UNRESOLVED_IMPORTS]: { ruleId: NO_UNRESOLVED_IMPORTS, messages: noUnresolvedImportsMessages, appliesTo: () => true, run: (project, facts) => checkUnresolvedImports(project.resolver, facts) },
  [NO_UNCLASSIFIED_FILES]: {
    ruleId: NO_UNCLASSIFIED_FILES,
    messages: noUnclassifiedFilesMessages,
    appliesTo: (classification) => classification.layer === undefined,
    run: checkNoUnclassifiedFiles,
  },
};

/**
 * Rules that judge import edges, most specific first. One edge is reported once, by the most
 * specific rule that is on: a handler importing a concrete repository is
 * `handlers-use-unit-of-work`, not also `unit-of-work-boundary` and `layer-direction`.
 */
const EDGE_PRECEDENCE = [HANDLERS_USE_UNIT_OF_WORK, UNIT_OF_WORK_BOUNDARY, MESSAGE_BUS_DECOUPLED, BOOTSTRAP_ONLY_FROM_ENTRYPOINTS, LAYER_DIRECTION];

function isOn(project: Project, ruleId: string): boolean {
  const severity = project.config.rules[ruleId];
  return severity !== undefined && severity !== 'off';
}

/** The findings of one rule for one file, minus the edges a more specific rule that is on reports. */
export function runFileCheck(ruleId: string, project: Project, facts: FileFacts): Finding[] {
  const check = FILE_CHECKS[ruleId]!;
  if (!check.appliesTo(facts.classification)) return [];
  const findings = check.run(project, facts);
  const rank = EDGE_PRECEDENCE.indexOf(ruleId);
  if (rank <= 0 || findings.length === 0) return findings;
  const claimed = new Set<ResolvedImport>();
  for (const specific of EDGE_PRECEDENCE.slice(0, rank)) {
    const specificCheck = FILE_CHECKS[specific]!;
    if (!isOn(project, specific) || !specificCheck.appliesTo(facts.classification)) continue;
    for (const finding of specificCheck.run(project, facts)) if (finding.import) claimed.add(finding.import);
  }
  return findings.filter((finding) => !finding.import || !claimed.has(finding.import));
}
