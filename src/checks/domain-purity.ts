import { onPackageList } from '../config/infrastructure.js';
import type { ResolvedConfig } from '../config/types.js';
import { typeNote, type FileFacts, type Finding } from './finding.js';

export const DOMAIN_PURITY = 'cosmic/domain-purity';

const REASON = 'the domain model is the part of the system with no dependencies, so it can be tested and reasoned about alone (persistence ignorance, ch. 1-2)';

export const domainPurityMessages = {
  infrastructurePackage: `The domain imports the infrastructure package '{{name}}'{{via}}{{typeNote}}. Why: ${REASON}. Fix: {{fix}}.`,
  ioBuiltin: `The domain imports the I/O built-in 'node:{{name}}'{{via}}{{typeNote}}. Why: ${REASON}. Fix: do the I/O in an adapter behind an interface the service layer owns, and pass plain values into the model.`,
} as const;

export type DomainPurityMessageId = keyof typeof domainPurityMessages;

/**
 * Whether a package is on the config's infrastructure list (exact names, or globs like
 * `@aws-sdk/*`): persistence, transport, messaging, cloud, frameworks and I/O built-ins, the
 * packages the domain must not import.
 */
export function isInfrastructure(config: ResolvedConfig, name: string): boolean {
  return onPackageList(config.infrastructure, name);
}

/** Advice that fits what the package is: storage is mapped from the outside; a framework stays at the edges. */
function fixFor(config: ResolvedConfig, name: string): string {
  if (onPackageList(config.persistence, name)) {
    return `keep the model plain and move the code that needs '${name}' to the adapters layer: map the model to tables from adapters/orm (classical mapping, ch. 2) and load and save it through a repository`;
  }
  return `keep the model free of '${name}': take plain values in, record what happened as plain domain events (ch. 8), and let a handler or an adapter behind a port the service layer owns talk to '${name}'`;
}

/** `cosmic/domain-purity`: the domain imports no infrastructure package or I/O built-in, not even for types. */
export function checkDomainPurity(config: ResolvedConfig, facts: FileFacts): Finding[] {
  if (facts.classification.layer !== 'domain') return [];
  const findings: Finding[] = [];
  for (const imported of facts.imports) {
    const { target } = imported;
    if (target.type !== 'package' || !isInfrastructure(config, target.name)) continue;
    findings.push({
      ruleId: DOMAIN_PURITY,
      messageId: target.builtin ? 'ioBuiltin' : 'infrastructurePackage',
      import: imported,
      data: {
        name: target.name,
        via: imported.specifier === target.name ? '' : ` (as '${imported.specifier}')`,
        typeNote: typeNote(imported),
        fix: fixFor(config, target.name),
      },
    });
  }
  return findings;
}
