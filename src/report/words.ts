import { chainItems, type Violation } from '../results/violation.js';
import { neutralise } from './escape.js';

/** `1 file`, `2 files`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Where a long chain's middle was left out: `… 61 more hops …`. */
export function hopsLeftOut(count: number): string {
  return `… ${plural(count, 'more hop')} …`;
}

/** A violation's chain as plain lines (`↳ file:line 'specifier'`, and the gap), project strings made inert. */
export function chainLines(violation: Pick<Violation, 'chain' | 'chainOmitted'>): string[] {
  return chainItems(violation).map((item) => ('hop' in item ? `↳ ${neutralise(item.hop.file)}:${item.hop.line} '${neutralise(item.hop.specifier)}'` : `↳ ${hopsLeftOut(item.omitted)}`));
}
