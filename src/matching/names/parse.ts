// Splits a name into the tokens the matcher compares, once per Latin
// spelling of the name. Compound and particle names are kept both whole
// and in parts, because registers disagree on them: one writes
// VAN DER BERG, another VANDERBERG, a third BERG; one JEAN-PIERRE, another
// JEAN PIERRE; Spanish registers keep both surnames, foreign ones often
// only the first.
import { foldLatin } from './fold.ts';
import { latinForms } from './transliterate.ts';

export interface NameForm {
  given: string[];
  family: string[];
}

/** Most name forms nameForms returns. */
export const MAX_NAME_FORMS = 8;
/** Most tokens per name part; the rest of an over-long name is ignored. */
const MAX_TOKENS = 16;
const MAX_TOKEN_LENGTH = 64;
const CACHE_LIMIT = 50_000;
const MAX_CACHED_LENGTH = 256;

// Particles that belong to the following name: family "van der Berg" is
// filed under VANDERBERG as often as under BERG.
const PARTICLES = new Set([
  'VAN', 'VANDER', 'VANDEN', 'DER', 'DEN', 'TER', 'TEN', 'DE', 'LA', 'LE', 'LOS', 'LAS', 'DEL', 'DELLA', 'DELLO',
  'DEGLI', 'DEI', 'DI', 'DA', 'DAL', 'DALLA', 'DO', 'DOS', 'DAS', 'DU', 'DES', 'VON', 'ZU', 'ZUM', 'ZUR', 'AL', 'EL',
  'BIN', 'BEN', 'IBN', 'BINT', 'BENT', 'ABU', 'ABOU', 'UMM', 'MAC', 'MC', 'AP', 'O', 'ST', 'SAN', 'SANTA',
]);

