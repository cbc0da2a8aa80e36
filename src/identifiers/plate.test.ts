import { describe, expect, it } from 'vitest';
import { plateCountriesMatching } from './plate-patterns.ts';
import { normalisePlate, plateKey } from './plate.ts';
import { ALPHABETS, expectWellFormed, mutate, prng, randomString } from './testing/fuzz.ts';

describe('normalisePlate', () => {
  it.each([
    ['GV-123-X', 'NLD', 'GV123X'],
    ['12-ABC-3', 'NL', '12ABC3'],
    ['B-MW 1234', 'DEU', 'BMW1234'],
    ['M-AB 123E', 'D', 'MAB123E'],
    ['1-ABC-123', 'BEL', '1ABC123'],
    ['AB-123-CD', 'FRA', 'AB123CD'],
    ['123 ABC 75', 'FRA', '123ABC75'],
    ['WA 12345', 'POL', 'WA12345'],
    ['AB 123 CD', 'ITA', 'AB123CD'],
    ['1234 BCD', 'ESP', '1234BCD'],
    ['AB12 CDE', 'GBR', 'AB12CDE'],
    ['B 123 ABC', 'ROU', 'B123ABC'],
  ])('%s (%s) → %s, fitting that country', (input, country, expected) => {
    expect(normalisePlate(input, country)).toEqual({ ok: true, value: expected });
  });

  it('makes Cyrillic lookalike letters Latin (Ukrainian plates)', () => {
    expect(normalisePlate('АА 1234 ВВ', 'UKR')).toEqual({ ok: true, value: 'AA1234BB' });
    expect(normalisePlate('ВС 0001 КХ', 'UA')).toEqual({ ok: true, value: 'BC0001KX' });
  });

  it('folds diacritics and removes dots and middle dots', () => {
    expect(normalisePlate('LÖ-AB 12', 'DEU')).toEqual({ ok: true, value: 'LOAB12' });
    expect(normalisePlate('12·AB·34', 'NLD')).toEqual({ ok: true, value: '12AB34' });
    expect(normalisePlate('ab.123.cd')).toEqual({ ok: true, value: 'AB123CD' });
  });

  it('keeps letter/digit confusables apart: O and 0 are different plates', () => {
    const withO = normalisePlate('GB-O12-X');
    const with0 = normalisePlate('GB-012-X');
    expect(withO.ok && with0.ok && withO.value !== with0.value).toBe(true);
  });

  it('warns, not errs, when the plate fits none of the country formats', () => {
    expect(normalisePlate('CD 123 456', 'NLD')).toEqual({
      ok: true,
      value: 'CD123456',
      warnings: ['plate CD123456 does not fit the usual NLD formats (it may be personalised, diplomatic, military or old)'],
    });
    expect(normalisePlate('BCD 1234', 'ESP')).toMatchObject({ ok: true, value: 'BCD1234', warnings: [expect.stringContaining('ESP')] });
  });

  it('does not judge countries without known patterns', () => {
    expect(normalisePlate('ABC 123', 'SWE')).toEqual({ ok: true, value: 'ABC123' });
  });

  it('refuses non-plate characters, over-long input, empty input and unknown countries', () => {
    expect(normalisePlate('Ж 123')).toEqual({ ok: false, error: "plate contains 'Ж' at position 1; plates use only Latin letters and digits (or letters that look Latin)" });
    expect(normalisePlate('AB_12')).toEqual({ ok: false, error: "plate contains '_' at position 3; plates use only Latin letters and digits (or letters that look Latin)" });
    expect(normalisePlate('ABCDEFGHIJKLM')).toEqual({ ok: false, error: 'plate has 13 characters; no plate format has more than 12' });
    expect(normalisePlate(' - ')).toEqual({ ok: false, error: 'plate is empty' });
    expect(normalisePlate('AB123CD', 'ZZZ')).toEqual({ ok: false, error: "plate country: 'ZZZ' is neither an ISO 3166-1 alpha-3 country code nor an ICAO 9303 code" });
  });
});

describe('plateKey', () => {
  it('folds letters read as digits, so confused plates meet', () => {
    expect(plateKey('GB-O12-X')).toBe(plateKey('GB-012-X'));
    expect(plateKey('AB-12-IO')).toBe('A81210');
    expect(plateKey('АА 1234 ВВ')).toBe(plateKey('AA1234BB'));
  });
  it('keeps plates that differ in other letters apart', () => {
    expect(plateKey('GV-123-X')).not.toBe(plateKey('GV-123-K'));
  });
});

describe('plateCountriesMatching', () => {
  it('lists the countries whose formats fit', () => {
    expect(plateCountriesMatching('AB123CD')).toEqual(expect.arrayContaining(['FRA', 'ITA']));
    expect(plateCountriesMatching('1ABC123')).toContain('BEL');
    expect(plateCountriesMatching('1234BCD')).toContain('ESP');
    expect(plateCountriesMatching('AB12CDE')).toContain('GBR');
    expect(plateCountriesMatching('ABCDEFGHIJ')).toEqual([]);
  });
});

describe('normalisePlate fuzz', () => {
  it('never throws; a success is 1–12 Latin letters and digits', () => {
    const rand = prng(1949);
    const countries = [undefined, 'NLD', 'DEU', 'BEL', 'FRA', 'POL', 'ITA', 'ESP', 'UKR', 'GBR', 'XX', 'D'];
    for (let i = 0; i < 3000; i++) {
      const input = i % 2 === 0 ? randomString(rand, ALPHABETS.noise + ALPHABETS.alnum, 16) : mutate(rand, 'GV-123-X', ALPHABETS.alnum + ' -.');
      const result = expectWellFormed(normalisePlate(input, countries[i % countries.length]));
      if (result.ok) expect(result.value).toMatch(/^[A-Z0-9]{1,12}$/);
      expect(plateKey(input)).toBeTypeOf('string');
    }
  });
});
