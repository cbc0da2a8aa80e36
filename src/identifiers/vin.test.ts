import { describe, expect, it } from 'vitest';
import { isNorthAmericanVin, normaliseVin, vinCheckDigit } from './vin.ts';
import { ALPHABETS, expectWellFormed, mutate, prng, randomString } from './testing/fuzz.ts';

describe('normaliseVin', () => {
  it('accepts North-American VINs with a correct check digit', () => {
    // 49 CFR 565 worked example, and two widely published real VINs.
    expect(normaliseVin('1M8GDM9AXKP042788')).toEqual({ ok: true, value: '1M8GDM9AXKP042788' });
    expect(normaliseVin('1HGCM82633A004352')).toEqual({ ok: true, value: '1HGCM82633A004352' });
    expect(normaliseVin('JH4KA7561PC008269')).toEqual({ ok: true, value: 'JH4KA7561PC008269' });
  });

  it('strips separators, asterisks and case', () => {
    expect(normaliseVin('*1m8-gdm9a xkp.042788*')).toEqual({ ok: true, value: '1M8GDM9AXKP042788' });
  });

  it('rejects a wrong check digit on a North-American vehicle', () => {
    expect(normaliseVin('1M8GDM9A1KP042788')).toEqual({
      ok: false,
      error: 'VIN check digit (position 9) is 1 but should be X; for North-American vehicles (first character 1–5) it is mandatory, so a character is probably mistyped',
    });
    // One mistyped serial digit in a real VIN.
    const typo = normaliseVin('1HGCM82633A004353');
    expect(typo.ok).toBe(false);
    if (!typo.ok) expect(typo.error).toMatch(/^VIN check digit \(position 9\) is 3 but should be \d/);
  });

  it('only warns about the check digit on European VINs', () => {
    // VW Golf IV VIN: Z (filler) in position 9, as is usual in the EU.
    expect(normaliseVin('WVWZZZ1JZXW000001')).toEqual({
      ok: true,
      value: 'WVWZZZ1JZXW000001',
      warnings: ['VIN check digit (position 9) is Z, the North-American rule gives 0; vehicles built for other markets need not carry one'],
    });
  });

  it('names the forbidden letter, where it is, and the digit probably meant', () => {
    expect(normaliseVin('1M8GDM9AXKP04278O')).toEqual({
      ok: false,
      error: 'VIN contains the letter O at position 17, which ISO 3779 does not allow (I, O and Q are never used); probably the digit 0',
    });
    const i = normaliseVin('IM8GDM9AXKP042788');
    expect(i.ok === false && i.error).toContain('letter I at position 1');
    expect(i.ok === false && i.error).toContain('probably the digit 1');
    const q = normaliseVin('1M8GDM9AXKPQ42788');
    expect(q.ok === false && q.error).toContain('letter Q at position 12');
  });

  it('refuses wrong lengths and odd characters', () => {
    expect(normaliseVin('1M8GDM9AXKP0427881')).toEqual({ ok: false, error: 'VIN has 18 characters, ISO 3779 requires 17' });
    expect(normaliseVin('1M8GDM9AXKP04278')).toEqual({ ok: false, error: 'VIN has 16 characters, ISO 3779 requires 17: a character is probably missing' });
    expect(normaliseVin('1M8GDM9AXKP0427#8')).toEqual({ ok: false, error: "VIN contains '#' at position 16; only letters and digits are allowed" });
    expect(normaliseVin('')).toEqual({ ok: false, error: 'VIN is empty' });
    expect(normaliseVin('AB1')).toEqual({ ok: false, error: 'VIN has 3 characters; ISO 3779 VINs have 17 and even pre-1981 chassis numbers have at least 4' });
  });

  it('accepts pre-1981 chassis numbers of 4–14 characters with a warning', () => {
    // A Mercedes W123 chassis number (14 digits) and a 1970s Porsche 911 (10).
    expect(normaliseVin('123 123 12 123456')).toEqual({
      ok: true,
      value: '12312312123456',
      warnings: ['VIN has 14 characters: taken as a pre-1981 chassis number, to which the ISO 3779 checks do not apply'],
    });
    expect(normaliseVin('9113600123')).toMatchObject({ ok: true, value: '9113600123' });
    expect(normaliseVin('123456789012345').ok).toBe(false);
  });
});

describe('vinCheckDigit and isNorthAmericanVin', () => {
  it('computes the 49 CFR 565 check digit', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(vinCheckDigit('11111111111111111')).toBe('1');
  });
  it('reads the region from the first character', () => {
    expect(isNorthAmericanVin('1M8GDM9AXKP042788')).toBe(true);
    expect(isNorthAmericanVin('5YJ3E1EA7JF000316')).toBe(true);
    expect(isNorthAmericanVin('WVWZZZ1JZXW000001')).toBe(false);
    expect(isNorthAmericanVin('JH4KA7561PC008269')).toBe(false);
  });
});

describe('normaliseVin fuzz', () => {
  it('never throws; a success is 17 ISO characters with a valid North-American check digit, or a flagged exception', () => {
    const rand = prng(3779);
    const seeds = ['1M8GDM9AXKP042788', 'WVWZZZ1JZXW000001', 'JH4KA7561PC008269'];
    for (let i = 0; i < 3000; i++) {
      const input = i % 3 === 0 ? randomString(rand, ALPHABETS.noise + ALPHABETS.alnum, 24) : mutate(rand, seeds[i % seeds.length], ALPHABETS.alnum);
      const result = expectWellFormed(normaliseVin(input));
      if (!result.ok) continue;
      if (result.value.length === 17) {
        expect(result.value).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
        if (isNorthAmericanVin(result.value)) expect(vinCheckDigit(result.value)).toBe(result.value[8]);
        else if (vinCheckDigit(result.value) !== result.value[8]) expect(result.warnings).toHaveLength(1);
      } else {
        expect(result.value.length).toBeLessThanOrEqual(14);
        expect(result.warnings).toHaveLength(1);
      }
    }
  });
});
