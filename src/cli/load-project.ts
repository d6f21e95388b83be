import path from 'node:path';
import { CosmicError } from '../config/errors.js';
import { findConfigFile, findProjectRoot, loadConfigFile, readConfigFile, resolveConfig } from '../config/load.js';
import type { PresetName, ResolvedConfig } from '../config/types.js';
import { validateConfig } from '../config/validate.js';
import { pathKind } from '../project/discover.js';
import { projectFromConfig, type Project } from '../project/project.js';

export interface ProjectOptions {
  cwd: string;
  /** Where to look for the config when none is named: the first path given, or the cwd. */
  near?: string | undefined;
  configFile?: string | undefined;
  preset?: PresetName | undefined;
  /** Collect files claimed by two layers or roles instead of stopping at the first (see createClassifier). */
  deferConflicts?: boolean;
}

/**
 * The folder a search for the config starts from: the path itself when it is a folder (whatever
 * its name: `my.app` is one), its folder when it is a file; a path that does not exist is searched
 * from as if it were a folder, so its nearest existing parent still finds the config (the audit
 * then reports the missing path itself).
 */
function startFolder(start: string): string {
  return pathKind(start) === 'file' ? path.dirname(start) : start;
}

/** The config file a command with these options reads, if any (before reading it): the named one, or the nearest. */
export function configFileOf(options: Pick<ProjectOptions, 'cwd' | 'near' | 'configFile'>): string | undefined {
  return options.configFile ? path.resolve(options.cwd, options.configFile) : findConfigFile(startFolder(path.resolve(options.cwd, options.near ?? '.')));
}

/** The project a command works on: the named config, the nearest one, or the detected layout. `--preset` overrides the file's. */
export function loadProject(options: ProjectOptions): Project {
  const start = startFolder(path.resolve(options.cwd, options.near ?? '.'));
  let config: ResolvedConfig;
  const configFile = configFileOf(options);
  if (configFile) {
    config = options.preset ? resolveConfig({ ...validateConfig(readConfigFile(configFile), configFile), preset: options.preset }, path.dirname(configFile), configFile) : loadConfigFile(configFile);
  } else {
    const root = findProjectRoot(start);
    config = resolveConfig({ preset: options.preset }, root, `detected layout (no cosmic-lint.config.json at or above ${root})`);
  }
  return projectFromConfig(config, { deferConflicts: options.deferConflicts });
}

/** Fails with every path that does not exist, named: a command asked about nothing must not answer as if it had. */
export function requireExistingPaths(cwd: string, paths: readonly string[]): void {
  const missing = paths.filter((entry) => pathKind(path.resolve(cwd, entry)) === undefined);
  if (missing.length > 0) {
    throw new CosmicError('io', `no such file or folder: ${missing.map((entry) => path.resolve(cwd, entry)).join(', ')}`);
  }
}
