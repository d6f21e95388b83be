import path from 'node:path';
import type { Resolver } from '../project/resolve.js';
import type { FileFacts, Finding } from './finding.js';
import { leavesRoot } from '../config/paths.js';

export const NO_UNRESOLVED_IMPORTS = 'cosmic/no-unresolved-imports';

const REASON = 'an import cosmic-lint cannot resolve is an edge nobody checks, and an unchecked import is an unchecked boundary';

export const noUnresolvedImportsMessages = {
  unresolved: `'{{specifier}}' does not resolve to a file or a package: {{reason}}. Why: ${REASON}. Fix: {{fix}}.`,
  outsideProject: `'{{specifier}}' resolves to {{target}}, a file outside the project, so nothing it imports is checked. Why: ${REASON}. Fix: move the file into the project and give it a layer, or publish it as a package the project declares.`,
  brokenTsconfig: `The tsconfig {{tsconfig}} could not be used: {{problem}}. Imports in this file were resolved without it, so path aliases may be unchecked. Why: ${REASON}. Fix: repair the tsconfig, or point "tsconfig" in cosmic-lint.config.json at a working one.`,
} as const;

export type NoUnresolvedImportsMessageId = keyof typeof noUnresolvedImportsMessages;

function fixFor(specifier: string): string {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return 'correct the path, or create the file it names';
  return 'define the alias under compilerOptions.paths in the tsconfig (and name that tsconfig in cosmic-lint.config.json), or install the package';
}

/** `cosmic/no-unresolved-imports`: fail closed on imports that resolve to nothing, and on tsconfigs that could not be read. */
export function checkUnresolvedImports(resolver: Resolver, facts: FileFacts): Finding[] {
  if (!facts.classification.included) return [];
  const findings: Finding[] = resolver.diagnostics.map((diagnostic) => ({
    ruleId: NO_UNRESOLVED_IMPORTS,
    messageId: 'brokenTsconfig',
    import: undefined,
    data: { tsconfig: diagnostic.file, problem: diagnostic.message },
  }));
  for (const imported of facts.imports) {
    const { target } = imported;
    // A file outside the config's folder (an alias or a path that leaves it) is never parsed: its own imports go unjudged.
    if (target.type === 'file' && leavesRoot(target.classification.file) && !target.path.includes(`${path.sep}node_modules${path.sep}`)) {
      findings.push({ ruleId: NO_UNRESOLVED_IMPORTS, messageId: 'outsideProject', import: imported, data: { specifier: imported.specifier, target: target.path } });
      continue;
    }
    if (target.type !== 'unresolved') continue;
    findings.push({
      ruleId: NO_UNRESOLVED_IMPORTS,
      messageId: 'unresolved',
      import: imported,
      data: { specifier: imported.specifier, reason: target.reason, fix: fixFor(imported.specifier) },
    });
  }
  return findings;
}
