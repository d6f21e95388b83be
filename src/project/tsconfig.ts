import path from 'node:path';
import type * as TS from 'typescript';
import { dependOnContent, dependOnEntry } from '../config/watch.js';
import { typescript } from './typescript.js';

const NO_INPUTS_FOUND = 18003;

export interface TsconfigRead {
  /** The config with `extends` applied; undefined when the file does not parse. */
  parsed: TS.ParsedCommandLine | undefined;
  /** What is wrong with it, each with the file at fault (an extended one may be). */
  problems: Array<{ file: string; message: string }>;
}

/**
 * A host for reading tsconfig files whose reads are recorded as dependencies of the answer being
 * computed (config/watch.ts): a file read depends on the file, an existence check on its folder's
 * listing. `readDirectory` says how the tsconfig's own files are listed, if at all.
 */
export function recordingConfigHost(ts: typeof TS, readDirectory: TS.ParseConfigHost['readDirectory']): TS.ParseConfigHost {
  return {
    useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    readFile: (name) => {
      dependOnContent(name);
      return ts.sys.readFile(name);
    },
    fileExists: (name) => {
      dependOnEntry(name);
      return ts.sys.fileExists(name);
    },
    readDirectory,
  };
}

/**
 * Reads a tsconfig with TypeScript, `extends` flattened, without enumerating the project's files
 * (only the options matter to resolution and to dependency-cruiser).
 */
export function readTsconfig(file: string): TsconfigRead {
  const ts = typescript();
  const host = recordingConfigHost(ts, () => []);
  const read = ts.readConfigFile(file, host.readFile);
  if (read.error) return { parsed: undefined, problems: [{ file, message: `does not parse: ${ts.flattenDiagnosticMessageText(read.error.messageText, '; ')}` }] };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file);
  const problems = parsed.errors
    .filter((error) => error.code !== NO_INPUTS_FOUND)
    .map((error) => ({ file: error.file?.fileName ?? file, message: ts.flattenDiagnosticMessageText(error.messageText, '; ') }));
  return { parsed, problems };
}
