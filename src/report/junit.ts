import type { RuleMeta } from '../checks/registry.js';
import type { AuditResult, Violation } from '../results/violation.js';
import { chainLines } from './words.js';
import { escapeXml, neutralise } from './escape.js';

/** A project string in an attribute or in text: controls (tab, LF and CR too, which XML would turn into spaces), bidi controls and XML-illegal characters shown as `\uXXXX`, then the markup escaped. */
const xml = (text: string) => escapeXml(neutralise(text));

function failureText(violation: Violation): string {
  const chain = chainLines(violation)
    .map((line) => `\n  ${line}`)
    .join('');
  return `${neutralise(violation.file)}:${violation.line}:${violation.column} ${neutralise(violation.message)}${chain}`;
}

/** JUnit XML for CI dashboards: a suite per rule, a test case per rule × file, failures carrying the messages. */
export function formatJunit(result: AuditResult, rules: readonly RuleMeta[]): string {
  const live = result.violations.filter((violation) => !violation.baselined);
  const ruleIds = [...new Set([...rules.map((rule) => rule.ruleId), ...live.map((violation) => violation.ruleId)])].sort();
  const suites = ruleIds.map((ruleId) => {
    const byFile = new Map<string, Violation[]>();
    for (const violation of live.filter((candidate) => candidate.ruleId === ruleId)) byFile.set(violation.file, [...(byFile.get(violation.file) ?? []), violation]);
    const cases =
      byFile.size === 0
        ? [`    <testcase classname="${xml(ruleId)}" name="all ${result.summary.files} files" time="0"/>`]
        : [...byFile].map(
            ([file, violations]) =>
              `    <testcase classname="${xml(ruleId)}" name="${xml(file)}" file="${xml(file)}" time="0">\n${violations
                .map(
                  (violation) => `      <failure type="${violation.severity}" message="${violation.line}:${violation.column} ${xml(violation.message)}">${escapeXml(failureText(violation))}</failure>`,
                )
                .join('\n')}\n    </testcase>`,
          );
    const failures = [...byFile.values()].length;
    return `  <testsuite name="${xml(ruleId)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const errors = result.diagnostics.map(
    (diagnostic) =>
      `    <testcase classname="cosmic-lint" name="${xml(`${diagnostic.kind} ${diagnostic.file ?? ''}`.trim())}" time="0">\n      <error type="${xml(diagnostic.kind)}" message="${xml(diagnostic.message)}"/>\n    </testcase>`,
  );
  if (errors.length > 0) suites.push(`  <testsuite name="cosmic-lint diagnostics" tests="${errors.length}" failures="0" errors="${errors.length}" skipped="0">\n${errors.join('\n')}\n  </testsuite>`);
  const tests = suites.reduce((total, suite) => total + Number(/tests="(\d+)"/.exec(suite)![1]), 0);
  const failures = suites.reduce((total, suite) => total + Number(/failures="(\d+)"/.exec(suite)![1]), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cosmic-lint" tests="${tests}" failures="${failures}" errors="${errors.length}">\n${suites.join('\n')}\n</testsuites>\n`;
}
