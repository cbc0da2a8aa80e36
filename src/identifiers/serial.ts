// Firearm serial numbers. There is no standard: manufacturers stamp letters,
// digits and sometimes separators, which people then copy inconsistently.
// The value keeps letters and digits as stamped; serialKey folds letter/digit
// confusions, which worn or re-stamped markings make common.
import { foldConfusables } from './confusables.ts';
import { describeChar, fail, ok, type IdentifierResult } from './result.ts';

const MAX_SERIAL_LENGTH = 40;
const SEPARATORS = /[\s.\-\u2010-\u2015/_]/gu;

/** Normalises a firearm serial: upper case, separators (space . - / _) removed, 1–40 letters and digits. */
export function normaliseSerial(input: string): IdentifierResult {
  if (typeof input !== 'string') return fail('serial number must be text');
  const value = input.replace(SEPARATORS, '').toUpperCase().normalize('NFD').replace(/\p{M}/gu, '');
  if (value === '') return fail('serial number is empty');
  const chars = [...value];
  const bad = chars.findIndex((ch) => !/[A-Z0-9]/u.test(ch));
  if (bad >= 0) return fail(`serial number contains ${describeChar(chars[bad])} at position ${bad + 1}; only Latin letters and digits are kept`);
  if (value.length > MAX_SERIAL_LENGTH) return fail(`serial number has ${value.length} characters; at most ${MAX_SERIAL_LENGTH} are allowed`);
  return ok(value);
}

/** Key for a fuzzy serial lookup (O/Q/D→0, I/L→1, Z→2, S→5, G→6, B→8). Accepts raw or normalised input. */
export function serialKey(value: string): string {
  return foldConfusables(value.replace(SEPARATORS, '').toUpperCase().normalize('NFD').replace(/\p{M}/gu, ''));
}
