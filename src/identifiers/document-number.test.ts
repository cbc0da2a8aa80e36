import { describe, expect, it } from 'vitest';
import { documentNumberKey, normaliseDocumentNumber } from './document-number.ts';
import { ALPHABETS, expectWellFormed, mutate, prng, randomString } from './testing/fuzz.ts';

describe('normaliseDocumentNumber', () => {
  it('upper-cases and strips space . - / and MRZ fillers', () => {
    expect(normaliseDocumentNumber('l898902c3')).toEqual({ ok: true, value: 'L898902C3' });
    expect(normaliseDocumentNumber(' NX 12.34-56/7 ')).toEqual({ ok: true, value: 'NX1234567' });
    expect(normaliseDocumentNumber('D23145890<<<')).toEqual({ ok: true, value: 'D23145890' });
    expect(normaliseDocumentNumber('C01X00T47')).toEqual({ ok: true, value: 'C01X00T47' });
  });

  it('keeps O and 0 apart in the value', () => {
    expect(normaliseDocumentNumber('AB0O12')).toEqual({ ok: true, value: 'AB0O12' });
  });

  it('refuses empty, over-long and non-alphanumeric numbers', () => {
    expect(normaliseDocumentNumber(' - ')).toEqual({ ok: false, error: 'document number is empty' });
    expect(normaliseDocumentNumber('A'.repeat(21))).toEqual({ ok: false, error: 'document number has 21 characters; at most 20 are allowed' });
    expect(normaliseDocumentNumber('AB#123')).toEqual({ ok: false, error: "document number contains '#' at position 3; only Latin letters and digits are allowed" });
    expect(normaliseDocumentNumber('АВ123')).toMatchObject({ ok: false }); // Cyrillic А, В
  });
});

describe('documentNumberKey', () => {
  it('finds numbers typed with letter/digit confusions', () => {
    const stored = documentNumberKey('NX0123456');
    for (const typed of ['NXO123456', 'NXQ123456', 'NXD123456', 'nx-0I23456', 'NX0L23456']) expect(documentNumberKey(typed)).toBe(stored);
    expect(documentNumberKey('S8Z6')).toBe(documentNumberKey('5826'));
    expect(documentNumberKey('G')).toBe('6');
  });
  it('keeps numbers that differ in non-confusable characters apart', () => {
    expect(documentNumberKey('NX0123456')).not.toBe(documentNumberKey('NX0123457'));
    expect(documentNumberKey('AX0123456')).not.toBe(documentNumberKey('NX0123456'));
  });
});

describe('normaliseDocumentNumber fuzz', () => {
  it('never throws; a success is 1–20 Latin letters and digits whose key has no confusable letter', () => {
    const rand = prng(9303);
    for (let i = 0; i < 3000; i++) {
      const input = i % 2 === 0 ? randomString(rand, ALPHABETS.noise + ALPHABETS.alnum, 24) : mutate(rand, 'L898902C3', ALPHABETS.alnum + ' -./');
      const result = expectWellFormed(normaliseDocumentNumber(input));
      if (result.ok) {
        expect(result.value).toMatch(/^[A-Z0-9]{1,20}$/);
        expect(documentNumberKey(result.value)).not.toMatch(/[OQDILZSGB]/);
      }
    }
  });
});
