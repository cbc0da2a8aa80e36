// Phonetic keys for folded Latin name tokens: spellings that registers,
// transliteration tables and languages produce for one name get one key.
//
// The key keeps a name's consonant skeleton and drops what spelling
// conventions disagree on:
//   - of the vowels inside the name only the first is kept, by its class
//     (A, E, I/Y/J, O/U), the others are dropped (KHALED/KHALID,
//     MULLER/MUELLER, OLEKSANDR/OLEKSANDER, but SHEVCHENKO ≠ SAVCHENKO);
//     a leading vowel is kept as 'A' (OLEKSANDR = ALEKSANDR), a leading
//     glide as 'Y' (YURIY = IURII = JURIJ, GIANNIS = YIANNIS); the final
//     vowel is kept by its class (A E I O U), so MARIA ≠ MARIO and the
//     feminine PETROVA ≠ PETROV;
//   - the sibilants and affricates that the tables render as S, SH, SCH,
//     SZ, Z, ZH, C (before E/I/Y), CH (before E/I/Y), CZ, TS, TZ, TCH, TSCH
//     are one sound 'S' (SHEVCHENKO = SCHEWTSCHENKO = SEVCENKO =
//     CHEVTCHENKO = SZEWCZENKO);
//   - KH, CH (elsewhere) and H are 'H' (KHALED = CHALID, KHRISTO = HRISTO),
//     but in a Slavic surname a lone H is Ukrainian Г and keyed 'G'
//     (HONCHARENKO = GONCHARENKO);
//   - V, W, F, PH are 'F' (IVANOV = IWANOW = IVANOFF); C/K/Q/CK are 'K';
//     X is 'KS'; TH is 'T', DH is 'D', GH is 'G'; a final D is 'T'
//     (SCHMIDT = SCHMITT); doubled consonants count once.
// Keys are at most 8 characters.

import { jaroWinkler } from '../similarity.ts';
import { foldLatin } from './fold.ts';
import { GIVEN_NAME_INDEX } from './given-names.ts';

export const MAX_KEY_LENGTH = 8;
const CACHE_LIMIT = 100_000;

const A = 65, C = 67, D = 68, E = 69, G = 71, H = 72, I = 73, J = 74, K = 75, O = 79, P = 80,
  Q = 81, S = 83, T = 84, U = 85, V = 86, W = 87, X = 88, Y = 89, Z = 90;

function isVowel(c: number): boolean {
  return c === A || c === E || c === I || c === O || c === U || c === Y;
}
function isFront(c: number): boolean {
  return c === E || c === I || c === Y;
}
// In the body of a name J is a glide (MARIJA, ANDREJ, LJUBA): it goes with
// the vowels.
function isVowelLike(c: number): boolean {
  return isVowel(c) || c === J;
}

const out = new Uint8Array(MAX_KEY_LENGTH);
let len = 0;
let last = 0;

function emit(code: number): void {
  if (code === last || len >= MAX_KEY_LENGTH) return;
  out[len++] = code;
  last = code;
}

// The first inner vowel tells apart names with one skeleton (SHEVCHENKO /
// SAVCHENKO, HASSAN / HUSSEIN); O and U are one class because
// transliterations swap them (MOHAMMED / MUHAMMAD, OU for U in French).
function innerVowelClass(c: number): number {
  if (c === O) return U;
  if (c === Y || c === J) return I;
  return c;
}

function finalVowelClass(c: number): number {
  return c === Y || c === J ? I : c;
}

/** True when the sibilant class starts at i (used to drop a T/D before it). */
function sibilantAt(w: string, i: number): boolean {
  const c = w.charCodeAt(i);
  if (c === S || c === Z) return true;
  if (c === C) {
    const n = w.charCodeAt(i + 1);
    return n === H || n === Z || isFront(n);
  }
  return false;
}

// Surname endings of Slavic languages. In a name that has one, Latin C and
// CH stand for the affricates Ц/Ч/Ć (KLICHKO = KLITSCHKO = KLICKO,
// KOVALCHUK = KOWALCZUK = KOVALCUK), not for K and the German/Greek velar.
const SLAVIC_ENDINGS = [
  'KO', 'UK', 'YK', 'OV', 'OVA', 'EV', 'EVA', 'OW', 'OWA', 'EW', 'EWA', 'OFF', 'EFF', 'SKI', 'SKY', 'SKA', 'CKI',
  'CKA', 'ZKI', 'ICH', 'YCH', 'TCH', 'VIC', 'WICZ', 'VICZ', 'ETS', 'YI', 'YJ', 'IJ', 'II', 'IY', 'YY', 'SKAYA', 'SKAJA',
];

