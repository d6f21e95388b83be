import { isHttpImport } from '../config/http.js';
import type { ResolvedConfig } from '../config/types.js';
import type { FileFacts, Finding } from './finding.js';
import { typeNote } from './finding.js';

export const SERVICE_LAYER_KNOWS_NO_HTTP = 'cosmic/service-layer-knows-no-http';

const REASON =
  "the service layer speaks the domain's language, raising its own errors and returning plain data, and the entrypoints translate to and from HTTP, so the same use case serves a web request, a CLI, a queue consumer and a test (ch. 4)";

export const serviceLayerKnowsNoHttpMessages = {
  httpImport: `The service layer imports {{what}} from the HTTP package '{{package}}'{{typeNote}}. Why: ${REASON}. Fix: {{fix}}.`,
} as const;

export type ServiceLayerKnowsNoHttpMessageId = keyof typeof serviceLayerKnowsNoHttpMessages;

const EXCEPTION = /Exception$|^HttpStatus$|^HttpCode$/;

/** The advice for what was imported: an error or status is raised as the service layer's own; a request or response is taken apart in the entrypoint. */
function fixFor(names: readonly string[]): string {
  if (names.length > 0 && names.every((name) => EXCEPTION.test(name))) {
    return "raise an error of the service layer's own (`class InvalidSku extends Error`) and map it to a status where HTTP is handled: in the controller, or a NestJS exception filter (@Catch(InvalidSku)) or an express error middleware";
  }
  return 'take plain values (ids, numbers, a command object) as parameters and return plain data; the controller reads the request and writes the response';
}

/** `cosmic/service-layer-knows-no-http`: the service layer imports no HTTP package or HTTP export (type-only imports too). */
export function checkServiceLayerKnowsNoHttp(config: ResolvedConfig, facts: FileFacts): Finding[] {
  if (facts.classification.layer !== 'service-layer') return [];
  const findings: Finding[] = [];
  for (const imported of facts.imports) {
    const { target } = imported;
    if (target.type !== 'package' || target.builtin) continue;
    const bound = imported.names.length === 0 ? ['*'] : imported.names.map((name) => name.imported);
    const http = bound.filter((name) => isHttpImport(config.http, target.name, name));
    if (http.length === 0) continue;
    const named = http.filter((name) => name !== '*' && name !== 'default');
    findings.push({
      ruleId: SERVICE_LAYER_KNOWS_NO_HTTP,
      messageId: 'httpImport',
      import: imported,
      data: { what: named.length > 0 ? named.join(', ') : 'the module', package: target.name, typeNote: typeNote(imported), fix: fixFor(named) },
    });
  }
  return findings;
}
