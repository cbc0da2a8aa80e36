// Birth dates as registers and documents write them, and how two of them
// agree. Partial dates are normal (year only, or year and month); unknown
// parts are written XX or 00. Disagreements that are typing errors or
// conventions (day and month swapped, one digit off, 1 January standing in
// for an unknown date) get their own level so the model can weigh them.

export interface DateParts {
  year: number | null;
  month: number | null;
  day: number | null;
}

export type BirthDateResult =
  | { ok: true; value: DateParts }
  | { ok: false; error: string };

/** Earliest and latest year accepted as a birth year. */
export const MIN_BIRTH_YEAR = 1850;
export const MAX_BIRTH_YEAR = 2100;
const MAX_INPUT_LENGTH = 40;

const UNKNOWN = '(?:[Xx?_-]{1,2}|0{1,2})';
const PART = `(\\d{1,2}|${UNKNOWN})`;
const YEAR_ONLY = /^(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_MONTH = new RegExp(`^(\\d{4})[-/.](\\d{1,2}|${UNKNOWN})$`);
const YEAR_FIRST = new RegExp(`^(\\d{4})([-/. ])${PART}\\2${PART}$`);
const DAY_FIRST = new RegExp(`^${PART}([-/. ])${PART}\\2(\\d{4})$`);
const MONTH_YEAR = new RegExp(`^${PART}[-/. ](\\d{4})$`);
// 07 MAR 1985, 07MAR1985, 7-Mar-1985 (API/PNR and many registers).
const MONTH_NAME = /^(\d{1,2}|XX|00)[-. /]?([A-Za-z]{3})[A-Za-z]*\.?[-. /,]*(\d{4})$/;
const MONTHS: Record<string, string> = {
  JAN: '1', FEB: '2', MAR: '3', APR: '4', MAY: '5', JUN: '6', JUL: '7', AUG: '8', SEP: '9', OCT: '10', NOV: '11', DEC: '12',
};
// ISO 8601 with a time part: the date is what counts.
const ISO_WITH_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/;

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2: return isLeap(year) ? 29 : 28;
    case 4: case 6: case 9: case 11: return 30;
    default: return 31;
  }
}

