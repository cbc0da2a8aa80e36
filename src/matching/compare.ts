// Turns two records into a comparison vector: for each field the index of
// the most similar level the pair reaches (Splink-style comparisons). Level 0
// always means "missing on one side" and carries no evidence. Levels are
// ordered from most to least similar, the last one being "different".
import type { MatchRecord } from '../domain/match-record.ts';
import { extractFeatures, type NamePart, type RecordFeatures } from './model/features.ts';
import { compareBirthDates, damerauLevenshtein, jaroWinkler } from './model/primitives.ts';

export interface ComparisonDefinition {
  /** Stable identifier, used in the model JSON. */
  name: string;
  /** What an officer calls the field. */
  label: string;
  /** One phrase per level, index 0 = missing. */
  levels: string[];
}

export const SURNAME = {
  MISSING: 0, EXACT: 1, TRANSLITERATION: 2, PHONETIC: 3, SIMILAR: 4, PARTIAL: 5, ROUGH: 6, SWAPPED: 7, DIFFERENT: 8,
} as const;
export const GIVEN = {
  MISSING: 0, EXACT: 1, VARIANT: 2, PHONETIC: 3, SIMILAR: 4, SHARED_NAME: 5, INITIAL: 6, ROUGH: 7, DIFFERENT: 8,
} as const;

export const COMPARISONS: readonly ComparisonDefinition[] = [
  {
    name: 'surname',
    label: 'surname',
    levels: ['missing', 'identical', 'same in another transliteration', 'sounds the same', 'spelled almost the same',
      'shares one of several surnames', 'spelled similarly', 'swapped with the given name', 'different'],
  },
  {
    name: 'given_names',
    label: 'given names',
    levels: ['missing', 'identical', 'same name in another spelling or language', 'sound the same', 'spelled almost the same',
      'share one given name', 'match as initial', 'spelled similarly', 'different'],
  },
  {
    name: 'birth_date',
    label: 'birth date',
    levels: ['missing', 'identical', 'day and month swapped', 'one digit differs', 'placeholder (1 January) with the same year',
      'same year and month', 'same year, day or month unknown', 'year one apart', 'different'],
  },
  { name: 'sex', label: 'sex', levels: ['missing', 'same', 'different'] },
  { name: 'nationality', label: 'nationality', levels: ['missing', 'shared', 'different'] },
  { name: 'place_of_birth', label: 'place of birth', levels: ['missing', 'identical', 'spelled similarly', 'different'] },
  { name: 'document_number', label: 'document number', levels: ['missing', 'identical', 'equal up to O/0, I/1, S/5, B/8 confusions', 'one character differs', 'different'] },
  { name: 'address', label: 'address', levels: ['missing', 'identical', 'mostly the same', 'partly the same', 'different'] },
];

export const FIELD = { SURNAME: 0, GIVEN: 1, BIRTH: 2, SEX: 3, NATIONALITY: 4, PLACE: 5, DOCUMENT: 6, ADDRESS: 7 } as const;
export const FIELD_COUNT = COMPARISONS.length;

function intersects(a: string[], b: string[]): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/** Best Jaro–Winkler over the first two forms of each side (the main transliterations). */
function bestJw(a: string[], b: string[]): number {
  let best = 0;
  const na = Math.min(a.length, 2), nb = Math.min(b.length, 2);
  for (let i = 0; i < na; i++) {
    for (let j = 0; j < nb; j++) {
      const s = jaroWinkler(a[i], b[j]);
      if (s > best) best = s;
    }
  }
  return best;
}

export function surnameLevel(a: NamePart, b: NamePart): number {
  if (a.folded === '' || b.folded === '') return SURNAME.MISSING;
  if (a.folded === b.folded) return SURNAME.EXACT;
  if (intersects(a.forms, b.forms)) return SURNAME.TRANSLITERATION;
  if (intersects(a.keys, b.keys)) return SURNAME.PHONETIC;
  const jw = bestJw(a.wholes, b.wholes);
  if (jw >= 0.92) return SURNAME.SIMILAR;
  if ((a.tokenKeys.length > 1 || b.tokenKeys.length > 1) && intersects(a.tokenKeys, b.tokenKeys)) return SURNAME.PARTIAL;
  if (jw >= 0.8) return SURNAME.ROUGH;
  return SURNAME.DIFFERENT;
}

