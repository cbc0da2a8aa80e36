import { describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import { expectedIbanCheckDigits, formatIban, normaliseIban } from './iban.ts';
import { ALPHABETS, expectWellFormed, mutate, prng, randomString } from './testing/fuzz.ts';

// Published example IBANs (ISO 13616 registry and national banking associations).
const VALID: Record<string, [typed: string, electronic: string]> = {
  NL: ['NL91 ABNA 0417 1643 00', 'NL91ABNA0417164300'],
  DE: ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
  BE: ['BE68 5390 0754 7034', 'BE68539007547034'],
  FR: ['FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
  GB: ['GB29 NWBK 6016 1331 9268 19', 'GB29NWBK60161331926819'],
  MT: ['MT84 MALT 0110 0001 2345 MTLC AST0 01S', 'MT84MALT011000012345MTLCAST001S'],
  PL: ['PL61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874'],
  UA: ['UA21 3223 1300 0002 6007 2335 6600 1', 'UA213223130000026007233566001'],
};

describe('normaliseIban', () => {
  for (const [country, [typed, electronic]] of Object.entries(VALID)) {
    it(`accepts the ${country} example and returns the electronic format`, () => {
      expect(normaliseIban(typed)).toEqual({ ok: true, value: electronic });
    });
  }

  it('strips dashes, dots, lower case and an IBAN prefix', () => {
    expect(normaliseIban('nl91-abna-0417-1643-00')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
    expect(normaliseIban('IBAN: NL91.ABNA.0417.1643.00')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
  });

  it('says which check digits were expected', () => {
    expect(normaliseIban('NL90ABNA0417164300')).toEqual({ ok: false, error: 'IBAN check digits do not match: expected 91, got 90' });
    expect(normaliseIban('GB28NWBK60161331926819')).toEqual({ ok: false, error: 'IBAN check digits do not match: expected 29, got 28' });
  });

  it('catches a swapped pair of account digits through the check digits', () => {
    const result = normaliseIban('DE89370400440532031000');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^IBAN check digits do not match: expected \d\d, got 89$/);
  });

  it('reports a wrong length for the country', () => {
    expect(normaliseIban('DE8937040044053201300')).toEqual({ ok: false, error: 'IBAN for DE must have 22 characters, got 21' });
    expect(normaliseIban('MT84MALT011000012345MTLCAST001')).toEqual({ ok: false, error: 'IBAN for MT must have 31 characters, got 30' });
  });

  it('reports an account part that does not have the national format', () => {
    const result = normaliseIban('GB29NWBK6016133192681X');
    expect(result).toEqual({ ok: false, error: "IBAN account part 'NWBK6016133192681X' does not have the GB format (4 letters, 14 digits)" });
  });

  it('reports national check digits that are wrong under correct IBAN check digits', () => {
    // Belgian account 539-0075470-35 instead of -34, with IBAN check digits recomputed for it.
    const bban = '539007547035';
    const iban = `BE${expectedIbanCheckDigits('BE', bban)}${bban}`;
    expect(normaliseIban(iban)).toEqual({ ok: false, error: 'IBAN check digits are right but the BE national account check digits inside it are wrong' });
  });

  it('refuses countries without IBANs, bad characters and empty input', () => {
    expect(normaliseIban('US64SVBKUS6S3300958879')).toEqual({ ok: false, error: "'US' is not a country that issues IBANs" });
    expect(normaliseIban('NL91ABNA04171643_0')).toEqual({ ok: false, error: "IBAN contains '_' at position 17; only letters and digits are allowed" });
    expect(normaliseIban('  ')).toEqual({ ok: false, error: 'IBAN is empty' });
    expect(normaliseIban('1234NL')).toEqual({ ok: false, error: "IBAN must start with a two-letter country code, not '12'" });
  });
});

describe('expectedIbanCheckDigits', () => {
  it('computes ISO 7064 mod 97-10 check digits', () => {
    expect(expectedIbanCheckDigits('NL', 'ABNA0417164300')).toBe('91');
    expect(expectedIbanCheckDigits('GB', 'NWBK60161331926819')).toBe('29');
    expect(expectedIbanCheckDigits('MT', 'MALT011000012345MTLCAST001S')).toBe('84');
  });
});

describe('formatIban', () => {
  it('groups by four', () => {
    expect(formatIban('NL91ABNA0417164300')).toBe('NL91 ABNA 0417 1643 00');
    expect(formatIban('MT84MALT011000012345MTLCAST001S')).toBe('MT84 MALT 0110 0001 2345 MTLC AST0 01S');
    expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
  });
});

describe('normaliseIban fuzz', () => {
  it('never throws, always well-formed, and agrees with ibantools', () => {
    const rand = prng(13616);
    const seeds = Object.values(VALID).map(([typed]) => typed);
    for (let i = 0; i < 3000; i++) {
      const input = i % 3 === 0 ? randomString(rand, ALPHABETS.noise + ALPHABETS.alnum, 40) : mutate(rand, seeds[i % seeds.length], ALPHABETS.alnum + ' -');
      const result = expectWellFormed(normaliseIban(input));
      if (result.ok) {
        expect(result.value).toMatch(/^[A-Z]{2}\d{2}[A-Z0-9]+$/);
        expect(isValidIBAN(result.value)).toBe(true);
      }
    }
  });
});
