/**
 * Arbitrary audit results, for the reporters alone: everything results.schema.json allows, with
 * hostile strings wherever a project string can go (file names, specifiers, packages, messages,
 * chain hops, diagnostics, stale baseline entries), including what no file system gives but a
 * result may hold (lone surrogates, U+FFFE, NUL), and arbitrary baseline files for parseBaseline.
 */
import fc from 'fast-check';
import { ALL_RULES } from '../../src/checks/registry.js';
import { LAYERS, ROLES } from '../../src/config/types.js';
import type { AuditResult, Violation } from '../../src/results/violation.js';

const HOSTILE = [
  '\u001b[32m✔ no problems\u001b[0m',
  '\u0007',
  '\n✔ no problems (9 files checked)\r',
  '\u202etxt.exe',
  '\u2066x\u2069\u200f\u061c\u200e\u202a\u202b\u202c\u202d\u2067\u2068',
  '\u009b31m\u007f\u0085',
  'pipe|tick`',
  '100% #1?x y',
  'ünï\ttab\u2028\u2029',
  '\ud800',
  '\udfff\ud800',
  '\ufffe\uffff\u0000',
  '\u001b]0;title\u0007',
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  ']]><!--',
  '&amp;&#0;',
  '::error file=x::forged',
  '%0A%25',
  '*_[link](javascript:x)_*',
  '```',
  '\\u001b',
  'a:b,c',
  '${{ secrets.TOKEN }}',
];

/** A string from the project: plain, hostile, or random code points (lone surrogates included). */
export const projectString: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('model', 'src/domain/model.ts', 'pg', '../adapters/orm.js') },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 8 }).map((codes) => String.fromCharCode(...codes)) },
);

/** A relative path as results.schema.json allows it: no leading `/`, no Windows drive. */
const relativePath = fc.array(projectString, { minLength: 1, maxLength: 3 }).map((segments) => {
  const joined = segments.join('/').replace(/^\/+/, '');
  return /^[A-Za-z]:[\\/]/.test(joined) || joined === '' ? `x${joined}` : joined;
});

const position = fc.integer({ min: 1, max: 100_000 });
const layer = fc.constantFrom(...LAYERS, null);
const role = fc.constantFrom(...ROLES, null);
const hex20 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 20, maxLength: 20 });

const violation: fc.Arbitrary<Violation> = fc.record({
  ruleId: fc.constantFrom(...Object.keys(ALL_RULES)),
  severity: fc.constantFrom('error' as const, 'warning' as const),
  file: relativePath,
  line: position,
  column: position,
  endLine: position,
  endColumn: position,
  message: fc.tuple(projectString, projectString, projectString).map(([what, why, fix]) => `${what}. Why: ${why}. Fix: ${fix}`),
  from: fc.record({ layer, role }),
  to: fc.option(fc.record({ file: fc.option(relativePath), package: fc.option(projectString), layer, role })),
  specifier: fc.option(projectString),
  kind: fc.constantFrom('value' as const, 'type' as const, null),
  chain: fc.array(fc.record({ file: relativePath, line: position, specifier: projectString }), { maxLength: 3 }),
  fingerprint: hex20,
  baselined: fc.boolean(),
});

export const auditResultArbitrary: fc.Arbitrary<AuditResult> = fc
  .record({
    violations: fc.array(violation, { maxLength: 8 }),
    diagnostics: fc.array(
      fc.record(
        {
          kind: fc.constantFrom('config' as const, 'io' as const, 'parse-error' as const, 'tsconfig' as const, 'no-files' as const, 'no-tsconfig' as const, 'engine' as const),
          file: fc.option(
            fc.oneof(
              relativePath,
              projectString.map((name) => `/outside/${name}`),
            ),
            { nil: undefined },
          ),
          line: position,
          message: projectString.map((text) => `m${text}`),
        },
        { requiredKeys: ['kind', 'file', 'message'] },
      ),
      { maxLength: 3 },
    ),
    layers: fc.subarray([...LAYERS]),
    layerEdges: fc.array(fc.record({ from: fc.constantFrom(...LAYERS), to: fc.constantFrom(...LAYERS), imports: fc.nat(50), violations: fc.nat(50) }), { maxLength: 4 }),
    staleBaseline: fc.option(fc.array(fc.record({ fingerprint: projectString, ruleId: projectString, file: projectString, target: projectString }), { maxLength: 3 }), { nil: undefined }),
    files: fc.nat(1000),
  })
  .map(({ violations, diagnostics, layers, layerEdges, staleBaseline, files }) => {
    const live = violations.filter((candidate) => !candidate.baselined);
    return {
      schemaVersion: 1 as const,
      tool: { name: 'cosmic-lint', version: '0.1.0' },
      summary: {
        files,
        errors: live.filter((candidate) => candidate.severity === 'error').length,
        warnings: live.filter((candidate) => candidate.severity === 'warning').length,
        baselined: violations.length - live.length,
      },
      violations,
      diagnostics,
      layers,
      layerEdges,
      ...(staleBaseline ? { staleBaseline } : {}),
    };
  });

/** What a baseline file may hold: a real one, one edited by hand, or anything at all. */
const entry = fc.record({ fingerprint: hex20, ruleId: projectString, file: projectString, target: projectString }, { requiredKeys: ['fingerprint'] });
const oddEntry = fc.record(
  { fingerprint: fc.oneof(projectString, fc.constant<unknown>(3)), ruleId: fc.oneof(projectString, fc.constant<unknown>(null)), file: projectString, target: projectString },
  { requiredKeys: [] },
);

export const baselineTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ version: fc.constant(1), tool: fc.constantFrom<unknown>('cosmic-lint', 'other', undefined), violations: fc.array(entry, { maxLength: 5 }) })
      .map((value) => JSON.stringify(value, null, 2)),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ version: fc.constantFrom<unknown>(1, 2, '1', null), violations: fc.array(fc.oneof(entry, oddEntry), { maxLength: 4 }) }, { requiredKeys: [] })
      .map((value) => JSON.stringify(value)),
  },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);