export function givenLevel(a: NamePart, b: NamePart): number {
  if (a.folded === '' || b.folded === '') return GIVEN.MISSING;
  if (a.folded === b.folded) return GIVEN.EXACT;
  if (a.isInitial || b.isInitial) {
    return a.initial === b.initial ? GIVEN.INITIAL : GIVEN.DIFFERENT;
  }
  const sameFirst = intersects(a.firstTokens, b.firstTokens);
  // JEAN PIERRE ~ JEAN shares a name (level SHARED_NAME), it is not the same name spelled otherwise.
  if (intersects(a.forms, b.forms) || (!sameFirst && intersects(a.groups, b.groups))) return GIVEN.VARIANT;
  if (intersects(a.keys, b.keys)) return GIVEN.PHONETIC;
  const jw = bestJw(a.wholes, b.wholes);
  if (jw >= 0.92) return GIVEN.SIMILAR;
  if (sameFirst || ((a.tokenKeys.length > 1 || b.tokenKeys.length > 1) && intersects(a.tokenKeys, b.tokenKeys))) {
    return GIVEN.SHARED_NAME;
  }
  if (jw >= 0.8) return GIVEN.ROUGH;
  return GIVEN.DIFFERENT;
}

// A swap needs the surname of one to be (nearly) the given name of the
// other; names that agree that well share their initial or their key, which
// is cheap to test before the string similarities are computed.
function maySwap(family: NamePart, given: NamePart): boolean {
  return family.initial !== '' && (family.initial === given.initial || intersects(family.keys, given.keys));
}

// A swap needs the crossed surname-like parts to agree well and the crossed
// given-like parts to agree too (an initial or a shared given name counts),
// or one of them strongly (same key) and the other roughly (a typo on top).
// A one-part record whose only name is the other's surname counts as well.
function swapOk(s: number, g: number): boolean {
  if (s === SURNAME.MISSING) return false;
  const strongS = s <= SURNAME.SIMILAR, roughS = s === SURNAME.PARTIAL || s === SURNAME.ROUGH;
  if (g === GIVEN.MISSING) return strongS;
  const strongG = g <= GIVEN.SHARED_NAME || g === GIVEN.INITIAL;
  return (strongS && strongG) || (s <= SURNAME.PHONETIC && g === GIVEN.ROUGH) || (roughS && g <= GIVEN.PHONETIC);
}

// Ranks used only to choose which pair of names (records may carry aliases)
// and which name order represents the pair best: strongest evidence first,
// a missing part ranked just above a clear difference.
const SURNAME_RANK = [7, 0, 1, 2, 3, 5, 6, 4, 8];
const GIVEN_RANK = [7, 0, 1, 2, 3, 4, 5, 6, 8];

/**
 * Which names were compared, for explanations. `swapped`: 'b' when b's
 * given name is compared with a's surname, 'a' when a's given name is
 * compared with b's surname. Reused, not allocated per pair.
 */
export interface NameChoice { indexA: number; indexB: number; swapped: '' | 'a' | 'b' }
const scratchChoice: NameChoice = { indexA: 0, indexB: 0, swapped: '' };

