// Number plates. Plates are stored as they read, minus separators: O and 0
// (or I and 1) are different plates in most countries, so the stored value
// keeps them apart, and plateKey folds them for a fuzzy lookup.
import { toCountryCode } from './country.ts';
import { foldConfusables } from './confusables.ts';
import { PLATE_PATTERNS } from './plate-patterns.ts';
import { describeChar, fail, ok, type IdentifierResult } from './result.ts';

const MAX_PLATE_LENGTH = 12;
const SEPARATORS = /[\s\-\u2010-\u2015.\u00b7\u2022\u2027\u2219\u30fb]/gu;

/**
 * Cyrillic and Greek letters that plates in those scripts use because they
 * look Latin (Ukrainian, Russian, Bulgarian, Greek plates); read as Latin
 * abroad, and so they are stored as Latin.
 */
const LOOKALIKE_TO_LATIN: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};

function foldPlateCharacters(value: string): string {
  let out = '';
  for (const ch of value.toUpperCase()) out += LOOKALIKE_TO_LATIN[ch] ?? ch;
  // Diacritics go (German district codes like LÖ are written LO abroad); ß has no capital on plates.
  return out.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Normalises a plate: upper case, diacritics folded, Cyrillic/Greek
 * lookalikes made Latin, separators removed. With a country, checks the
 * plate against that country's known formats: no fit is a warning, not an
 * error. An unknown country is an error, because the caller passed it.
 */
export function normalisePlate(input: string, country?: string): IdentifierResult {
  if (typeof input !== 'string') return fail('plate must be text');
  let countryCode: string | undefined;
  if (country !== undefined && country.trim() !== '') {
    const c = toCountryCode(country);
    if (!c.ok) return fail(`plate country: ${c.error}`);
    countryCode = c.value;
  }
  const plate = foldPlateCharacters(input.replace(SEPARATORS, ''));
  if (plate === '') return fail('plate is empty');
  const chars = [...plate];
  const bad = chars.findIndex((ch) => !/[A-Z0-9]/u.test(ch));
  if (bad >= 0) return fail(`plate contains ${describeChar(chars[bad])} at position ${bad + 1}; plates use only Latin letters and digits (or letters that look Latin)`);
  if (plate.length > MAX_PLATE_LENGTH) return fail(`plate has ${plate.length} characters; no plate format has more than ${MAX_PLATE_LENGTH}`);
  if (countryCode) {
    const patterns = PLATE_PATTERNS[countryCode];
    if (patterns && !patterns.some((p) => p.test(plate))) {
      return ok(plate, [`plate ${plate} does not fit the usual ${countryCode} formats (it may be personalised, diplomatic, military or old)`]);
    }
  }
  return ok(plate);
}

/** Key for a fuzzy plate lookup: letters commonly read as digits folded to the digit (O→0, I→1, B→8 …). */
export function plateKey(value: string): string {
  return foldConfusables(foldPlateCharacters(value.replace(SEPARATORS, '')));
}
