import type { ResolvedImport } from '../project/imports.js';
import { isBookLayer, type Layer, type ResolvedConfig } from '../config/types.js';
import type { Classification } from '../project/classify.js';
import { describeSide, typeNote, type FileFacts, type Finding } from './finding.js';
import { cellAllows, matrixCell } from './matrix.js';

export const LAYER_DIRECTION = 'cosmic/layer-direction';

const REASON = 'dependencies point inward, so high-level policy never depends on low-level detail (dependency inversion, ch. 2-3)';

export const layerDirectionMessages = {
  forbidden: `Forbidden import {{from}} → {{to}}: '{{specifier}}' is {{target}}{{typeNote}}; {{note}}. Why: ${REASON}. Fix: {{fix}}.`,
  valueWhereTypeOnly: `Runtime import {{from}} → {{to}}: '{{specifier}}' is {{target}}, and only types may cross this boundary ({{note}}). Why: ${REASON}. Fix: import only types (\`import type\`) and let bootstrap inject the concrete object.`,
  typeImportForbidden: `Type import {{from}} → {{to}}: '{{specifier}}' is {{target}}, and the {{preset}} preset allows no import here, not even of types ({{note}}). Why: ${REASON}. Fix: declare the interface (a port) in the {{fromLayer}} layer and have the {{toLayer}} implement it.`,
} as const;

export type LayerDirectionMessageId = keyof typeof layerDirectionMessages;

const DEFAULT_NOTE: Partial<Record<Layer, string>> = {
  entrypoints: 'nothing imports an entrypoint',
  bootstrap: 'only entrypoints import bootstrap, the composition root',
  adapters: 'adapters are the low-level detail the inner layers must not know',
  'service-layer': 'the service layer orchestrates the domain, not the other way round',
};

/** The domain's way out is not an injected adapter but the handler around it: it loads, saves and does the I/O. */
function domainFix(to: Classification): string | undefined {
  if (to.role === 'repository' || to.role === 'unit-of-work') {
    return 'the domain must not know repositories or the unit of work: have the handler load and save through `uow.<repository>`, and pass plain values or aggregates in';
  }
  if (to.role === 'orm') return "keep the model persistence-ignorant: map it classically in the adapters' ORM module (ch. 2), which imports the model, not the other way round";
  if (to.layer === 'adapters') return 'keep the model plain: let a handler call the adapter and pass plain values in, or raise a domain event that a handler reacts to';
  return undefined;
}

function fixFor(from: Classification, to: Classification): string {
  if (!isBookLayer(from.layer) || !isBookLayer(to.layer)) {
    return `if ${from.layer} is meant to depend on ${to.layer}, say so in the config (layers.${isBookLayer(from.layer) ? `${to.layer}.importedBy` : `${from.layer}.mayImport`}); otherwise move the code both need into a layer both may import`;
  }
  const forDomain = from.layer === 'domain' ? domainFix(to) : undefined;
  if (forDomain) return forDomain;
  // Shared utilities are a leaf: whatever they reach for belongs to the layer that needs it.
  if (from.layer === 'shared') return 'keep shared utilities pure: move this code into the layer that needs it, or pass the value in as a parameter';
  switch (to.layer) {
    case 'adapters':
      return `depend on an abstraction the ${from.layer} owns (an interface or abstract class) and let bootstrap inject the concrete adapter`;
    case 'entrypoints':
      if (from.layer === 'bootstrap') return 'let the entrypoint import bootstrap and take the message bus from it (the recommended preset lets a composition root register its controllers)';
      return 'move the code both need inward (domain or service layer); entrypoints are leaves';
    case 'bootstrap':
      return 'receive the message bus or the dependencies as parameters; only entrypoints call bootstrap';
    case 'service-layer':
      if (from.layer === 'domain') return 'move the logic into the domain, or raise a domain event that a handler reacts to';
      if (from.layer === 'adapters') return "turn this adapter into an entrypoint that sends a command through the bus, or depend only on the port's type";
      return 'take the message bus (and with it the unit of work) from bootstrap';
    case 'domain':
      return 'send a command (or read a view) instead of reaching into the model';
    default:
      return 'depend on an abstraction the inner layer owns; let bootstrap inject the concrete one';
  }
}

/** `cosmic/layer-direction`: every import between classified files follows the preset's matrix. */
/**
 * Whether adding \`type\` to the statement is safe: an \`import\` declaration whose every name is
 * used only as a type (kept at run time by \`verbatimModuleSyntax\` or the like, not by decorator
 * metadata, which a \`type\` would break), and not a default import beside named ones, which
 * \`import type\` cannot take.
 */
function canBecomeTypeImport(imported: ResolvedImport): boolean {
  if (imported.form !== 'import' || imported.typeOnlyClause || imported.names.length === 0) return false;
  const hasDefault = imported.names.some((name) => name.imported === 'default');
  if (hasDefault && imported.names.length > 1) return false;
  return imported.names.every((name) => name.use === 'type');
}

export function checkLayerDirection(config: ResolvedConfig, facts: FileFacts): Finding[] {
  const from = facts.classification;
  if (!from.layer) return [];
  const findings: Finding[] = [];
  for (const imported of facts.imports) {
    if (imported.target.type !== 'file') continue;
    const to = imported.target.classification;
    if (!to.layer || to.file === from.file) continue;
    const cell = matrixCell(config, from, to);
    // Most imports are allowed whatever their kind: read it (which may read another file) only when it decides.
    if (cell.verdict === 'allow' || cellAllows(config, cell, imported.kind)) continue;
    const typeWouldPass = cellAllows(config, cell, 'type');
    const messageId: LayerDirectionMessageId =
      imported.kind === 'value' && typeWouldPass ? 'valueWhereTypeOnly' : imported.kind === 'type' && cell.verdict === 'type-if-allowed' ? 'typeImportForbidden' : 'forbidden';
    findings.push({
      ruleId: LAYER_DIRECTION,
      messageId,
      import: imported,
      data: {
        from: describeSide(from),
        to: describeSide(to),
        fromLayer: from.layer,
        toLayer: to.layer,
        specifier: imported.specifier,
        target: to.file,
        typeNote: typeNote(imported),
        note: cell.note ?? (isBookLayer(to.layer) ? DEFAULT_NOTE[to.layer] : undefined) ?? `${from.layer} may not depend on ${to.layer}`,
        fix: fixFor(from, to),
        preset: config.preset.name,
      },
      ...(messageId === 'valueWhereTypeOnly' && canBecomeTypeImport(imported) ? { fix: { typeImport: true as const } } : {}),
    });
  }
  return findings;
}
