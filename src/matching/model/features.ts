// Everything a pair comparison needs, computed once per record: folded and
// transliterated name forms, phonetic keys, the parsed birth date, normalised
// documents and address tokens. A million-record dedupe compares tens of
// millions of pairs, so the per-pair work must be lookups, not re-parsing.
import type { MatchRecord } from '../../domain/match-record.ts';
import { foldConfusables } from '../../identifiers/confusables.ts';
import { foldLatin, givenNameGroup, nameKey, nameTokenForms, parseBirthDate, type BirthDate } from './primitives.ts';

/** One given-name or family-name part of one name, in all the forms it can take. */
export interface NamePart {
  /** As written, case and diacritics folded, in its own script; '' when missing. */
  folded: string;
  /** Latin forms (one per plausible transliteration), tokens joined by one space. */
  forms: string[];
  /** The whole name of each form: its longest token (compounds and particles come joined: GARCIALOPEZ, VANDERBERG). */
  wholes: string[];
  /** Phonetic key of each whole. */
  keys: string[];
  /** Phonetic key of every token of every form. */
  tokenKeys: string[];
  /** First token of each form. */
  firstTokens: string[];
  /** Phonetic key of the first token of each form. */
  firstKeys: string[];
  /** Given-name groups (ALEXANDER ~ OLEKSANDR) of the first tokens. */
  groups: string[];
  /** First letter of the primary Latin form; '' when missing. */
  initial: string;
  /** The part is only initials ("A", "A. B."). */
  isInitial: boolean;
}

export interface NameFeatures {
  given: NamePart;
  family: NamePart;
}

export interface RecordFeatures {
  names: NameFeatures[];
  birth: BirthDate | null;
  /** 1 male, 2 female, 0 unknown. */
  sex: number;
  nationalities: string[];
  placeOfBirth: string;
  /** Upper case, separators removed. */
  documents: string[];
  /** The same with letters that read as digits replaced by them. */
  documentsFolded: string[];
  /** Address tokens, sorted and unique. */
  addressTokens: string[];
}

const EMPTY_PART: NamePart = { folded: '', forms: [], wholes: [], keys: [], tokenKeys: [], firstTokens: [], firstKeys: [], groups: [], initial: '', isInitial: false };

function uniq(xs: string[]): string[] {
  if (xs.length < 2) return xs;
  return [...new Set(xs)];
}

// "J", "J K" (folded from "J. K.") and the joined "JK" the tokeniser may add.
function isInitials(tokens: string[]): boolean {
  const singles = tokens.filter((t) => t.length === 1);
  if (singles.length === 0) return false;
  const joined = singles.join('');
  return tokens.every((t) => t.length === 1 || t === joined);
}

function namePart(asWritten: string, formTokens: string[][], isGiven: boolean): NamePart {
  const folded = foldLatin(asWritten);
  const tokenLists = formTokens.filter((t) => t.length > 0);
  if (folded === '' && tokenLists.length === 0) return EMPTY_PART;
  const forms = uniq(tokenLists.map((t) => t.join(' ')));
  const wholes: string[] = [];
  const keys: string[] = [];
  const tokenKeys: string[] = [];
  const firstTokens: string[] = [];
  const firstKeys: string[] = [];
  const groups: string[] = [];
  for (const tokens of tokenLists) {
    let whole = tokens[0];
    for (const t of tokens) if (t.length > whole.length) whole = t;
    wholes.push(whole);
    const k = nameKey(whole);
    if (k) keys.push(k);
    for (const t of tokens) {
      const tk = nameKey(t);
      if (tk) tokenKeys.push(tk);
    }
    firstTokens.push(tokens[0]);
    const fk = nameKey(tokens[0]);
    if (fk) firstKeys.push(fk);
    const g = isGiven ? givenNameGroup(tokens[0]) : null;
    if (g) groups.push(g);
  }
  const primary = tokenLists[0] ?? [];
  return {
    folded,
    forms,
    wholes: uniq(wholes),
    keys: uniq(keys),
    tokenKeys: uniq(tokenKeys),
    firstTokens: uniq(firstTokens),
    firstKeys: uniq(firstKeys),
    groups: uniq(groups),
    initial: primary[0]?.[0] ?? '',
    isInitial: isInitials(primary),
  };
}

// Names repeat (a population has far fewer distinct names than persons), so
// the parts are interned: one NamePart per distinct spelling, shared by every
// record that carries it. Saves most of the work and memory at a million records.
const PART_CACHE_LIMIT = 400_000;
const givenParts = new Map<string, NamePart>();
const familyParts = new Map<string, NamePart>();

function cachedPart(cache: Map<string, NamePart>, raw: string, isGiven: boolean): NamePart {
  let part = cache.get(raw);
  if (part === undefined) {
    part = raw.trim() === '' ? EMPTY_PART : namePart(raw, nameTokenForms(raw), isGiven);
    if (cache.size >= PART_CACHE_LIMIT) cache.clear();
    cache.set(raw, part);
  }
  return part;
}

function nameFeatures(given: string, family: string): NameFeatures {
  return { given: cachedPart(givenParts, given, true), family: cachedPart(familyParts, family, false) };
}

const NONE: string[] = [];

function normaliseDocument(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function extractFeatures(rec: MatchRecord): RecordFeatures {
  const names: NameFeatures[] = [];
  for (const n of rec.names) {
    if ((n.given ?? '').trim() === '' && (n.family ?? '').trim() === '') continue;
    names.push(nameFeatures(n.given ?? '', n.family ?? ''));
  }
  const documents = rec.documentNumbers.length === 0 ? NONE : uniq(rec.documentNumbers.map(normaliseDocument).filter((d) => d.length > 0));
  const addr = foldLatin(rec.address);
  return {
    names,
    birth: rec.birthDate ? parseBirthDate(rec.birthDate) : null,
    sex: rec.sex === 'M' ? 1 : rec.sex === 'F' ? 2 : 0,
    nationalities: rec.nationalities.length === 0 ? NONE : uniq(rec.nationalities.map((c) => c.trim().toUpperCase()).filter(Boolean)),
    placeOfBirth: foldLatin(rec.placeOfBirth),
    documents,
    documentsFolded: documents.length === 0 ? NONE : uniq(documents.map(foldConfusables)),
    addressTokens: addr ? [...new Set(addr.split(' '))].sort() : NONE,
  };
}
