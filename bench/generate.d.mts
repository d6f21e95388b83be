/** Generates a synthetic project in the Cosmic layout under `root` (see generate.mjs). */
export function generate(root: string, fileCount?: number, seed?: number): { files: number; violations: number };
