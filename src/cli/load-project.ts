import path from 'node:path';
import { findConfigFile, findProjectRoot, loadConfigFile, readConfigFile, resolveConfig } from '../config/load.js';
import type { PresetName, ResolvedConfig } from '../config/types.js';
import { validateConfig } from '../config/validate.js';
import { projectFromConfig, type Project } from '../project/project.js';

export interface ProjectOptions {
  cwd: string;
  /** Where to look for the config when none is named: the first path given, or the cwd. */
  near?: string | undefined;
  configFile?: string | undefined;
  preset?: PresetName | undefined;
}

/** The project a command works on: the named config, the nearest one, or the detected layout. `--preset` overrides the file's. */
export function loadProject(options: ProjectOptions): Project {
  const start = path.resolve(options.cwd, options.near ?? '.');
  let config: ResolvedConfig;
  const configFile = options.configFile ? path.resolve(options.cwd, options.configFile) : findConfigFile(path.extname(start) ? path.dirname(start) : start);
  if (configFile) {
    config = options.preset
      ? resolveConfig({ ...validateConfig(readConfigFile(configFile), configFile), preset: options.preset }, path.dirname(configFile), configFile)
      : loadConfigFile(configFile);
  } else {
    const root = findProjectRoot(path.extname(start) ? path.dirname(start) : start);
    config = resolveConfig({ preset: options.preset }, root, `detected layout (no cosmic-lint.config.json at or above ${root})`);
  }
  return projectFromConfig(config);
}
