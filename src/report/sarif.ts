import type { Log, ReportingDescriptor, Result } from 'sarif';
import { docsUrl, type RuleMeta } from '../checks/registry.js';
import type { AuditResult, Violation } from '../results/violation.js';

const INFORMATION_URI = 'https://github.com/cosmic-lint/cosmic-lint';

function descriptor(rule: RuleMeta): ReportingDescriptor {
  const name = rule.ruleId.replace(/^cosmic\//, '');
  return {
    id: rule.ruleId,
    name: name.replace(/(^|-)([a-z])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: docsUrl(rule.ruleId),
    help: { text: `${rule.description}. What it checks, why the book says so, examples and the fix: ${docsUrl(rule.ruleId)}`, markdown: `${rule.description}. [Read the rule's documentation](${docsUrl(rule.ruleId)}).` },
    defaultConfiguration: { level: 'error' },
  };
}

function result(violation: Violation, ruleIndex: number): Result {
  return {
    ruleId: violation.ruleId,
    ruleIndex,
    level: violation.severity === 'error' ? 'error' : 'warning',
    message: { text: violation.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: violation.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: violation.line, startColumn: violation.column, endLine: violation.endLine, endColumn: violation.endColumn },
        },
      },
    ],
    partialFingerprints: { 'cosmicLint/v1': violation.fingerprint },
    ...(violation.chain.length > 0
      ? {
          relatedLocations: violation.chain.map((hop, index) => ({
            id: index + 1,
            physicalLocation: { artifactLocation: { uri: hop.file, uriBaseId: '%SRCROOT%' }, region: { startLine: hop.line } },
            message: { text: `hop ${index + 1}: imports '${hop.specifier}'` },
          })),
        }
      : {}),
    ...(violation.baselined ? { baselineState: 'unchanged' as const, suppressions: [{ kind: 'external' as const, justification: 'in the cosmic-lint baseline' }] } : {}),
  };
}

/** SARIF 2.1.0, for code scanning: one descriptor per rule that ran, results with regions, fingerprints and chains. */
export function formatSarif(audit: AuditResult, rules: readonly RuleMeta[]): string {
  const known = new Map(rules.map((rule, index) => [rule.ruleId, index]));
  const descriptors = rules.map(descriptor);
  for (const violation of audit.violations) {
    if (!known.has(violation.ruleId)) {
      known.set(violation.ruleId, descriptors.length);
      descriptors.push(descriptor({ ruleId: violation.ruleId, description: violation.ruleId, messages: {} }));
    }
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: audit.tool.name, version: audit.tool.version, semanticVersion: audit.tool.version, informationUri: INFORMATION_URI, rules: descriptors } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder of the cosmic-lint config' } } },
        results: audit.violations.map((violation) => result(violation, known.get(violation.ruleId)!)),
        invocations: [
          {
            executionSuccessful: audit.diagnostics.length === 0,
            toolExecutionNotifications: audit.diagnostics.map((diagnostic) => ({
              level: 'error' as const,
              message: { text: `${diagnostic.kind}: ${diagnostic.message}` },
              ...(diagnostic.file ? { locations: [{ physicalLocation: { artifactLocation: { uri: diagnostic.file }, ...(diagnostic.line ? { region: { startLine: diagnostic.line } } : {}) } }] } : {}),
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
