// Calendar arithmetic on plain (year, month, day) triples: no time zones,
// no Date objects in the hot path, and always a valid date out.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function parseYmd(s: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = { y: +m[1], m: +m[2], d: +m[3] };
  if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > daysInMonth(d.y, d.m)) return undefined;
  return d;
}

const p2 = (n: number) => (n < 10 ? '0' + n : String(n));

export function formatYmd(d: Ymd): string {
  return `${d.y}-${p2(d.m)}-${p2(d.d)}`;
}

export function formatYm(d: Ymd): string {
  return `${d.y}-${p2(d.m)}`;
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function toDays(d: Ymd): number {
  const y = d.m <= 2 ? d.y - 1 : d.y;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (d.m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDays(z: number): Ymd {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

export function addDays(d: Ymd, n: number): Ymd {
  return fromDays(toDays(d) + n);
}

export function addYears(d: Ymd, n: number): Ymd {
  const y = d.y + n;
  return { y, m: d.m, d: Math.min(d.d, daysInMonth(y, d.m)) };
}
