import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../domain/match-record.ts';
import { blockingKeys } from './blocking.ts';

function person(given: string, family: string, birthDate: string, documentNumbers: string[] = []): MatchRecord {
  return { id: 'x', names: [{ given, family }], birthDate, sex: '', nationalities: [], placeOfBirth: '', documentNumbers, address: '' };
}

const shared = (a: MatchRecord, b: MatchRecord) => {
  const ka = new Set(blockingKeys(a));
  return blockingKeys(b).filter((k) => ka.has(k));
};

describe('blocking keys', () => {
  it('keeps the number of keys per record small', () => {
    const keys = blockingKeys(person('Oleksandr', 'Shevchenko', '1987-03-12', ['FE123456']));
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(keys.length).toBeLessThanOrEqual(12);
  });
  it('brings together a transliteration with a partial date', () => {
    expect(shared(person('Олександр', 'Шевченко', '1987-03-12'), person('Oleksandr', 'Shevchenko', '1987')).length).toBeGreaterThan(0);
  });
  it('brings together swapped names with a wrong date', () => {
    expect(shared(person('Anna', 'Kowalska', '1980-01-02'), person('Kowalska', 'Anna', '1981-07-09')).length).toBeGreaterThan(0);
  });
  it('brings together a different name with the same document read with O/0 confusion', () => {
    expect(shared(person('Anna', 'Kowalska', ''), person('Maria', 'Nowak', '', ['AB1O2345'])).length).toBe(0);
    expect(shared(person('Anna', 'Kowalska', '', ['AB102345']), person('Maria', 'Nowak', '', ['AB1O2345'])).length).toBeGreaterThan(0);
  });
  it('keeps unrelated people apart', () => {
    expect(shared(person('Anna', 'Kowalska', '1980-01-02'), person('John', 'Smith', '1955-11-30'))).toEqual([]);
  });
});
