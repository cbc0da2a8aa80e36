import { describe, expect, it } from 'vitest';
import { protocol } from '@electric-sql/pglite';
import { bindExecuteSync } from './pglite-bind.ts';

const { serialize } = protocol;

function reference(statement: string, values: (string | null)[]): Uint8Array {
  const parts = [serialize.bind({ statement, values }), serialize.execute({}), serialize.sync()];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// A small deterministic generator (mulberry32), so a failure can be replayed.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'Z', '0', ' ', '"', '\\', '\n', 'é', 'Ж', '€', '中', '😀', '\t'];

describe('bindExecuteSync', () => {
  it('writes exactly the bytes of PGlite’s Bind, Execute and Sync', () => {
    expect(bindExecuteSync('', [])).toEqual(reference('', []));
    expect(bindExecuteSync('pontis_abc', ['1', null, '', 'één', '😀'])).toEqual(reference('pontis_abc', ['1', null, '', 'één', '😀']));
  });

  it('agrees with PGlite on random values (fuzz, fixed seed)', () => {
    const random = rng(20261124);
    for (let round = 0; round < 300; round++) {
      const count = Math.floor(random() * 20);
      const values = Array.from({ length: count }, () => {
        if (random() < 0.15) return null;
        const size = Math.floor(random() * (random() < 0.1 ? 3000 : 40));
        let s = '';
        for (let i = 0; i < size; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
        return s;
      });
      const name = random() < 0.5 ? '' : `pontis_${round}`;
      expect(bindExecuteSync(name, values)).toEqual(reference(name, values));
    }
  });
});