// Endings by their last letter, so a name is checked against a few only.
const ENDINGS_BY_LAST: string[][] = Array.from({ length: 26 }, () => []);
for (const e of SLAVIC_ENDINGS) ENDINGS_BY_LAST[e.charCodeAt(e.length - 1) - A].push(e);

function isSlavic(w: string): boolean {
  const lastLetter = w.charCodeAt(w.length - 1) - A;
  if (!(lastLetter >= 0 && lastLetter < 26)) return false;
  for (const e of ENDINGS_BY_LAST[lastLetter]) if (w.length > e.length + 1 && w.endsWith(e)) return true;
  return false;
}

// German renderings write Ч as TSCH and Ш as SCH, Polish ones as CZ/SZ;
// in either, a CH on its own is Х (CHRUSCHTSCHOW, CHRUSZCZOW).
function hasGermanOrPolishSpelling(w: string): boolean {
  return w.includes('SCH') || w.includes('CZ') || w.includes('SZ');
}

function compute(w: string): string {
  len = 0;
  last = 0;
  const slavic = isSlavic(w);
  const chIsVelar = slavic && hasGermanOrPolishSpelling(w);
  let innerVowelKept = false;
  const n = w.length;
  let i = 0;
  // Leading vowel or glide.
  const c0 = w.charCodeAt(0);
  const c1 = n > 1 ? w.charCodeAt(1) : 0;
  const c2 = n > 2 ? w.charCodeAt(2) : 0;
  if ((c0 === Y || c0 === J || c0 === I) && isVowel(c1)) {
    // YE/JE/IE read as a plain E-start (YELENA = ELENA = JELENA), and
    // YI/JI before a consonant as I (Ї: YIZHAK = IZHAK).
    i = 1;
    if (c1 === E || (c1 === I && c0 !== I && !isVowel(c2))) {
      emit(A);
      while (i < n && isVowelLike(w.charCodeAt(i))) i++;
    } else {
      emit(Y); // the vowel after the glide is the first inner vowel
    }
    last = 0;
  } else if (c0 === G && c1 === I && n > 2 && isVowel(w.charCodeAt(2))) {
    emit(Y);
    i = 2;
  } else if (isVowel(c0)) {
    emit(A);
    i = 1;
    while (i < n && isVowelLike(w.charCodeAt(i))) i++;
    last = 0;
  } else if (c0 === J) {
    emit(Y);
    i = 1;
  }
  while (i < n && len < MAX_KEY_LENGTH) {
    const c = w.charCodeAt(i);
    const n1 = i + 1 < n ? w.charCodeAt(i + 1) : 0;
    const n2 = i + 2 < n ? w.charCodeAt(i + 2) : 0;
    if (isVowelLike(c)) {
      let j = i;
      while (j < n && isVowelLike(w.charCodeAt(j))) j++;
      if (j === n) {
        emit(finalVowelClass(w.charCodeAt(n - 1)));
      } else if (j === n - 1 && w.charCodeAt(j) === H && w.charCodeAt(j - 1) === A) {
        // Final AH is a written-out A (ABDULLAH = ABDULLA, SARAH = SARA).
        emit(A);
        j = n;
      } else if (!innerVowelKept) {
        // A glide before the vowel is spelling (IA/YA/JA for Я, JO for Ђо).
        let k = i;
        while (k + 1 < j && (w.charCodeAt(k) === I || w.charCodeAt(k) === Y || w.charCodeAt(k) === J)) k++;
        emit(innerVowelClass(w.charCodeAt(k)));
        innerVowelKept = true;
      }
      last = 0;
      i = j;
      continue;
    }
    switch (c) {
      case C:
        if (n1 === H) {
          // CH before a front vowel or T is the French/English sibilant
          // (CHEVTCHENKO, CHTCHERBAKOV); elsewhere the velar (CHALID),
          // except in Slavic names (see SLAVIC_ENDINGS).
          if (slavic) emit(chIsVelar && (i === 0 || w.charCodeAt(i - 1) !== S) ? H : S);
          else emit(isFront(n2) || n2 === T ? S : H);
          i += 2;
        } else if (n1 === Z || n1 === S) {
          emit(S);
          i += 2;
        } else if (n1 === K && !slavic) {
          emit(K);
          i += 2;
        } else {
          emit(slavic || isFront(n1) ? S : K);
          i += 1;
        }
        continue;
      case S:
        if (n1 === C && n2 === H) i += 3;
        else if (n1 === H || n1 === Z) i += 2;
        else i += 1;
        emit(S);
        continue;
      case Z:
        emit(S);
        i += n1 === H ? 2 : 1;
        continue;
      case T:
        if (n1 === H) {
          emit(T);
          i += 2;
        } else if (sibilantAt(w, i + 1)) {
          i += 1; // TS, TZ, TSCH, TCH: the affricate is the sibilant.
        } else {
          emit(T);
          i += 1;
        }
        continue;
      case D:
        if (n1 === H) {
          emit(i + 2 >= n ? T : D);
          i += 2;
        } else if (n1 === T) {
          i += 1; // DT is T
        } else if (sibilantAt(w, i + 1)) {
          i += 1; // DZ, DZH: as above
        } else {
          emit(i + 1 >= n ? T : D);
          i += 1;
        }
        continue;
      case K:
        emit(n1 === H ? H : K);
        i += n1 === H ? 2 : 1;
        continue;
      case Q:
        emit(K);
        i += 1;
        continue;
      case G:
        emit(G);
        i += n1 === H ? 2 : 1;
        continue;
      case P:
        emit(n1 === H ? 0x46 : P);
        i += n1 === H ? 2 : 1;
        continue;
      case V:
      case W:
        emit(0x46);
        i += 1;
        continue;
      case X:
        emit(K);
        emit(S);
        i += 1;
        continue;
      case H:
        // Ukrainian Г is H in the national table and G in Soviet-era and
        // Russian spellings (HONCHARENKO / GONCHARENKO); in a Slavic
        // surname a lone H is keyed as G (Х is KH, CH or X there).
        emit(slavic ? G : H);
        i += 1;
        continue;
      default:
        if (c >= A && c <= Z) emit(c);
        i += 1;
    }
  }
  let key = '';
  for (let k = 0; k < len; k++) key += String.fromCharCode(out[k]);
  return key;
}

