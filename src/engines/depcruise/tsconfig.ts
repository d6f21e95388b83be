import path from 'node:path';
import { typescript } from '../../project/typescript.js';

/**
 * The project's tsconfig with `extends` flattened, as dependency-cruiser's API wants it (the API
 * ignores `extends`). Errors other than "no inputs" are returned, not thrown.
 */
export function flattenedTsconfig(file: string): { parsed: object | undefined; error: string | undefined } {
  const ts = typescript();
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) return { parsed: undefined, error: ts.flattenDiagnosticMessageText(read.error.messageText, '; ') };
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  const errors = parsed.errors.filter((error) => error.code !== 18003);
  return { parsed, error: errors.length > 0 ? errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '; ')).join('; ') : undefined };
}
