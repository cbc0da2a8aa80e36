// Vehicle identification numbers (ISO 3779). ISO 3779 fixes the length and
// the alphabet; the check digit in position 9 is a North-American rule (49 CFR
// 565) that many other manufacturers follow but need not. So a wrong check
// digit is an error only where the rule binds: vehicles whose WMI says North
// America (first character 1–5).
import { describeChar, fail, ok, type IdentifierResult } from './result.ts';

const VIN_LENGTH = 17;
/** Pre-1981 chassis numbers were manufacturer-specific; the real ones we know of run from 4 to 14 characters. */
const SHORT_VIN_MIN = 4;
const SHORT_VIN_MAX = 14;

const FORBIDDEN_SUGGESTION: Readonly<Record<string, string>> = { I: '1', O: '0', Q: '0' };

const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** The check digit (0–9 or X) that the North-American rule requires in position 9 of a 17-character VIN. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < VIN_LENGTH; i++) {
    const ch = vin[i] ?? '0';
    const value = ch >= '0' && ch <= '9' ? Number(ch) : (TRANSLITERATION[ch] ?? 0);
    sum += value * WEIGHTS[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Whether the World Manufacturer Identifier places the vehicle in North America, where the check digit is mandatory. */
export function isNorthAmericanVin(vin: string): boolean {
  return /^[1-5]/u.test(vin);
}

/**
 * Normalises a VIN: upper case, separators and the asterisks printed around
 * VINs removed, 17 characters from the ISO 3779 alphabet, check digit
 * verified (error in North America, warning elsewhere).
 *
 * Chassis numbers of 4–14 characters are accepted as pre-1981 numbers with a
 * warning and without ISO checks: stolen classic cars are alerted on too. 15
 * and 16 characters are refused, because that is almost always a modern VIN
 * with a character missing.
 */
export function normaliseVin(input: string): IdentifierResult {
  if (typeof input !== 'string') return fail('VIN must be text');
  const vin = input.replace(/[\s\-.*_/]/gu, '').toUpperCase();
  if (vin === '') return fail('VIN is empty');
  const chars = [...vin];
  const bad = chars.findIndex((ch) => !/[A-Z0-9]/u.test(ch));
  if (bad >= 0) return fail(`VIN contains ${describeChar(chars[bad])} at position ${bad + 1}; only letters and digits are allowed`);

  if (vin.length < VIN_LENGTH) {
    if (vin.length < SHORT_VIN_MIN) return fail(`VIN has ${vin.length} characters; ISO 3779 VINs have 17 and even pre-1981 chassis numbers have at least ${SHORT_VIN_MIN}`);
    if (vin.length > SHORT_VIN_MAX) {
      return fail(`VIN has ${vin.length} characters, ISO 3779 requires 17: a character is probably missing`);
    }
    return ok(vin, [`VIN has ${vin.length} characters: taken as a pre-1981 chassis number, to which the ISO 3779 checks do not apply`]);
  }
  if (vin.length > VIN_LENGTH) return fail(`VIN has ${vin.length} characters, ISO 3779 requires 17`);

  const forbidden = chars.findIndex((ch) => ch in FORBIDDEN_SUGGESTION);
  if (forbidden >= 0) {
    const ch = chars[forbidden];
    return fail(`VIN contains the letter ${ch} at position ${forbidden + 1}, which ISO 3779 does not allow (I, O and Q are never used); probably the digit ${FORBIDDEN_SUGGESTION[ch]}`);
  }

  const expected = vinCheckDigit(vin);
  const actual = vin[8];
  if (actual === expected) return ok(vin);
  if (isNorthAmericanVin(vin)) {
    return fail(`VIN check digit (position 9) is ${actual} but should be ${expected}; for North-American vehicles (first character 1–5) it is mandatory, so a character is probably mistyped`);
  }
  return ok(vin, [`VIN check digit (position 9) is ${actual}, the North-American rule gives ${expected}; vehicles built for other markets need not carry one`]);
}
