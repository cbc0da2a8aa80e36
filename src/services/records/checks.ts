// Checks for what the zod schemas let through but PostgreSQL would refuse,
// so that a bad line is rejected on its own instead of failing its batch:
// impossible calendar dates, NUL characters and unpaired surrogates.
import type { FieldIssue } from '../../domain/errors.ts';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True for `YYYY`, `YYYY-MM` and real calendar days `YYYY-MM-DD` (29 February only in leap years). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (year < 1) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]!;
  return day >= 1 && day <= max;
}

export function checkDate(issues: FieldIssue[], path: string, value: string | undefined | null): void {
  if (value !== undefined && value !== null && !isRealDate(value)) issues.push({ path, message: `${value} is not a real calendar date` });
}

// JSON.stringify writes control characters (but \b \f \n \r \t) and lone
// surrogates as \u escapes. PostgreSQL stores neither NUL nor lone
// surrogates, and the other controls never belong in a registry's text (the
// bulk writer also uses some of them as separators).
const UNSTORABLE = /\\u(?:00[01][0-9a-f]|d[89a-f][0-9a-f]{2})/i;

/** Finds strings with control characters or lone surrogates, with their paths; `json` is JSON.stringify(value), a cheap pre-test. */
export function checkStorableText(issues: FieldIssue[], json: string, value: unknown): void {
  if (!UNSTORABLE.test(json)) return;
  const walk = (v: unknown, path: string[]): void => {
    if (typeof v === 'string') {
      if (UNSTORABLE.test(JSON.stringify(v))) issues.push({ path: path.join('/') || '(root)', message: 'contains a control character or an unpaired UTF-16 surrogate, which cannot be stored' });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, String(i)]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
}
