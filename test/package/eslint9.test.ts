import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fixturePath, REPO_ROOT } from '../helpers.js';

// The peer range says eslint 9 and 10; the suite runs on 10, so the plugin also runs under 9 here
// (installed as the alias `eslint9`), on the sample, through its own eslint.config.js.
it('the built plugin reports the same problems under ESLint 9 as under ESLint 10', () => {
  const lint = (bin: string) => {
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', bin, 'bin', 'eslint.js'), '--format', 'json', '.'], {
      cwd: fixturePath('sample'),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }>;
    return results.flatMap((result) => result.messages.map((message) => `${path.relative(fixturePath('sample'), result.filePath)}:${message.line}:${message.column} ${message.ruleId}`));
  };
  const nine = lint('eslint9');
  expect(nine).toHaveLength(5);
  expect(nine).toEqual(lint('eslint'));
});