function compareNames(a: RecordFeatures, b: RecordFeatures, out: Uint8Array, off: number, choice: NameChoice): void {
  let bestS: number = SURNAME.MISSING, bestG: number = GIVEN.MISSING, bestScore = Infinity;
  choice.indexA = 0; choice.indexB = 0; choice.swapped = '';
  for (let i = 0; i < a.names.length; i++) {
    const na = a.names[i];
    for (let j = 0; j < b.names.length; j++) {
      const nb = b.names[j];
      let s = surnameLevel(na.family, nb.family);
      let g = givenLevel(na.given, nb.given);
      let swapped: '' | 'a' | 'b' = '';
      if (s >= SURNAME.ROUGH || s === SURNAME.MISSING) {
        let best = Infinity;
        if (maySwap(na.family, nb.given)) {
          const s1 = surnameLevel(na.family, nb.given), g1 = givenLevel(na.given, nb.family);
          if (swapOk(s1, g1)) { best = SURNAME_RANK[s1] * 16 + GIVEN_RANK[g1]; g = g1; swapped = 'b'; }
        }
        if (maySwap(nb.family, na.given)) {
          const s1 = surnameLevel(na.given, nb.family), g1 = givenLevel(na.family, nb.given);
          if (swapOk(s1, g1) && SURNAME_RANK[s1] * 16 + GIVEN_RANK[g1] < best) { g = g1; swapped = 'a'; }
        }
        if (swapped !== '') s = SURNAME.SWAPPED;
      }
      const score = SURNAME_RANK[s] * 16 + GIVEN_RANK[g];
      if (score < bestScore) {
        bestScore = score; bestS = s; bestG = g;
        choice.indexA = i; choice.indexB = j; choice.swapped = swapped;
      }
    }
  }
  out[off + FIELD.SURNAME] = bestS;
  out[off + FIELD.GIVEN] = bestG;
}

const BIRTH_LEVEL: Record<string, number> = {
  missing: 0, exact: 1, day_month_swapped: 2, one_digit: 3, placeholder: 4, year_month: 5, year_only: 6, year_close: 7, different: 8,
};

function documentLevel(a: RecordFeatures, b: RecordFeatures): number {
  if (a.documents.length === 0 || b.documents.length === 0) return 0;
  if (intersects(a.documents, b.documents)) return 1;
  if (intersects(a.documentsFolded, b.documentsFolded)) return 2;
  for (const x of a.documentsFolded) {
    for (const y of b.documentsFolded) {
      if (Math.abs(x.length - y.length) <= 1 && damerauLevenshtein(x, y, 1) <= 1) return 3;
    }
  }
  return 4;
}

function addressLevel(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0, j = 0, common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { common++; i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  if (common === a.length && common === b.length) return 1;
  const jaccard = common / (a.length + b.length - common);
  if (jaccard >= 0.6) return 2;
  if (jaccard >= 0.3) return 3;
  return 4;
}

/** Writes the comparison levels of a pair into out[off .. off+FIELD_COUNT). */
export function compareFeatures(a: RecordFeatures, b: RecordFeatures, out: Uint8Array, off = 0, choice: NameChoice = scratchChoice): void {
  compareNames(a, b, out, off, choice);
  out[off + FIELD.BIRTH] = BIRTH_LEVEL[compareBirthDates(a.birth, b.birth)] ?? 0;
  out[off + FIELD.SEX] = a.sex === 0 || b.sex === 0 ? 0 : a.sex === b.sex ? 1 : 2;
  out[off + FIELD.NATIONALITY] = a.nationalities.length === 0 || b.nationalities.length === 0 ? 0 : intersects(a.nationalities, b.nationalities) ? 1 : 2;
  out[off + FIELD.PLACE] = a.placeOfBirth === '' || b.placeOfBirth === '' ? 0
    : a.placeOfBirth === b.placeOfBirth ? 1 : jaroWinkler(a.placeOfBirth, b.placeOfBirth) >= 0.88 ? 2 : 3;
  out[off + FIELD.DOCUMENT] = documentLevel(a, b);
  out[off + FIELD.ADDRESS] = addressLevel(a.addressTokens, b.addressTokens);
}

/** Convenience for one pair: the comparison vector of two records. */
export function compareRecords(a: MatchRecord, b: MatchRecord): Uint8Array {
  const out = new Uint8Array(FIELD_COUNT);
  compareFeatures(extractFeatures(a), extractFeatures(b), out, 0);
  return out;
}
