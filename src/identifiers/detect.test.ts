import { describe, expect, it } from 'vitest';
import { detectIdentifier, type DetectedQuery } from './detect.ts';
import { ALPHABETS, mutate, pick, prng, randomString } from './testing/fuzz.ts';

const today = new Date('2026-11-23T12:00:00Z');
const detect = (text: string) => detectIdentifier(text, { today });
const kinds = (results: DetectedQuery[]) => results.map((r) => r.kind);

const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';

describe('detectIdentifier', () => {
  it('reads a valid IBAN as an IBAN and nothing else', () => {
    expect(detect('NL91 ABNA 0417 1643 00')).toEqual([{ kind: 'iban', value: 'NL91ABNA0417164300', confidence: 0.98 }]);
    expect(detect('mt84malt011000012345mtlcast001s')[0]).toMatchObject({ kind: 'iban', value: 'MT84MALT011000012345MTLCAST001S' });
  });

  it('offers a mistyped IBAN first, with the reason', () => {
    const [first] = detect('NL90 ABNA 0417 1643 00');
    expect(first).toEqual({ kind: 'iban', value: 'NL90ABNA0417164300', confidence: 0.45, warnings: ['IBAN check digits do not match: expected 91, got 90'] });
  });

  it('reads 17 VIN characters as a VIN', () => {
    expect(detect('1M8GDM9AXKP042788')).toEqual([{ kind: 'vin', value: '1M8GDM9AXKP042788', confidence: 0.95 }]);
    const eu = detect('WVWZZZ1JZXW000001');
    expect(kinds(eu)).toEqual(['vin']);
    expect(eu[0].confidence).toBe(0.85);
    expect(eu[0].warnings).toHaveLength(1);
  });

  it('still offers a VIN that fails its check, below the sure readings', () => {
    const results = detect('1M8GDM9A1KP042788');
    expect(results[0]).toMatchObject({ kind: 'vin', confidence: 0.4 });
    expect(results[0].warnings?.[0]).toMatch(/check digit/);
  });

  it('reads two MRZ lines as an MRZ and returns the parse', () => {
    const [result, ...rest] = detect(TD3);
    expect(rest).toEqual([]);
    expect(result).toMatchObject({ kind: 'mrz', value: TD3, confidence: 0.99 });
    expect(result.mrz?.documentNumber).toBe('L898902C3');
  });

  it('lowers confidence for an MRZ with a failed check digit, and explains a broken one', () => {
    const corrupted = TD3.replace('L898902C36', 'L898902C37');
    expect(detect(corrupted)[0]).toMatchObject({ kind: 'mrz', confidence: 0.8 });
    const broken = detect(TD3.slice(0, -3));
    expect(broken).toEqual([{ kind: 'mrz', value: TD3.slice(0, -3).replace('\n', ''), confidence: 0.2, warnings: ['MRZ line 2 has 41 characters; expected 44 like the other line'] }]);
  });

  it('reads a name with a year, separating the year', () => {
    expect(detect('Oleksandr Shevchenko 1987')).toEqual([{ kind: 'name', value: 'Oleksandr Shevchenko', confidence: 0.9, birthDate: '1987' }]);
  });

  it.each([
    ['Müller, Anna 07.03.1985', 'Müller, Anna', '1985-03-07'],
    ['Anna Müller 1985-03-07', 'Anna Müller', '1985-03-07'],
    ['Шевченко Олександр 12/03/1987', 'Шевченко Олександр', '1987-03-12'],
    ["Seán O'Brien-Smith", "Seán O'Brien-Smith", undefined],
  ])('reads %j as a name', (text, name, birthDate) => {
    const [first] = detect(text);
    expect(first.kind).toBe('name');
    expect(first.value).toBe(name);
    expect(first.birthDate).toBe(birthDate);
  });

  it('does not take an impossible date or a future year as a birth date', () => {
    const [first] = detect('Anna Müller 31.02.1985');
    expect(first).toMatchObject({ kind: 'name', value: 'Anna Müller', warnings: ['31.02.1985 is not a plausible birth date or year; it was left out'] });
    expect(first.birthDate).toBeUndefined();
    expect(detect('Anna Müller 2031')[0].birthDate).toBeUndefined();
  });

  it('reads a plate-shaped code as a plate first, with the countries whose formats fit', () => {
    const results = detect('AB-123-CD');
    expect(kinds(results)).toEqual(['plate', 'document_number', 'serial']);
    expect(results[0].plateCountries).toEqual(expect.arrayContaining(['FRA', 'ITA']));
    // Not a name with a year, although 1234 is four digits.
    expect(detect('AA 1234 BB')[0]).toMatchObject({ kind: 'plate', value: 'AA1234BB' });
  });

  it('reads a country code in front of a plate of that country', () => {
    expect(detect('NL GV-123-X')).toEqual([{ kind: 'plate', value: 'GV123X', confidence: 0.75, plateCountries: ['NLD'] }]);
    expect(detect('D: B-MW 1234')).toEqual([{ kind: 'plate', value: 'BMW1234', confidence: 0.75, plateCountries: ['DEU'] }]);
    expect(detect('UA АА 1234 ВВ')[0]).toMatchObject({ kind: 'plate', value: 'AA1234BB', plateCountries: ['UKR'] });
    // BE does not use this format, so BE is not read as a country here.
    expect(detect('BE 1234 BCD').every((r) => r.value !== '1234BCD')).toBe(true);
  });

  it('reads a passport-number-shaped code as a document number before a plate', () => {
    const results = detect('L898902C3');
    expect(results[0]).toEqual({ kind: 'document_number', value: 'L898902C3', confidence: 0.5 });
    expect(kinds(results)).toContain('serial');
  });

  it('returns nothing for empty or punctuation-only input', () => {
    expect(detect('')).toEqual([]);
    expect(detect('   ')).toEqual([]);
    expect(detect('?!')).toEqual([]);
  });

  it('ranks results by confidence', () => {
    for (const text of ['Li Na 1987', 'GV-123-X', '12345', 'NL90ABNA0417164300']) {
      const c = detect(text).map((r) => r.confidence);
      expect(c).toEqual([...c].sort((a, b) => b - a));
    }
  });
});

describe('detectIdentifier fuzz', () => {
  it('never throws and every reading is well-formed', () => {
    const rand = prng(2026);
    const seeds = [TD3, 'NL91 ABNA 0417 1643 00', '1M8GDM9AXKP042788', 'Oleksandr Shevchenko 1987', 'AB-123-CD', 'Müller, Anna 07.03.1985'];
    const allowed = ['mrz', 'iban', 'vin', 'plate', 'document_number', 'serial', 'name'];
    for (let i = 0; i < 3000; i++) {
      const input = i % 3 === 0 ? randomString(rand, ALPHABETS.noise + ALPHABETS.alnum + ' ', 60) : mutate(rand, pick(rand, seeds), ALPHABETS.alnum + ' <-.');
      const results = detectIdentifier(input, { today });
      expect(Array.isArray(results)).toBe(true);
      let previous = Infinity;
      for (const r of results) {
        expect(allowed).toContain(r.kind);
        expect(typeof r.value).toBe('string');
        expect(r.value.length).toBeGreaterThan(0);
        expect(r.confidence).toBeGreaterThan(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(r.confidence).toBeLessThanOrEqual(previous);
        previous = r.confidence;
        if (r.birthDate !== undefined) expect(r.birthDate).toMatch(/^\d{4}(-\d\d-\d\d)?$/);
      }
    }
  });

  it('copes with very long input', () => {
    expect(() => detectIdentifier('A1'.repeat(100_000))).not.toThrow();
  });
});
