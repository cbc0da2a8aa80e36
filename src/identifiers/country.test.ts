import { describe, expect, it } from 'vitest';
import { countryName, ICAO_SPECIAL_CODES, toCountryCode } from './country.ts';
import { ALPHABETS, expectWellFormed, prng, randomString } from './testing/fuzz.ts';

describe('toCountryCode', () => {
  it.each([
    ['NL', 'NLD'], ['nld', 'NLD'], [' n l d ', 'NLD'], ['UA', 'UKR'], ['ukr', 'UKR'], ['fr', 'FRA'],
    ['D', 'DEU'], ['d<<', 'DEU'], ['DE', 'DEU'], ['DEU', 'DEU'],
    ['UK', 'GBR'], ['GB', 'GBR'], ['EL', 'GRC'], ['XK', 'RKS'],
  ])('%j → %s', (input, expected) => {
    expect(toCountryCode(input)).toEqual({ ok: true, value: expected });
  });

  it('keeps every ICAO special code as it is', () => {
    for (const code of Object.keys(ICAO_SPECIAL_CODES)) expect(toCountryCode(code.toLowerCase())).toEqual({ ok: true, value: code });
    for (const code of ['GBD', 'GBN', 'GBO', 'GBP', 'GBS', 'UNO', 'UNA', 'UNK', 'XXA', 'XXB', 'XXC', 'XXX', 'EUE', 'XOM', 'XPO']) {
      expect(code in ICAO_SPECIAL_CODES).toBe(true);
    }
  });

  it('refuses unknown, numeric and malformed codes with a reason', () => {
    expect(toCountryCode('XY')).toEqual({ ok: false, error: "'XY' is not an ISO 3166-1 alpha-2 country code" });
    expect(toCountryCode('UTO')).toEqual({ ok: false, error: "'UTO' is neither an ISO 3166-1 alpha-3 country code nor an ICAO 9303 code" });
    expect(toCountryCode('528')).toEqual({ ok: false, error: "country code '528' is numeric; use an alpha-2 (NL) or alpha-3 (NLD) code" });
    expect(toCountryCode('')).toEqual({ ok: false, error: 'country code is empty' });
    expect(toCountryCode('Nederland')).toEqual({ ok: false, error: "country code 'Nederland' is not 1–3 letters" });
    expect(toCountryCode('A')).toEqual({ ok: false, error: "'A' is not a country code (only D, for Germany, has one letter)" });
  });
});

describe('countryName', () => {
  it('names countries in the requested language', () => {
    expect(countryName('NLD')).toBe('Netherlands');
    expect(countryName('D', 'de')).toBe('Deutschland');
    expect(countryName('UA', 'uk')).toBe('Україна');
    expect(countryName('FRA', 'NL')).toBe('Franse Republiek');
  });

  it('names ICAO special codes in English and falls back to English for unknown languages', () => {
    expect(countryName('XXA')).toBe('Stateless person');
    expect(countryName('XXB', 'nl')).toBe('Refugee (1951 Convention)');
    expect(countryName('FRA', 'zz')).toBe('France');
  });

  it('is undefined for unknown codes', () => {
    expect(countryName('QQQ')).toBeUndefined();
  });
});

describe('toCountryCode fuzz', () => {
  it('never throws and returns a three-letter code when it succeeds', () => {
    const rand = prng(3166);
    for (let i = 0; i < 3000; i++) {
      const input = randomString(rand, i % 2 === 0 ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZ <' : ALPHABETS.noise, 5);
      const result = expectWellFormed(toCountryCode(input));
      if (result.ok) expect(result.value).toMatch(/^[A-Z]{3}$/);
    }
  });
});