// Elided particles written with an apostrophe (D'ANGELO, O'BRIEN,
// DELL'ACQUA): folding joins them, the bare name is added as well.
const ELIDED = /^(o|d|l|dell|dall|sull|m|de)['’ʼ`´‘](?=\p{L})/iu;
const SEPARATORS = /[\s,;]+/u;

interface RawWord { parts: number; elided: number }

function rawWords(raw: string): RawWord[] {
  const out: RawWord[] = [];
  for (const w of raw.split(SEPARATORS)) {
    if (w.length === 0) continue;
    const folded = foldLatin(w);
    if (folded.length === 0) continue;
    const m = ELIDED.exec(w);
    out.push({ parts: folded.split(' ').length, elided: m ? foldLatin(m[1]).length : 0 });
  }
  return out;
}

function pushUnique(out: string[], t: string): void {
  if (t.length === 0 || out.length >= MAX_TOKENS) return;
  const token = t.length > MAX_TOKEN_LENGTH ? t.slice(0, MAX_TOKEN_LENGTH) : t;
  if (!out.includes(token)) out.push(token);
}

/** Tokens of one spelling, grouped the way the raw text groups them. */
function tokenise(form: string, words: RawWord[]): string[] {
  const flat = form.split(' ').slice(0, MAX_TOKENS * 4);
  let groups: string[][];
  const total = words.reduce((n, w) => n + w.parts, 0);
  if (total === flat.length) {
    groups = [];
    let at = 0;
    for (const w of words) {
      groups.push(flat.slice(at, at + w.parts));
      at += w.parts;
    }
  } else {
    // The spelling has a different number of words than the original (an
    // Arabic article written apart, a letter that vanished): no compound
    // structure to follow, each word stands alone.
    groups = flat.map((t) => [t]);
  }
  const aligned = total === flat.length;
  const out: string[] = [];
  let pending = '';
  const whole: string[] = [];
  let heads = 0;
  for (let g = 0; g < groups.length; g++) {
    const parts = groups[g];
    const isLastGroup = g === groups.length - 1;
    const groupHeads: string[] = [];
    for (let p = 0; p < parts.length; p++) {
      const t = parts[p];
      whole.push(t);
      const last = isLastGroup && p === parts.length - 1;
      if (PARTICLES.has(t) && !last) {
        pending += t;
        continue;
      }
      if (pending) {
        pushUnique(out, pending + t);
        pending = '';
      }
      pushUnique(out, t);
      const elided = aligned && p === 0 ? words[g].elided : 0;
      if (elided > 0 && t.length > elided + 1) pushUnique(out, t.slice(elided));
      groupHeads.push(t);
      heads++;
    }
    const longParts = parts.filter((t) => t.length > 1);
    if (parts.length > 1 && longParts.length > 1 && groupHeads.length > 1) pushUnique(out, longParts.join(''));
  }
  if (pending) pushUnique(out, pending);
  const longWhole = whole.filter((t) => t.length > 1);
  if (heads > 1 && longWhole.length > 1) pushUnique(out, longWhole.join(''));
  return out;
}

const fieldCache = new Map<string, string[][]>();

/**
 * Token lists of one name part (given or family), one per Latin spelling,
 * standard spelling first; memoised and frozen.
 */
export function nameTokenForms(raw: string): string[][] {
  let r = fieldCache.get(raw);
  if (r === undefined) {
    const words = rawWords(raw.length > 1000 ? raw.slice(0, 1000) : raw);
    r = [];
    const seen = new Set<string>();
    for (const form of latinForms(raw)) {
      const tokens = tokenise(form, words);
      const key = tokens.join(' ');
      if (tokens.length > 0 && !seen.has(key)) {
        seen.add(key);
        r.push(Object.freeze(tokens) as string[]);
      }
    }
    Object.freeze(r);
    if (raw.length <= MAX_CACHED_LENGTH) {
      if (fieldCache.size >= CACHE_LIMIT) fieldCache.clear();
      fieldCache.set(raw, r);
    }
  }
  return r;
}

const EMPTY: string[][] = [[]];

/**
 * One NameForm per Latin spelling of the name: the spellings of the given
 * and family names combined, standard spellings first, at most
 * MAX_NAME_FORMS. Tokens are folded Latin; a compound keeps its parts and
 * the joined whole (JEAN-PIERRE → JEAN, PIERRE, JEANPIERRE), a particle is
 * joined to the name it precedes (van der Berg → VANDERBERG, BERG), and
 * initials stay one-letter tokens. Empty when neither part has a letter.
 * Results are memoised and shared: treat them as read-only.
 */
export function nameForms(given: string, family: string): NameForm[] {
  const key = given + '\u0000' + family;
  let r = pairCache.get(key);
  if (r === undefined) {
    r = Object.freeze(combine(given, family).map((f) => Object.freeze(f))) as NameForm[];
    if (key.length <= MAX_CACHED_LENGTH) {
      if (pairCache.size >= CACHE_LIMIT) pairCache.clear();
      pairCache.set(key, r);
    }
  }
  return r;
}

const pairCache = new Map<string, NameForm[]>();

function combine(given: string, family: string): NameForm[] {
  const g = nameTokenForms(given);
  const f = nameTokenForms(family);
  if (g.length === 0 && f.length === 0) return [];
  const gs = g.length > 0 ? g : EMPTY;
  const fs = f.length > 0 ? f : EMPTY;
  const out: NameForm[] = [];
  const taken = new Set<number>();
  const take = (i: number, j: number): void => {
    const id = i * 1024 + j;
    if (out.length < MAX_NAME_FORMS && !taken.has(id)) {
      taken.add(id);
      out.push({ given: gs[i], family: fs[j] });
    }
  };
  // First the k-th spelling of both parts together (the same convention
  // for given and family name, and every spelling of each at least once),
  // then the other combinations ring by ring: (1,0), (0,1), (2,0) …
  const rings = Math.max(gs.length, fs.length);
  for (let k = 0; k < rings; k++) take(Math.min(k, gs.length - 1), Math.min(k, fs.length - 1));
  for (let r = 1; r < rings && out.length < MAX_NAME_FORMS; r++) {
    for (let d = 0; d < r; d++) {
      if (r < gs.length && d < fs.length) take(r, d);
      if (d < gs.length && r < fs.length) take(d, r);
    }
  }
  return out;
}
