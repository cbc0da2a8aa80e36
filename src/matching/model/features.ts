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

const NO_STRINGS: string[] = [];

// The distinct values, in an array of exactly their number: an array built
// by push keeps room for 17, and these arrays are held for every record of
// a million-record batch (that room was half the memory of the features).
function uniq(xs: string[]): string[] {
  if (xs.length === 0) return NO_STRINGS;
  if (xs.length === 1) return [xs[0]];
  return [...new Set(xs)];
}

/** `shared` when xs holds the same strings (a one-word name's whole is its first token): one array fewer per name. */
function sameOr(shared: string[], xs: string[]): string[] {
  if (shared.length !== xs.length) return xs;
  for (let i = 0; i < xs.length; i++) if (shared[i] !== xs[i]) return xs;
  return shared;
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
  const w = uniq(wholes), k = uniq(keys);
  return {
    folded,
    forms,
    wholes: w,
    keys: k,
    tokenKeys: sameOr(k, uniq(tokenKeys)),
    firstTokens: sameOr(w, uniq(firstTokens)),
    firstKeys: sameOr(k, uniq(firstKeys)),
    groups: uniq(groups),
    initial: primary[0]?.[0] ?? '',
    isInitial: isInitials(primary),
  };
}

// Names repeat (a population has far fewer distinct names than persons), so
// the parts are interned: one NamePart per distinct spelling, shared by every
// record that carries it. Saves most of the work and memory at a million records.
// Birth dates, nationality lists, places and address words repeat as well,
// and the features of a million records are held by every linkage thread:
// one shared, read-only copy per distinct value saves about a third of the
// remaining memory. Each cache is emptied when full, which bounds memory.
const PART_CACHE_LIMIT = 400_000;
const VALUE_CACHE_LIMIT = 200_000;
const givenParts = new Map<string, NamePart>();
const familyParts = new Map<string, NamePart>();
const births = new Map<string, BirthDate | null>();
const nationalityLists = new Map<string, string[]>();
const places = new Map<string, string>();
const words = new Map<string, string>();

function remember<T>(cache: Map<string, T>, key: string, value: T, limit = VALUE_CACHE_LIMIT): T {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}

function cachedPart(cache: Map<string, NamePart>, raw: string, isGiven: boolean): NamePart {
  return cache.get(raw) ?? remember(cache, raw, raw.trim() === '' ? EMPTY_PART : namePart(raw, nameTokenForms(raw), isGiven), PART_CACHE_LIMIT);
}

function nameFeatures(given: string, family: string): NameFeatures {
  return { given: cachedPart(givenParts, given, true), family: cachedPart(familyParts, family, false) };
}

function birthOf(raw: string): BirthDate | null {
  const known = births.get(raw);
  return known !== undefined ? known : remember(births, raw, parseBirthDate(raw));
}

function nationalitiesOf(codes: string[]): string[] {
  if (codes.length === 0) return NO_STRINGS;
  const key = codes.join('|');
  return nationalityLists.get(key) ?? remember(nationalityLists, key, uniq(codes.map((c) => c.trim().toUpperCase()).filter(Boolean)));
}

function placeOf(raw: string): string {
  if (raw === '') return '';
  return places.get(raw) ?? remember(places, raw, foldLatin(raw));
}

function addressTokensOf(raw: string): string[] {
  const addr = foldLatin(raw);
  if (!addr) return NO_STRINGS;
  const tokens = [...new Set(addr.split(' '))].sort();
  for (let i = 0; i < tokens.length; i++) tokens[i] = words.get(tokens[i]) ?? remember(words, tokens[i], tokens[i]);
  return tokens;
}

function normaliseDocument(s: string): string {
  return s.normalize('NFKC').toUpperCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function extractFeatures(rec: MatchRecord): RecordFeatures {
  const found: NameFeatures[] = [];
  for (const n of rec.names) {
    if ((n.given ?? '').trim() === '' && (n.family ?? '').trim() === '') continue;
    found.push(nameFeatures(n.given ?? '', n.family ?? ''));
  }
  // push leaves room for 17; a record has one or two names.
  const names = found.slice();
  const documents = rec.documentNumbers.length === 0 ? NO_STRINGS : uniq(rec.documentNumbers.map(normaliseDocument).filter((d) => d.length > 0));
  const folded = documents.length === 0 ? NO_STRINGS : uniq(documents.map(foldConfusables));
  return {
    names,
    birth: rec.birthDate ? birthOf(rec.birthDate) : null,
    sex: rec.sex === 'M' ? 1 : rec.sex === 'F' ? 2 : 0,
    nationalities: nationalitiesOf(rec.nationalities),
    placeOfBirth: placeOf(rec.placeOfBirth),
    documents,
    documentsFolded: sameOr(documents, folded),
    addressTokens: addressTokensOf(rec.address),
  };
}
