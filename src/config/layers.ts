import { isBookLayer, LAYERS, type CosmicConfigInput, type CustomLayerInput } from './types.js';

/** One entry of `layers` as written: the book's layers (a glob list), then custom layers (an object with `globs`). */
export interface LayerEntry {
  name: string;
  globs: string[];
  /** The key path of its globs: `layers.domain`, `layers.jobs.globs`. */
  where: string;
  /** Whether `where` names a list (so a glob's path takes an index). */
  listed: boolean;
  custom: CustomLayerInput | undefined;
}

const isObject = (value: unknown): value is CustomLayerInput => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The entries of `layers`: the book's in the book's order, then custom ones in the config's order. Values of the wrong shape are the schema's to report, and skipped here. */
export function layerEntries(layers: CosmicConfigInput['layers']): LayerEntry[] {
  const entries = Object.entries(layers ?? {});
  const book = LAYERS.flatMap((name) => {
    const value = layers?.[name];
    return typeof value === 'string' || Array.isArray(value) ? [{ name, globs: [value].flat(), where: `layers.${name}`, listed: Array.isArray(value), custom: undefined }] : [];
  });
  const custom = entries.flatMap(([name, value]) => {
    if (isBookLayer(name) || !isObject(value) || value.globs === undefined) return [];
    return [{ name, globs: [value.globs].flat(), where: `layers.${name}.globs`, listed: Array.isArray(value.globs), custom: value }];
  });
  return [...book, ...custom];
}
