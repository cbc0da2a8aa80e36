// Numbers of identity and travel documents as printed in the visual zone.
// Kept exactly as printed (letters and digits), because issuers use both and
// O and 0 are different numbers; documentNumberKey folds them for lookup.
import { foldConfusables } from './confusables.ts';
import { describeChar, fail, ok, type IdentifierResult } from './result.ts';

const MAX_DOCUMENT_NUMBER_LENGTH = 20;
const SEPARATORS = /[\s.\-\u2010-\u2015/<]/gu;

/**
 * Normalises a document number: upper case, separators (space . - / and the
 * MRZ filler <) removed, 1–20 letters and digits.
 */
export function normaliseDocumentNumber(input: string): IdentifierResult {
  if (typeof input !== 'string') return fail('document number must be text');
  const value = input.replace(SEPARATORS, '').toUpperCase();
  if (value === '') return fail('document number is empty');
  const chars = [...value];
  const bad = chars.findIndex((ch) => !/[A-Z0-9]/u.test(ch));
  if (bad >= 0) return fail(`document number contains ${describeChar(chars[bad])} at position ${bad + 1}; only Latin letters and digits are allowed`);
  if (value.length > MAX_DOCUMENT_NUMBER_LENGTH) {
    return fail(`document number has ${value.length} characters; at most ${MAX_DOCUMENT_NUMBER_LENGTH} are allowed`);
  }
  return ok(value);
}

/**
 * Key under which document numbers are indexed so that a number typed with a
 * letter/digit confusion (O/Q/D→0, I/L→1, Z→2, S→5, G→6, B→8) still finds the
 * record. Accepts raw or normalised input.
 */
export function documentNumberKey(value: string): string {
  return foldConfusables(value.replace(SEPARATORS, '').toUpperCase());
}
