import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import cosmic from '../src/index.js';
import type { PresetName } from '../src/config/types.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function fixturePath(...segments: string[]): string {
  return path.join(REPO_ROOT, 'fixtures', ...segments);
}

export interface Problem {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  messageId: string | undefined;
}

/** Lints a fixture project with the real ESLint class and one cosmic preset; problems sorted by file, line, column. */
export async function lintFixture(directory: string, preset: PresetName = 'recommended'): Promise<{ problems: Problem[]; messages: string[]; files: number }> {
  const eslint = new ESLint({ cwd: directory, overrideConfigFile: true, overrideConfig: [cosmic.configs[preset]] });
  const results = await eslint.lintFiles(['.']);
  const problems: Problem[] = [];
  const messages: string[] = [];
  for (const result of results) {
    for (const message of result.messages) {
      problems.push({
        file: path.relative(directory, result.filePath).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        ruleId: message.ruleId,
        messageId: message.messageId,
      });
      messages.push(message.message);
    }
  }
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { problems, messages, files: results.length };
}
