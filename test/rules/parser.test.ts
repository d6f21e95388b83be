import { ESLint } from 'eslint';
import { expect, it } from 'vitest';
import cosmic from '../../src/index.js';
import { parserLoadMessage } from '../../rules/util/parser.js';

it('the presets parse TypeScript through typescript-eslint, loaded on the first file', async () => {
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: [cosmic.configs.recommended] });
  const [result] = await eslint.lintText('const x: number = 1;\nexport type T = typeof x;\n', { filePath: 'src/domain/x.ts' });
  expect(result!.messages.filter((message) => message.fatal)).toEqual([]);
});

it('explains a TypeScript 7 install instead of crashing: the side-by-side setup, and that the audit needs none of it', () => {
  const message = parserLoadMessage(new TypeError("Cannot read properties of undefined (reading 'Intrinsic')\n    at stack"), '7.0.2');
  expect(message).toContain("(Cannot read properties of undefined (reading 'Intrinsic'))");
  expect(message).not.toContain('at stack');
  expect(message).toContain('resolves `typescript` to 7.0.2');
  expect(message).toContain('"typescript": "npm:@typescript/typescript6@^6.0.2"');
  expect(message).toContain('`cosmic-lint audit` needs neither');
  expect(parserLoadMessage(new Error('Cannot find module'), '5.9.3')).toContain('Reinstall cosmic-lint');
});
