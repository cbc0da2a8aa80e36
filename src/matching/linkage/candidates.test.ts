import { describe, expect, it } from 'vitest';
import { buildCandidateIndex, forEachCandidatePair } from './candidates.ts';

function pairs(keys: string[][], opts: Parameters<typeof forEachCandidatePair>[1] = {}): string[] {
  const ix = buildCandidateIndex(keys.length, (i) => keys[i]);
  const out: string[] = [];
  forEachCandidatePair(ix, opts, (i, j) => out.push(`${i}-${j}`));
  return out.sort();
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
});