const cache = new Map<string, string>();

/**
 * Phonetic key of one folded Latin name token (see the rules above); ''
 * when the token has no Latin letter. An unfolded token is folded first;
 * characters that are not Latin letters after folding are ignored.
 */
export function nameKey(token: string): string {
  let k = cache.get(token);
  if (k === undefined) {
    k = compute(normalizeArabicPrefix(lettersOnly(token)));
    if (token.length <= 64) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(token, k);
    }
  }
  return k;
}

// Tokens should arrive folded; anything else (MÜLLER, lower case, a space)
// is folded here so that it still gets the key of its folded form.
function lettersOnly(t: string): string {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < A || c > Z) return foldLatin(t).replace(NOT_LETTER, '');
  }
  return t;
}

const NOT_LETTER = /[^A-Z]+/g;

// Spellings not in the table are recognised by their key, but only when
// they are also spelled close to a listed spelling: keys alone would put
// MIRA (key MRA) with MARIA.
const MIN_SIMILARITY_FOR_KEY_MATCH = 0.88;
let byKey: Map<string, [string, string][]> | null = null;
const groupCache = new Map<string, string | null>();

function keyIndex(): Map<string, [string, string][]> {
  if (byKey === null) {
    byKey = new Map();
    for (const [name, group] of GIVEN_NAME_INDEX) {
      const k = nameKey(name);
      const list = byKey.get(k);
      if (list) list.push([name, group]);
      else byKey.set(k, [[name, group]]);
    }
  }
  return byKey;
}

function findGroup(token: string): string | null {
  const exact = GIVEN_NAME_INDEX.get(token);
  if (exact !== undefined) return exact;
  if (token.length < 3) return null;
  let best: string | null = null;
  let bestScore = MIN_SIMILARITY_FOR_KEY_MATCH;
  for (const [name, group] of keyIndex().get(nameKey(token)) ?? []) {
    const score = jaroWinkler(token, name);
    if (score >= bestScore) {
      bestScore = score;
      best = group;
    }
  }
  return best;
}

/**
 * Id of the group of equivalent given names across languages that a
 * folded given-name token belongs to (OLEKSANDR, ALEKSANDR, ALEXANDRE →
 * 'ALEXANDER'), or null when the name is not in the table. A spelling not
 * listed counts when it has a listed spelling's key and is spelled close
 * to it (OLEXANDER → 'ALEXANDER').
 */
export function givenNameGroup(token: string): string | null {
  let g = groupCache.get(token);
  if (g === undefined) {
    g = findGroup(token);
    if (groupCache.size >= CACHE_LIMIT) groupCache.clear();
    groupCache.set(token, g);
  }
  return g;
}

// ABDUL/ABDEL/ABDAL/ABDOL are one Arabic "servant of the" in different
// vowellings: they are keyed as ABDUL.
function normalizeArabicPrefix(w: string): string {
  if (w.length >= 5 && w.startsWith('ABD') && w.charCodeAt(4) === 76 /* L */ && isVowel(w.charCodeAt(3)) && w.charCodeAt(3) !== U) {
    return 'ABDUL' + w.slice(5);
  }
  return w;
}
