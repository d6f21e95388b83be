import path from 'node:path';
import type * as TS from 'typescript';
import { typescript } from './typescript.js';

const NO_INPUTS_FOUND = 18003;

export interface TsconfigRead {
  /** The config with `extends` applied; undefined when the file does not parse. */
  parsed: TS.ParsedCommandLine | undefined;
  /** What is wrong with it, each with the file at fault (an extended one may be). */
  problems: Array<{ file: string; message: string }>;
}

/**
 * Reads a tsconfig with TypeScript, `extends` flattened, without enumerating the project's files
 * (only the options matter to resolution and to dependency-cruiser).
 */
export function readTsconfig(file: string): TsconfigRead {
  const ts = typescript();
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return { parsed: undefined, problems: [{ file, message: `does not parse: ${ts.flattenDiagnosticMessageText(read.error.messageText, '; ')}` }] };
  const host: TS.ParseConfigHost = { ...ts.sys, readDirectory: () => [], useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames };
  const parsed = ts.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file);
  const problems = parsed.errors
    .filter((error) => error.code !== NO_INPUTS_FOUND)
    .map((error) => ({ file: error.file?.fileName ?? file, message: ts.flattenDiagnosticMessageText(error.messageText, '; ') }));
  return { parsed, problems };
}
