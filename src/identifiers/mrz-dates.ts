// MRZ dates are YYMMDD with `<` for unknown parts. The century is not
// written, so it is inferred against a reference day: a birth date is in the
// past, an expiry date within fifty years either side of today (documents
// run for at most ten years; old expired documents still turn up).
import { foldConfusables } from './confusables.ts';

export type MrzDateKind = 'birth' | 'expiry';

/** Why a YYMMDD field cannot be a date, or undefined when it can. Unknown parts (<<) are allowed. */
export function mrzDateProblem(yymmdd: string): { offset: number; message: string } | undefined {
  for (let i = 0; i < 6; i += 2) {
    const pair = yymmdd.slice(i, i + 2);
    if (pair !== '<<' && !/^\d\d$/u.test(pair)) {
      const bad = /^\d/u.test(pair) ? 1 : 0;
      const digit = foldConfusables(pair[bad]);
      const hint = digit !== pair[bad] ? `; probably the digit ${digit}, misread` : '';
      return { offset: i + bad, message: `'${pair[bad]}' in a date (YYMMDD, digits or << for unknown)${hint}` };
    }
  }
  const [yy, mm, dd] = [yymmdd.slice(0, 2), yymmdd.slice(2, 4), yymmdd.slice(4, 6)];
  if (mm !== '<<' && (Number(mm) < 1 || Number(mm) > 12)) return { offset: 2, message: `month '${mm}' is not a month` };
  if (dd !== '<<') {
    const day = Number(dd);
    // Without a known year, 29 February must be allowed; the year check below refines it.
    const maxDay = mm === '<<' ? 31 : daysInMonth(yy === '<<' ? 2000 : 2000 + Number(yy), Number(mm));
    if (day < 1 || day > maxDay) return { offset: 4, message: `day '${dd}' does not exist${mm === '<<' ? '' : ` in month ${mm}`}` };
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Expands YYMMDD to `YYYY-MM-DD`, or to `YYYY-MM` / `YYYY` when the day or
 * month is unknown, or '' when the year is. Input must have passed
 * mrzDateProblem.
 */
export function expandMrzDate(yymmdd: string, kind: MrzDateKind, today: Date): string {
  const [yy, mm, dd] = [yymmdd.slice(0, 2), yymmdd.slice(2, 4), yymmdd.slice(4, 6)];
  if (yy === '<<') return '';
  const year = resolveCentury(Number(yy), mm === '<<' ? undefined : Number(mm), dd === '<<' ? undefined : Number(dd), kind, today);
  if (mm === '<<') return String(year);
  if (dd === '<<') return `${year}-${mm}`;
  return `${year}-${mm}-${dd}`;
}

function resolveCentury(yy: number, month: number | undefined, day: number | undefined, kind: MrzDateKind, today: Date): number {
  const thisYear = today.getUTCFullYear();
  if (kind === 'expiry') {
    // The one year ending in yy within [thisYear − 50, thisYear + 50).
    const low = thisYear - 50;
    return low + ((((yy - low) % 100) + 100) % 100);
  }
  const candidate = Math.floor(thisYear / 100) * 100 + yy;
  // A partly unknown date is in the past if its earliest possible day is.
  const date = Date.UTC(candidate, (month ?? 1) - 1, day ?? 1);
  const todayUtc = Date.UTC(thisYear, today.getUTCMonth(), today.getUTCDate());
  return date <= todayUtc ? candidate : candidate - 100;
}
