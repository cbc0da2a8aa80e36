// ICAO 9303 part 3 §4.9: check digits are the sum of character values
// (0–9 as such, A–Z as 10–35, the filler < as 0) weighted 7, 3, 1 repeating,
// modulo 10.

export function mrzCharValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  return 0;
}

const WEIGHTS = [7, 3, 1];

export function mrzCheckDigit(field: string): string {
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += mrzCharValue(field[i]) * WEIGHTS[i % 3];
  return String(sum % 10);
}
