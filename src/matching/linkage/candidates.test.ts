import { describe, expect, it } from 'vitest';
import { balancedBlockRanges, buildCandidateIndex, forEachCandidatePair } from './candidates.ts';

function pairs(keys: string[][], opts: Parameters<typeof forEachCandidatePair>[1] = {}, sorted = true): string[] {
  const ix = buildCandidateIndex(keys.length, (i) => keys[i]);
  const out: string[] = [];
  forEachCandidatePair(ix, opts, (i, j, secondaryOnly) => out.push(`${i}-${j}${secondaryOnly ? '+' : ''}`));
  return sorted ? out.sort() : out;
}

describe('candidate pairs', () => {
  it('emits each pair once however many keys it shares', () => {
    expect(pairs([['a', 'b', 'c'], ['a', 'b'], ['c'], ['z']])).toEqual(['0-1', '0-2']);
  });
  it('never pairs two passive holders of a key', () => {
    expect(pairs([['~a'], ['~a'], ['a']])).toEqual(['0-2', '1-2']);
    expect(pairs([['~a', 'b'], ['~a', 'b']])).toEqual(['0-1']);
  });
  it('links only across the split', () => {
    expect(pairs([['a'], ['a'], ['a'], ['a']], { split: 2 })).toEqual(['0-2', '0-3', '1-2', '1-3']);
  });
  it('skips oversized blocks but keeps their pairs that share another key', () => {
    const keys = Array.from({ length: 10 }, (_, i) => (i < 2 ? ['big', 'x'] : ['big']));
    expect(pairs(keys, { maxBlockPairs: 10 })).toEqual(['0-1']);
  });
  it('splits the work by stride without losing or repeating pairs', () => {
    const keys = Array.from({ length: 40 }, (_, i) => [`k${i % 7}`, `m${i % 5}`]);
    const all = pairs(keys);
    const parts = [0, 1, 2].flatMap((offset) => pairs(keys, { stride: 3, offset }));
    expect(parts.sort()).toEqual(all);
  });
  it('marks pairs that only a secondary key brings', () => {
    expect(pairs([['a', '+s'], ['a', '+s'], ['+s'], ['~b', '+s'], ['~b']])).toEqual(['0-1', '0-2+', '0-3+', '1-2+', '1-3+', '2-3+']);
  });
  it('limits secondary blocks by their own size and by the pair budget, smallest first', () => {
    const keys = Array.from({ length: 12 }, (_, i) => [i < 8 ? '+big' : '+small', 'x' + i]);
    // +big: 8 records = 28 pairs, +small: 4 records = 6 pairs.
    expect(pairs(keys, { maxSecondaryBlockPairs: 10 })).toEqual(['10-11+', '8-10+', '8-11+', '8-9+', '9-10+', '9-11+']);
    expect(pairs(keys, { maxSecondaryBlockPairs: 100 })).toHaveLength(34);
    expect(pairs(keys, { maxSecondaryBlockPairs: 100, secondaryPairBudget: 20 })).toHaveLength(6);
    expect(pairs(keys, { maxSecondaryBlockPairs: 100, secondaryPairBudget: 5 })).toHaveLength(0);
  });
  it('gives the single-pass order when the blocks are cut into balanced ranges', () => {
    const keys = Array.from({ length: 60 }, (_, i) => [`k${i % 7}`, `m${i % 5}`, `+s${i % 3}`]);
    const ix = buildCandidateIndex(keys.length, (i) => keys[i]);
    const bounds = balancedBlockRanges(ix, {}, 4);
    expect(bounds[0]).toBe(0);
    expect(bounds[bounds.length - 1]).toBe(ix.keyCount);
    const parts = bounds.slice(0, -1).flatMap((from, c) => pairs(keys, { fromBlock: from, toBlock: bounds[c + 1] }, false));
    expect(parts).toEqual(pairs(keys, {}, false));
  });
});
