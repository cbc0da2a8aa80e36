import { describe, expect, it } from 'vitest';
import { normaliseSerial, serialKey } from './serial.ts';
import { ALPHABETS, expectWellFormed, mutate, prng, randomString } from './testing/fuzz.ts';

describe('normaliseSerial', () => {
  it('upper-cases and strips separators, keeping letters and digits as stamped', () => {
    expect(normaliseSerial('abc 123')).toEqual({ ok: true, value: 'ABC123' }); // Glock style
    expect(normaliseSerial('K-12.345/B_7')).toEqual({ ok: true, value: 'K12345B7' });
    expect(normaliseSerial('SN0O1')).toEqual({ ok: true, value: 'SN0O1' });
  });

  it('refuses empty, over-long and odd input precisely', () => {
    expect(normaliseSerial('  ')).toEqual({ ok: false, error: 'serial number is empty' });
    expect(normaliseSerial('1'.repeat(41))).toEqual({ ok: false, error: 'serial number has 41 characters; at most 40 are allowed' });
    expect(normaliseSerial('12#4')).toEqual({ ok: false, error: "serial number contains '#' at position 3; only Latin letters and digits are kept" });
  });
});

describe('serialKey', () => {
  it('folds worn-stamp confusions (O/0, I/1, S/5, B/8, Z/2, G/6)', () => {
    expect(serialKey('BSO-1ZG')).toBe(serialKey('850 126'));
    expect(serialKey('abc123')).toBe('A8C123');
  });
  it('keeps other differences', () => {
    expect(serialKey('ABC123')).not.toBe(serialKey('ABC124'));
  });
});

describe('normaliseSerial fuzz', () => {
  it('never throws; a success is 1–40 Latin letters and digits', () => {
    const rand = prng(1911);
    for (let i = 0; i < 3000; i++) {
      const input = i % 2 === 0 ? randomString(rand, ALPHABETS.noise + ALPHABETS.alnum, 48) : mutate(rand, 'ABC 123-45', ALPHABETS.alnum + ' -./_');
      const result = expectWellFormed(normaliseSerial(input));
      if (result.ok) expect(result.value).toMatch(/^[A-Z0-9]{1,40}$/);
      expect(serialKey(input)).toBeTypeOf('string');
    }
  });
});
