import { describe, expect, it } from 'vitest';
import { damerauLevenshtein, jaccardTokens, jaroWinkler, levenshtein } from './similarity.ts';

describe('jaroWinkler', () => {
  it('gives the textbook values', () => {
    // Winkler (1990) / Wikipedia reference pairs.
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('CRATE', 'TRACE')).toBeCloseTo(0.7333, 4);
  });

  it('is 1 for identical, 0 for nothing in common or one side empty', () => {
    expect(jaroWinkler('SHEVCHENKO', 'SHEVCHENKO')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('ABC', '')).toBe(0);
    expect(jaroWinkler('', 'ABC')).toBe(0);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
  });

  it('is symmetric and bounded', () => {
    const pairs = [['OLEKSANDR', 'ALEKSANDR'], ['MOHAMMED', 'MUHAMMAD'], ['A', 'AB'], ['SCHMIDT', 'SMITH'], ['X', 'Y']];
    for (const [a, b] of pairs) {
      const s = jaroWinkler(a, b);
      expect(s).toBe(jaroWinkler(b, a));
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
  });

  it('boosts only above 0.7 and only for a common prefix of at most 4', () => {
    // Jaro of ABCDEFGH/ABCDXYZW is 0.667: no boost although 4 letters agree.
    expect(jaroWinkler('ABCDEFGH', 'ABCDWXYZ')).toBeCloseTo(2 / 3, 6);
    const long = jaroWinkler('ABCDEFGHIJ', 'ABCDEFGHIX');
    expect(long).toBeCloseTo(0.9333 + 0.4 * (1 - 0.9333), 3);
  });

  it('handles strings longer than its initial buffers', () => {
    const a = 'A'.repeat(500) + 'B';
    const b = 'A'.repeat(500) + 'C';
    expect(jaroWinkler(a, b)).toBeGreaterThan(0.99);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
  });
});

describe('levenshtein', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(levenshtein('KITTEN', 'SITTING')).toBe(3);
    expect(levenshtein('OLEKSANDR', 'OLEXANDR')).toBe(2);
    expect(levenshtein('', 'ABC')).toBe(3);
    expect(levenshtein('ABC', '')).toBe(3);
    expect(levenshtein('SAME', 'SAME')).toBe(0);
    expect(levenshtein('MAKSIM', 'MAKISM')).toBe(2);
  });

  it('stops beyond max and returns max + 1', () => {
    expect(levenshtein('KITTEN', 'SITTING', 2)).toBe(3);
    expect(levenshtein('KITTEN', 'SITTING', 3)).toBe(3);
    expect(levenshtein('ABCDEFGHIJ', 'KLMNOPQRST', 1)).toBe(2);
    expect(levenshtein('A', 'ABCDEFGH', 2)).toBe(3);
    expect(levenshtein('ABC', 'ABD', 0)).toBe(1);
  });

  it('agrees with a plain dynamic-programming reference on random strings', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const word = () => Array.from({ length: Math.floor(rnd() * 9) }, () => 'ABCD'[Math.floor(rnd() * 4)]).join('');
    for (let n = 0; n < 300; n++) {
      const a = word();
      const b = word();
      const ref = reference(a, b, false);
      expect(levenshtein(a, b)).toBe(ref);
      const max = Math.floor(rnd() * 4);
      expect(levenshtein(a, b, max)).toBe(ref > max ? max + 1 : ref);
      const refOsa = reference(a, b, true);
      expect(damerauLevenshtein(a, b)).toBe(refOsa);
      expect(damerauLevenshtein(a, b, max)).toBe(refOsa > max ? max + 1 : refOsa);
    }
  });
});

describe('damerauLevenshtein (optimal string alignment)', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(damerauLevenshtein('MAKSIM', 'MAKISM')).toBe(1);
    expect(damerauLevenshtein('CA', 'AC')).toBe(1);
    expect(damerauLevenshtein('19850307', '19850370')).toBe(1);
  });

  it('does not edit a substring twice (CA → ABC is 3, not 2)', () => {
    expect(damerauLevenshtein('CA', 'ABC')).toBe(3);
  });
});

describe('jaccardTokens', () => {
  it('divides shared by distinct tokens', () => {
    expect(jaccardTokens(['GARCIA', 'LOPEZ'], ['GARCIA'])).toBe(0.5);
    expect(jaccardTokens(['A', 'B', 'C'], ['B', 'C', 'D'])).toBe(0.5);
    expect(jaccardTokens(['A', 'A', 'B'], ['A', 'B', 'B'])).toBe(1);
    expect(jaccardTokens(['A'], ['B'])).toBe(0);
  });

  it('defines the empty cases', () => {
    expect(jaccardTokens([], [])).toBe(1);
    expect(jaccardTokens(['A'], [])).toBe(0);
  });

  it('gives the same answer for long lists', () => {
    const a = Array.from({ length: 40 }, (_, i) => `T${i}`);
    const b = Array.from({ length: 40 }, (_, i) => `T${i + 20}`);
    expect(jaccardTokens(a, b)).toBeCloseTo(20 / 60, 10);
  });
});

function reference(a: string, b: string, osa: boolean): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (osa && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
