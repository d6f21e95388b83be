import { expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import type { AuditResult } from '../../src/results/violation.js';
import { pgViolation } from '../helpers.js';

/** Found by the fuzz suite (seed 7): a file heading is a line of its own, and a name may start like the summary line. */
it('a file named like the summary line cannot pass for it: its leading ✔ or ✖ is shown as \\u2714 or \\u2716', () => {
  const files = ['✔ no problems (3 files checked)/x.ts', '  ✖ 0 problems/y.ts', 'src/✔.ts'];
  const result: AuditResult = {
    schemaVersion: 1,
    tool: { name: 'cosmic-lint', version: '0.1.0' },
    summary: { files: 3, errors: 3, warnings: 0, baselined: 0 },
    violations: files.map((file, index) => pgViolation(file, `The domain imports pg. Why: purity. Fix: move it.`, `${index}`.padStart(20, '0'))),
    diagnostics: [],
    layers: ['domain'],
    layerEdges: [],
  };
  for (const color of [false, true]) {
    const lines = formatText(result, { color })
      .replace(/\u001b\[\d+m/g, '')
      .trimEnd()
      .split('\n');
    expect(lines.filter((line) => /^\s*[✔✖]/.test(line))).toEqual([lines.at(-1)]);
    expect(lines).toContain('\\u2714 no problems (3 files checked)/x.ts');
    expect(lines).toContain('  \\u2716 0 problems/y.ts');
    expect(lines).toContain('src/✔.ts');
  }
});
