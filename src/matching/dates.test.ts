import { describe, expect, it } from 'vitest';
import { compareBirthDates, parseBirthDate, parseBirthDateDetailed, type DateParts } from './dates.ts';

const full = (year: number, month: number, day: number): DateParts => ({ year, month, day });

describe('parseBirthDate', () => {
  it.each([
    ['1985', { year: 1985, month: null, day: null }],
    ['1985-03', { year: 1985, month: 3, day: null }],
    ['1985-03-07', full(1985, 3, 7)],
    ['1985-03-07T00:00:00Z', full(1985, 3, 7)],
    ['19850307', full(1985, 3, 7)],
    ['07.03.1985', full(1985, 3, 7)],
    ['7.3.1985', full(1985, 3, 7)],
    ['07/03/1985', full(1985, 3, 7)],
    ['07-03-1985', full(1985, 3, 7)],
    ['1985/03/07', full(1985, 3, 7)],
    ['1985.03.07', full(1985, 3, 7)],
    ['  1985-03-07 ', full(1985, 3, 7)],
    ['03.1985', { year: 1985, month: 3, day: null }],
    ['1985-00-00', { year: 1985, month: null, day: null }],
    ['1985-XX-XX', { year: 1985, month: null, day: null }],
    ['XX.XX.1985', { year: 1985, month: null, day: null }],
    ['00.03.1985', { year: 1985, month: 3, day: null }],
    ['1985-03-XX', { year: 1985, month: 3, day: null }],
    ['19850000', { year: 1985, month: null, day: null }],
    // Day without month is no information.
    ['1985-00-07', { year: 1985, month: null, day: null }],
    // Leap years.
    ['29.02.2000', full(2000, 2, 29)],
    ['2024-02-29', full(2024, 2, 29)],
    ['07 MAR 1985', full(1985, 3, 7)],
    ['07MAR1985', full(1985, 3, 7)],
    ['7-Mar-1985', full(1985, 3, 7)],
    ['XX DEC 1985', { year: 1985, month: 12, day: null }],
    ['29 February 2000', full(2000, 2, 29)],
    // Month-first only when day-first is impossible.
    ['03/25/1985', full(1985, 3, 25)],
  ])('%s', (input, expected) => {
    expect(parseBirthDate(input)).toEqual(expected);
  });

  it.each([
    '', '   ', 'unknown', '1985-13-01', '1985-02-29', '1900-02-29', '31.04.1985', '32.01.1985', '0001-01-01',
    '1985-3-7-1', '85-03-07', '850307', '25.13.1985', '1985--03', 'NaN', '1e3', '١٩٨٥', '2100-12-32', '9999',
    '25/13/1985', '13/25/1985', '07 XYZ 1985', '30 FEB 1985',
  ])('rejects %j', (input) => {
    expect(parseBirthDate(input)).toBeNull();
  });

  it('says why a date is rejected', () => {
    expect(parseBirthDateDetailed('1985-02-30')).toEqual({ ok: false, error: 'day 30 in 1985-02-30 does not exist in 1985-02' });
    expect(parseBirthDateDetailed('1985-13-01')).toMatchObject({ ok: false, error: expect.stringContaining('month 13') });
    expect(parseBirthDateDetailed('1700')).toMatchObject({ ok: false, error: expect.stringContaining('outside') });
    expect(parseBirthDateDetailed('')).toEqual({ ok: false, error: 'empty' });
    expect(parseBirthDateDetailed('soon')).toMatchObject({ ok: false, error: expect.stringContaining('not a date') });
  });

  it('never throws on random input (fuzz, fixed seed)', () => {
    let seed = 20260101;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '0123456789-./ XxT:?\u0000\ud800😀١';
    const seeds = ['1985-03-07', '07.03.1985', '19850307', '1985', 'XX.XX.1985'];
    for (let n = 0; n < 3000; n++) {
      let s: string;
      if (n % 2 === 0) {
        s = Array.from({ length: Math.floor(rnd() * 14) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      } else {
        const chars = [...seeds[n % seeds.length]];
        const i = Math.floor(rnd() * chars.length);
        chars[i] = alphabet[Math.floor(rnd() * alphabet.length)];
        s = chars.join('');
      }
      const r = parseBirthDate(s);
      if (r !== null) {
        expect(r.year).toBeGreaterThanOrEqual(1850);
        if (r.month !== null) expect(r.month).toBeGreaterThanOrEqual(1);
        if (r.month !== null) expect(r.month).toBeLessThanOrEqual(12);
        if (r.day !== null) {
          expect(r.month).not.toBeNull();
          expect(r.day).toBeGreaterThanOrEqual(1);
          expect(r.day).toBeLessThanOrEqual(31);
        }
      }
    }
    expect(parseBirthDate('1'.repeat(100_000))).toBeNull();
    expect(parseBirthDate(undefined as unknown as string)).toBeNull();
  });
});

describe('compareBirthDates', () => {
  const p = (s: string) => parseBirthDate(s);
  it.each([
    ['1985-03-07', '07.03.1985', 'exact'],
    ['1985-03-12', '1985-12-03', 'day_month_swapped'],
    ['1985-03-07', '1985-03-08', 'one_digit'],
    ['1985-03-07', '1986-03-07', 'one_digit'],
    ['1985-03-17', '1985-03-71', 'different'], // 71 is no day: parse gives null …
    ['1985-03-17', '1985-03-27', 'one_digit'],
    ['1985-03-12', '1985-03-21', 'one_digit'], // neighbouring digits swapped
    ['1958-03-07', '1985-03-07', 'one_digit'],
    ['1985-01-01', '1985-06-15', 'placeholder'],
    ['1985-07-01', '1985-11-23', 'placeholder'],
    ['1985-06-15', '1985-01-01', 'placeholder'],
    ['1985-01-01', '1985-04', 'placeholder'],
    ['1985-03', '1985-03-07', 'year_month'],
    ['1985-03', '1985-03', 'year_month'],
    ['1985', '1985-03-07', 'year_only'],
    ['1985', '1985', 'year_only'],
    ['1985-01-01', '1985', 'year_only'],
    ['1989-03-07', '1990-03-07', 'year_close'],
    ['1989', '1990-05-05', 'year_close'],
    ['1989-05', '1990', 'year_close'],
    ['1985-03-07', '1985-03-21', 'different'],
    ['1985-03', '1985-04', 'different'],
    ['1985-03-07', '1991-10-20', 'different'],
    ['1989-03-07', '1990-04-07', 'different'],
    ['1985', '1987', 'different'],
  ] as const)('%s vs %s → %s', (a, b, expected) => {
    const pa = p(a);
    const pb = p(b);
    if (expected === 'different' && (pa === null || pb === null)) {
      expect(compareBirthDates(pa, pb)).toBe('missing');
      return;
    }
    expect(compareBirthDates(pa, pb)).toBe(expected);
    expect(compareBirthDates(pb, pa)).toBe(expected);
  });

  it('is missing when a side or its year is unknown', () => {
    expect(compareBirthDates(null, p('1985'))).toBe('missing');
    expect(compareBirthDates(p('1985'), null)).toBe('missing');
    expect(compareBirthDates({ year: null, month: 3, day: 7 }, p('1985-03-07'))).toBe('missing');
  });
});