/** A part's number, or null when written as unknown (XX, 00, ??). */
function part(s: string | undefined): number | null {
  if (s === undefined || !/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n === 0 ? null : n;
}

function build(yearText: string, monthText: string | undefined, dayText: string | undefined, where: string): BirthDateResult {
  const year = Number(yearText);
  if (!(year >= MIN_BIRTH_YEAR && year <= MAX_BIRTH_YEAR)) {
    return { ok: false, error: `year ${yearText} is outside ${MIN_BIRTH_YEAR}–${MAX_BIRTH_YEAR}` };
  }
  const month = part(monthText);
  let day = part(dayText);
  if (month === null) {
    // A day without its month says nothing.
    return { ok: true, value: { year, month: null, day: null } };
  }
  if (month > 12) return { ok: false, error: `month ${monthText} in ${where} is not 1–12` };
  if (day !== null && day > daysInMonth(year, month)) {
    return { ok: false, error: `day ${dayText} in ${where} does not exist in ${year}-${String(month).padStart(2, '0')}` };
  }
  if (dayText === undefined) day = null;
  return { ok: true, value: { year, month, day } };
}

/**
 * Parses a birth date with a precise reason on failure. Accepted: ISO full
 * or partial (1985, 1985-03, 1985-03-07, with a time part ignored),
 * YYYYMMDD, YYYY/MM/DD, YYYY.MM.DD, DD.MM.YYYY, D.M.YYYY, DD/MM/YYYY,
 * DD-MM-YYYY, MM.YYYY, 07 MAR 1985 / 07MAR1985 (English month
 * abbreviations); XX, ??, 0 or 00 for an unknown part (1985-00-00 →
 * year only). Slash dates are read day first; only when that is impossible
 * and month first is possible (03/25/1985) are they read month first.
 */
export function parseBirthDateDetailed(input: string): BirthDateResult {
  if (typeof input !== 'string') return { ok: false, error: 'not a string' };
  let s = input.trim();
  if (s.length === 0) return { ok: false, error: 'empty' };
  if (s.length > MAX_INPUT_LENGTH) return { ok: false, error: `longer than ${MAX_INPUT_LENGTH} characters` };
  const withTime = ISO_WITH_TIME.exec(s);
  if (withTime) s = withTime[1];
  let m = YEAR_ONLY.exec(s);
  if (m) return build(m[1], undefined, undefined, s);
  m = COMPACT.exec(s);
  if (m) return build(m[1], m[2], m[3], s);
  m = YEAR_MONTH.exec(s);
  if (m) return build(m[1], m[2], undefined, s);
  m = YEAR_FIRST.exec(s);
  if (m) return build(m[1], m[3], m[4], s);
  m = DAY_FIRST.exec(s);
  if (m) {
    const [, first, sep, second, year] = m;
    const dayFirst = build(year, second, first, s);
    if (!dayFirst.ok && sep === '/') {
      const monthFirst = build(year, first, second, s);
      if (monthFirst.ok && monthFirst.value.day !== null) return monthFirst;
    }
    return dayFirst;
  }
  m = MONTH_YEAR.exec(s);
  if (m) return build(m[2], m[1], undefined, s);
  m = MONTH_NAME.exec(s);
  if (m) {
    const month = MONTHS[m[2].toUpperCase()];
    if (month === undefined) return { ok: false, error: `"${m[2]}" in ${s} is not a month (JAN … DEC)` };
    return build(m[3], month, m[1], s);
  }
  return { ok: false, error: `"${s}" is not a date in a known format (YYYY-MM-DD, DD.MM.YYYY, YYYYMMDD …)` };
}

/** parseBirthDate without the reason: null on anything that is not a valid birth date. Never throws. */
export function parseBirthDate(s: string): DateParts | null {
  const r = parseBirthDateDetailed(s);
  return r.ok ? r.value : null;
}

export type DateAgreement =
  | 'exact'
  | 'day_month_swapped'
  | 'one_digit'
  | 'placeholder'
  | 'year_month'
  | 'year_only'
  | 'year_close'
  | 'different'
  | 'missing';

// 1 January and 1 July are entered when only the year is known (1 July
// by UNHCR and several civil registries).
function isPlaceholder(d: DateParts): boolean {
  return d.day === 1 && (d.month === 1 || d.month === 7);
}

function isFull(d: DateParts): boolean {
  return d.year !== null && d.month !== null && d.day !== null;
}

// YYYYMMDD as one number, compared digit by digit: one digit differs, or
// two neighbouring digits are swapped.
function oneDigitApart(a: DateParts, b: DateParts): boolean {
  let x = a.year! * 10000 + a.month! * 100 + a.day!;
  let y = b.year! * 10000 + b.month! * 100 + b.day!;
  let diffs = 0;
  let firstPos = -1;
  let da1 = -1, db1 = -1, da2 = -1, db2 = -1;
  for (let pos = 0; pos < 8; pos++) {
    const dx = x % 10;
    const dy = y % 10;
    x = (x - dx) / 10;
    y = (y - dy) / 10;
    if (dx !== dy) {
      diffs++;
      if (diffs === 1) { firstPos = pos; da1 = dx; db1 = dy; }
      else if (diffs === 2) {
        if (pos !== firstPos + 1) return false;
        da2 = dx; db2 = dy;
      } else return false;
    }
  }
  if (diffs === 1) return true;
  return diffs === 2 && da1 === db2 && da2 === db1;
}

/**
 * How two birth dates agree, strongest first: exact (both full and equal);
 * day_month_swapped (same year, 03-12 vs 12-03); one_digit (full dates
 * whose YYYYMMDD differ in one digit or one swap of neighbouring digits);
 * placeholder (one is 1 January or 1 July of the other's year, the other
 * known at least to the month); year_month
 * (same year and month, a day missing on one or both sides); year_only
 * (only years comparable, equal); year_close (years one apart, known
 * months and days equal); missing (a date or its year absent); different.
 */
export function compareBirthDates(a: DateParts | null, b: DateParts | null): DateAgreement {
  if (a === null || b === null || a.year === null || b.year === null) return 'missing';
  const fullA = isFull(a);
  const fullB = isFull(b);
  if (fullA && fullB) {
    if (a.year === b.year && a.month === b.month && a.day === b.day) return 'exact';
    if (a.year === b.year && a.month === b.day && a.day === b.month) return 'day_month_swapped';
    if (oneDigitApart(a, b)) return 'one_digit';
  }
  // Against a year-only date a placeholder is just the year (year_only).
  if (a.year === b.year && ((fullA && isPlaceholder(a) && b.month !== null) || (fullB && isPlaceholder(b) && a.month !== null))) {
    return 'placeholder';
  }
  if (a.month !== null && b.month !== null) {
    if (a.year === b.year && a.month === b.month && !(fullA && fullB)) return 'year_month';
  } else if (a.year === b.year) {
    return 'year_only';
  }
  if (Math.abs(a.year - b.year) === 1) {
    const monthOk = a.month === null || b.month === null || a.month === b.month;
    const dayOk = a.day === null || b.day === null || a.day === b.day;
    if (monthOk && dayOk) return 'year_close';
  }
  return 'different';
}
