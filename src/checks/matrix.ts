import { isBookLayer, type EdgeEnd, type EdgeRule, type ResolvedConfig } from '../config/types.js';
import type { Classification } from '../project/classify.js';

type Side = Pick<Classification, 'layer' | 'role'>;

function matches(end: EdgeEnd, side: Side): boolean {
  if (end.layer !== undefined && !(Array.isArray(end.layer) ? (end.layer as readonly string[]).includes(side.layer!) : end.layer === side.layer)) return false;
  if (end.role !== undefined && !(side.role && (Array.isArray(end.role) ? end.role.includes(side.role) : end.role === side.role))) return false;
  return true;
}

const ALLOW_ALL: EdgeRule = { from: {}, to: {}, verdict: 'allow' };
const cellCache = new WeakMap<ResolvedConfig, Map<string, EdgeRule>>();

/** The matrix cell (or role exception) that governs an import from one classified file to another; first match wins. */
export function matrixCell(config: ResolvedConfig, from: Side, to: Side): EdgeRule {
  let cells = cellCache.get(config);
  if (!cells) cellCache.set(config, (cells = new Map()));
  const key = `${from.layer}|${from.role}|${to.layer}|${to.role}`;
  let cell = cells.get(key);
  if (!cell) {
    cell = customCell(config, from.layer, to.layer) ?? config.preset.matrix.find((rule) => matches(rule.from, from) && matches(rule.to, to)) ?? ALLOW_ALL;
    cells.set(key, cell);
  }
  return cell;
}

/**
 * The cell for an edge with a custom layer at either end, from the config's own description: a
 * custom layer imports its own files and what `mayImport` lists, and is imported by what its
 * `importedBy` lists (`*`: every layer); any other edge is refused (types too where the
 * type-import policy refuses them). Undefined when both ends are the book's (or unclassified).
 */
function customCell(config: ResolvedConfig, from: string | undefined, to: string | undefined): EdgeRule | undefined {
  if (from === undefined || to === undefined || (isBookLayer(from) && isBookLayer(to))) return undefined;
  if (from === to) return ALLOW_ALL;
  const source = config.customLayers.find((layer) => layer.name === from);
  const target = config.customLayers.find((layer) => layer.name === to);
  if (source?.mayImport.includes(to) || target?.importedBy.includes(from) || target?.importedBy.includes('*')) return ALLOW_ALL;
  const note = source
    ? `layers.${from}.mayImport lists ${source.mayImport.length > 0 ? source.mayImport.join(', ') : 'no layer'}${target ? `, and layers.${to}.importedBy does not list ${from}` : ''}`
    : `layers.${to}.importedBy lists ${target!.importedBy.length > 0 ? target!.importedBy.join(', ') : 'no layer'}`;
  return { from: {}, to: {}, verdict: 'type-if-allowed', note };
}

const closures = new WeakMap<ResolvedConfig, Map<string, Set<string>>>();

/**
 * Whether a custom layer depends on another by design, through layers each allowed to import the
 * next (`bin` → `cli` → `config`): the book's layers are ordered, so reaching an inner one through
 * an outer one is the architecture working; custom layers say their order with `mayImport` and
 * `importedBy`, and this is its transitive closure. False when neither end is custom.
 */
export function dependsByDesign(config: ResolvedConfig, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined || to === undefined || (isBookLayer(from) && isBookLayer(to))) return false;
  let byLayer = closures.get(config);
  if (!byLayer) closures.set(config, (byLayer = new Map()));
  let reached = byLayer.get(from);
  if (!reached) {
    const names = config.layers.map((list) => list.name);
    reached = new Set<string>();
    const queue = [from];
    while (queue.length > 0) {
      const at = queue.shift()!;
      for (const next of names) {
        if (next === at || reached.has(next)) continue;
        if (cellAllows(config, matrixCell(config, { layer: at, role: undefined }, { layer: next, role: undefined }), 'value')) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    byLayer.set(from, reached);
  }
  return reached.has(to);
}

/** Whether an import of the given kind passes a cell under the config's type-import policy. */
export function cellAllows(config: ResolvedConfig, cell: EdgeRule, kind: 'value' | 'type'): boolean {
  switch (cell.verdict) {
    case 'allow':
      return true;
    case 'deny':
      return false;
    case 'type-only':
      return kind === 'type';
    case 'type-if-allowed':
      return kind === 'type' && config.typeImports === 'allowed';
  }
}
