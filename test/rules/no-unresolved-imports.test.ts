import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { rules } from '../../rules/index.js';

const rule = rules['no-unresolved-imports']!;
import { fixturePath } from '../helpers.js';

const ruleTester = new RuleTester();
const unresolved = (file: string) => fixturePath('violations', 'unresolved', file);

/** A project whose tsconfig does not parse, made on the fly so the repository holds no broken JSON. */
const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'cosmic-broken-tsconfig-'));
fs.mkdirSync(path.join(broken, 'src', 'domain'), { recursive: true });
fs.writeFileSync(path.join(broken, 'tsconfig.json'), '{ "compilerOptions": { "paths": ');
fs.writeFileSync(path.join(broken, 'cosmic-lint.config.json'), JSON.stringify({ layers: { domain: 'src/domain/**' } }));
afterAll(() => fs.rmSync(broken, { recursive: true, force: true }));

ruleTester.run('no-unresolved-imports', rule, {
  valid: [
    { name: 'a relative file', filename: unresolved('src/domain/x.ts'), code: "import { ok } from './ok.js';" },
    { name: 'a package its package.json declares is a package, installed or not', filename: unresolved('src/domain/x.ts'), code: "import { v4 } from 'uuid';" },
    { name: 'a built-in', filename: unresolved('src/domain/x.ts'), code: "import path from 'node:path';" },
  ],
  invalid: [
    { name: 'a missing relative file', filename: unresolved('src/domain/x.ts'), code: "import { helper } from './missing.js';", errors: [{ messageId: 'unresolved', line: 1, column: 24 }] },
    {
      name: 'an alias that matches paths but no file',
      filename: unresolved('src/domain/x.ts'),
      code: "import { format } from '@lib/format.js';",
      errors: [{ messageId: 'unresolved', line: 1, column: 24 }],
    },
    { name: 'an alias no paths entry defines', filename: unresolved('src/domain/x.ts'), code: "const other = require('~/other.js');", errors: [{ messageId: 'unresolved', line: 1, column: 23 }] },
    {
      name: 'a package no package.json declares and nothing installs',
      filename: unresolved('src/domain/x.ts'),
      code: "import pad from 'left-pad';",
      errors: [{ messageId: 'unresolved', line: 1, column: 17 }],
    },
    {
      name: 'a file outside the project, whose own imports nobody checks',
      filename: unresolved('src/domain/x.ts'),
      code: "import { getApiUrl } from '../../../../allocation/src/allocation/config.js';\nexport const url = getApiUrl();",
      errors: [{ messageId: 'outsideProject', line: 1, column: 27 }],
    },
    {
      name: 'a missing file behind typeof import()',
      filename: unresolved('src/domain/x.ts'),
      code: "type T = typeof import('./gone.js');",
      errors: [{ messageId: 'unresolved', line: 1, column: 24 }],
    },
    {
      name: 'a tsconfig that does not parse is reported with its path',
      filename: path.join(broken, 'src', 'domain', 'x.ts'),
      code: "import { x } from './y.js';",
      errors: [
        { messageId: 'brokenTsconfig', line: 1, column: 1 },
        { messageId: 'unresolved', line: 1, column: 19 },
      ],
    },
  ],
});
