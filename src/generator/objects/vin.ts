// Vehicle identification numbers (ISO 3779) with a real manufacturer prefix
// and the position-9 check digit computed as North American VINs require it
// (European makers often fill it the same way; matching and validation
// then have something true to check).

const VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9, S: 2, T: 3, U: 4, V: 5, W: 6,
  X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The check character for a 17-character VIN (its own position 9 is ignored). */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i];
    const v = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : VALUES[c];
    if (v === undefined) throw new Error(`invalid VIN character ${c}`);
    sum += v * WEIGHTS[i];
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** Model-year character (position 10): 1980 = A … 2000 = Y, 2001 = 1 … 2009 = 9, 2010 = A again. */
export function modelYearCode(year: number): string {
  return YEAR_CODES[(((year - 1980) % 30) + 30) % 30];
}
