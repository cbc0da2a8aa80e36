// Dates and the place data: calendar arithmetic must never produce an
// impossible date, and the data parsers must report, not throw.
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './countries.ts';
import { addDays, addYears, formatYmd, fromDays, parseYmd, toDays } from './dates.ts';
import { parsePlaces, placesOf } from './places.ts';
import { Rng } from './prng.ts';

describe('dates', () => {
  it('round-trips day numbers across leap years and centuries', () => {
    for (let z = toDays({ y: 1899, m: 12, d: 25 }); z < toDays({ y: 2101, m: 1, d: 5 }); z += 17) {
      const d = fromDays(z);
      expect(parseYmd(formatYmd(d))).toEqual(d);
      expect(toDays(d)).toBe(z);
    }
    expect(formatYmd(addDays({ y: 2024, m: 2, d: 28 }, 1))).toBe('2024-02-29');
    expect(formatYmd(addYears({ y: 2024, m: 2, d: 29 }, 1))).toBe('2025-02-28');
    expect(toDays({ y: 1970, m: 1, d: 1 })).toBe(0);
  });

  it('rejects impossible dates and garbage (fuzz)', () => {
    expect(parseYmd('2025-02-29')).toBeUndefined();
    expect(parseYmd('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseYmd('2024-13-01')).toBeUndefined();
    const rng = new Rng(21);
    for (let i = 0; i < 2000; i++) {
      const s = rng.chars('0123456789-x', rng.int(12));
      const d = parseYmd(s);
      if (d) expect(formatYmd(d)).toBe(s);
    }
  });
});

describe('places', () => {
  it('has cities and streets for every country of the population', () => {
    for (const c of COUNTRIES) {
      const p = placesOf(c.code);
      expect(p.cities.length, c.code).toBeGreaterThan(3);
      expect(p.streets.length, c.code).toBeGreaterThan(3);
    }
    expect(placesOf('UKR').cities[0]).toEqual({ native: 'Київ', latin: 'Kyiv' });
  });

  it('reports malformed lines precisely and never throws (fuzz)', () => {
    const r = parsePlaces('NLD | DDDD LL | {s} {n} | Amsterdam | Kerkstraat\nxx | 1 | {s} | a | b\nDEU | DDDDD | street | Berlin | X\nFRA | D');
    expect([...r.places.keys()]).toEqual(['NLD']);
    expect(r.errors).toEqual([
      'line 2: "xx" is not a three-letter country code',
      'line 3: street pattern lacks {s}',
      'line 4: expected 5 fields separated by |, got 2',
    ]);
    const rng = new Rng(22);
    for (let i = 0; i < 500; i++) {
      const res = parsePlaces(rng.chars('ABC|{s}=, \n#x', rng.int(60)));
      expect(Array.isArray(res.errors)).toBe(true);
    }
  });
});

describe('record references', () => {
  it('are a permutation: distinct for distinct inputs, and keyed', async () => {
    const { permute32, RefMaker } = await import('./refs.ts');
    const seen = new Set<number>();
    for (let x = 0; x < 200_000; x++) seen.add(permute32(x * 7 + 3, 12345));
    expect(seen.size).toBe(200_000);
    expect(permute32(42, 1)).not.toBe(permute32(42, 2));
    const refs = new RefMaker(9);
    expect(refs.ref('FAH', 'P', 1, 0)).toMatch(/^FAH-P\d{10}$/);
    expect(refs.ref('FAH', 'P', 1, 0)).toBe(new RefMaker(9).ref('FAH', 'P', 1, 0));
    expect(refs.ref('FAH', 'P', 1, 0)).not.toBe(refs.ref('FAH', 'P', 1, 1));
  });
});
