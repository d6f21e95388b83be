import type { EdgeEnd, EdgeRule, ResolvedConfig } from '../config/types.js';
import type { Classification } from '../project/classify.js';

type Side = Pick<Classification, 'layer' | 'role'>;

function matches(end: EdgeEnd, side: Side): boolean {
  if (end.layer !== undefined && !(Array.isArray(end.layer) ? end.layer.includes(side.layer!) : end.layer === side.layer)) return false;
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
    cell = config.preset.matrix.find((rule) => matches(rule.from, from) && matches(rule.to, to)) ?? ALLOW_ALL;
    cells.set(key, cell);
  }
  return cell;
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
