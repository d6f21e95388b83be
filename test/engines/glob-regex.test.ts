import fc from 'fast-check';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globToRegex } from '../../src/engines/depcruise/ruleset.js';

/**
 * The generated dependency-cruiser rules name layers by regular expressions translated from the
 * config's globs; the classifier matches the same globs with picomatch. For every glob form the
 * config accepts, both must take the same paths, or the two engines would disagree on a layer.
 */
const GLOBS = [
  'src/domain/**',
  'src/**/*.ts',
  'src/*/domain/**',
  'src/{domain,model}/**/*.{ts,tsx}',
  'src/[a-c]*/x.ts',
  'src/[!a-c]*/x.ts',
  'src/[^_]*.ts',
  'src/@(domain|model)/**',
  'src/?(legacy-)domain/**',
  'src/+(a|b).ts',
  'src/*(a|b)x.ts',
  'src/modules/*/domain/**',
  'src/v?/api/**',
  '**/domain/**',
  'src/a.b+c(d)/**',
  'src/**/!(index|*Controller).ts',
  'src/!(legacy)/**',
  'src/!(index).ts',
  'src/!(legacy)',
  'src/a(b|c)d.ts',
  'src/api/*/**',
  'src/a*/**',
  'src/*b/**',
  'src/api/!(*.module).ts',
  'src/modules/*/useCases/**/!(index|*Controller|*DTO).ts',
];

const segment = fc.constantFrom(
  'src',
  'domain',
  'model',
  'legacy-domain',
  'legacy',
  'a',
  'b',
  'c',
  'd',
  'ab',
  'abx',
  'ax',
  'x',
  '_x',
  'v1',
  'v12',
  'api',
  'modules',
  'user',
  'useCases',
  'a.b+c(d)',
  'a.b+cd',
  '.hidden',
);
const file = fc.constantFrom(
  'x.ts',
  'a.ts',
  'ab.ts',
  'abx.ts',
  'x',
  'model.tsx',
  'index.ts',
  'index.tsx',
  '_private.ts',
  'bx.ts',
  'c.ts',
  'z.ts',
  'UserController.ts',
  'Controller.ts',
  'CreateUserDTO.ts',
  'indexes.ts',
  'abd.ts',
  'acd.ts',
  'legacy',
);
const paths = fc.tuple(fc.array(segment, { minLength: 0, maxLength: 4 }), file).map(([folders, name]) => [...folders, name].join('/'));

describe('glob → regular expression for dependency-cruiser', () => {
  it.each(GLOBS)('%s matches exactly what picomatch (dot: true) matches', (glob) => {
    const ours = new RegExp(globToRegex(glob));
    const theirs = picomatch(glob, { dot: true });
    fc.assert(
      fc.property(paths, (candidate) => ours.test(candidate) === theirs(candidate)),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('keeps star height 1, as dependency-cruiser demands (no quantified group holds a quantifier)', () => {
    for (const glob of GLOBS) expect(globToRegex(glob), glob).not.toMatch(/\([^()]*[*+][^()]*\)[*+]/);
  });
});
