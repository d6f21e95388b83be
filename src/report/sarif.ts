import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { docsUrl, type RuleMeta } from '../checks/registry.js';
import { chainItems, type AuditResult, type Violation } from '../results/violation.js';
import { neutralise } from './escape.js';

const INFORMATION_URI = 'https://github.com/cosmic-lint/cosmic-lint';

/**
 * A path as an RFC 3986 URI reference. A relative POSIX path percent-encodes each segment as UTF-8
 * (`/` kept; `%`, `?`, `#`, spaces, controls and `:` encoded, so a first segment never reads as a
 * scheme; a lone surrogate becomes U+FFFD); an absolute one (a diagnostic outside the project) is a
 * `file:` URI.
 */
export function pathToUri(file: string): string {
  const wellFormed = file.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  if (path.posix.isAbsolute(wellFormed)) return pathToFileURL(wellFormed).href;
  return wellFormed
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function descriptor(rule: Pick<RuleMeta, 'ruleId' | 'description' | 'messages'>): ReportingDescriptor {
  const name = rule.ruleId.replace(/^cosmic\//, '');
  return {
    id: rule.ruleId,
    name: name.replace(/(^|-)([a-z])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: docsUrl(rule.ruleId),
    help: {
      text: `${rule.description}. What it checks, why the book says so, examples and the fix: ${docsUrl(rule.ruleId)}`,
      markdown: `${rule.description}. [Read the rule's documentation](${docsUrl(rule.ruleId)}).`,
    },
    defaultConfiguration: { level: 'error' },
  };
}

function result(violation: Violation, ruleIndex: number): Result {
  return {
    ruleId: violation.ruleId,
    ruleIndex,
    level: violation.severity === 'error' ? 'error' : 'warning',
    // Viewers show message texts: control and bidi characters from the project as `\uXXXX`, like the text format.
    message: { text: neutralise(violation.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathToUri(violation.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: violation.line, startColumn: violation.column, endLine: violation.endLine, endColumn: violation.endColumn },
        },
      },
    ],
    partialFingerprints: { 'cosmicLint/v1': violation.fingerprint },
    // The bounded contexts of the two ends, for grouping results by context (only in a project with contexts).
    ...(violation.from.context !== undefined ? { properties: { context: violation.from.context, targetContext: violation.to?.context ?? null } } : {}),
    ...(violation.chain.length > 0
      ? {
          relatedLocations: chainItems(violation).flatMap((item) =>
            'hop' in item
              ? [
                  {
                    id: item.position,
                    physicalLocation: { artifactLocation: { uri: pathToUri(item.hop.file), uriBaseId: '%SRCROOT%' }, region: { startLine: item.hop.line } },
                    message: { text: `hop ${item.position}: imports '${neutralise(item.hop.specifier)}'` },
                  },
                ]
              : [],
          ),
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
              message: { text: `${diagnostic.kind}: ${neutralise(diagnostic.message)}` },
              ...(diagnostic.file
                ? {
                    locations: [
                      {
                        physicalLocation: {
                          artifactLocation: { uri: pathToUri(diagnostic.file), ...(path.posix.isAbsolute(diagnostic.file) ? {} : { uriBaseId: '%SRCROOT%' }) },
                          ...(diagnostic.line ? { region: { startLine: diagnostic.line } } : {}),
                        },
                      },
                    ],
                  }
                : {}),
            })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
