import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../../domain/match-record.ts';
import { batchBlockingKeysOf } from '../blocking.ts';
import { extractFeatures } from '../model/features.ts';
import { secondaryCandidateKeysOf } from './secondary-keys.ts';

function record(given: string, family: string, birthDate: string, sex = 'F', nationality = 'POL'): MatchRecord {
  return { id: `${given}-${family}`, names: [{ given, family }], birthDate, sex, nationalities: [nationality], placeOfBirth: '', documentNumbers: [], address: '' };
}

// Key → held actively; two passive holders do not pair (blocking.ts).
const stored = (r: MatchRecord) => new Map(batchBlockingKeysOf(extractFeatures(r)).map((k) => [k.replace(/^~/, ''), !k.startsWith('~')]));
const secondary = (r: MatchRecord) => new Map(secondaryCandidateKeysOf(extractFeatures(r)).map((k) => [k, true]));
const shared = (a: Map<string, boolean>, b: Map<string, boolean>) => [...a].filter(([k, active]) => b.has(k) && (active || b.get(k))).map(([k]) => k);

describe('secondary candidate keys', () => {
  it('are all marked secondary and never stored', () => {
    const keys = secondaryCandidateKeysOf(extractFeatures(record('Monika', 'Kowalczyk', '2003-10-02')));
    expect(keys.length).toBeGreaterThan(5);
    for (const k of keys) expect(k.startsWith('+')).toBe(true);
  });

  // Pairs with two errors at once, from the evaluation's misses: no stored key survives them.
  it.each([
    [record('J.', 'MOLENAAR', '1986-10-12', 'M', 'NLD'), record('JOHANNES', 'MOPLENAAR', '1986-01-01', 'M', 'NLD')],
    [record('Diez Durán', 'José', '1987-04', 'M', 'ESP'), record('Josd', 'Diez Duran', '1987', 'M', 'ESP')],
    [record('Luca', 'Balogh', '1977-05-12', 'F', 'HUN'), record('Zsuzsanna', 'Balogh', '1977-12-05', 'F', 'HUN')],
    [record('Angela', 'Bruno', '2009-07-26', 'F', 'ITA'), record('Angela', 'Gallo', '2009', 'F', 'ITA')],
  ])('bring %o and %o together where the stored keys do not', (a, b) => {
    expect(shared(stored(a), stored(b))).toEqual([]);
    expect(shared(secondary(a), secondary(b)).length).toBeGreaterThan(0);
  });

  it('do not pair strangers of another name and another date', () => {
    expect(shared(secondary(record('Monika', 'Kowalczyk', '2003-10-02')), secondary(record('Ewa', 'Nowak', '1971-03-19')))).toEqual([]);
  });
});
