import { describe, expect, it } from 'vitest';
import { currentFileMemo } from '../../src/project/current-file.js';

describe('currentFileMemo', () => {
  it('answers for the last key it was given and for no other', () => {
    const memo = currentFileMemo<object, string>();
    const first = {};
    const second = {};
    expect(memo.get(first)).toBeUndefined();
    memo.set(first, 'first');
    expect(memo.get(first)).toBe('first');
    expect(memo.get(second)).toBeUndefined();
    memo.set(second, 'second');
    expect(memo.get(second)).toBe('second');
    // One entry: the earlier file is worked out again, never answered from a stale slot.
    expect(memo.get(first)).toBeUndefined();
  });

  it('tells keys apart by identity, not by content', () => {
    const memo = currentFileMemo<{ path: string }, number>();
    memo.set({ path: 'a.ts' }, 1);
    expect(memo.get({ path: 'a.ts' })).toBeUndefined();
  });
});
