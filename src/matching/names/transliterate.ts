// Every plausible Latin spelling of a name, so that a name written in one
// script or convention can be compared with the same name written in
// another. Results are memoised: in batch linkage the same names recur
// millions of times.
import { arabicRenderings } from './arabic.ts';
import { cyrillicRenderings } from './cyrillic.ts';
import { foldLatin } from './fold.ts';
import { greekRenderings } from './greek.ts';
import { scriptMask, SCRIPT_BITS } from './script.ts';

/** Most forms latinForms returns. */
export const MAX_LATIN_FORMS = 8;
// Names longer than this are not names; only the folded text is returned
// so that pathological input costs no more than folding it.
const MAX_TRANSLITERATED_LENGTH = 200;
const CACHE_LIMIT = 50_000;
const MAX_INPUT_LENGTH = 1000;

const cache = new Map<string, string[]>();

// ICAO 9303 part 3 writes Ä/Ö/Ü as AE/OE/UE, Å as AA and Ø as OE; many
// registers drop the marks instead (MULLER). Both are kept.
const EXPANSIONS: Record<string, string> = {
  'Ä': 'AE', 'ä': 'ae', 'Ö': 'OE', 'ö': 'oe', 'Ü': 'UE', 'ü': 'ue', 'Å': 'AA', 'å': 'aa', 'Ø': 'OE', 'ø': 'oe',
};
const EXPANDABLE = /[ÄäÖöÜüÅåØø]|[AaOoUu]\u0308|[Aa]\u030a/;

function expandLatinLetters(s: string): string {
  const composed = s.normalize('NFC');
  let out = '';
  for (const ch of composed) out += EXPANSIONS[ch] ?? ch;
  return out;
}

function push(out: string[], form: string): void {
  if (form.length > 0 && !out.includes(form)) out.push(form);
}

function compute(s: string): string[] {
  const folded = foldLatin(s);
  if (folded.length === 0) return [];
  const out: string[] = [];
  const base: string[] = [folded];
  if (EXPANDABLE.test(s)) base.push(foldLatin(expandLatinLetters(s)));
  const mask = scriptMask(folded);
  if (folded.length > MAX_TRANSLITERATED_LENGTH || (mask & (SCRIPT_BITS.CYRILLIC | SCRIPT_BITS.GREEK | SCRIPT_BITS.ARABIC)) === 0) {
    for (const b of base) push(out, b);
    return out;
  }
  let forms = base;
  if (mask & SCRIPT_BITS.CYRILLIC) forms = expand(forms, cyrillicRenderings);
  if (mask & SCRIPT_BITS.GREEK) forms = expand(forms, greekRenderings);
  if (mask & SCRIPT_BITS.ARABIC) forms = expand(forms, arabicRenderings);
  for (const f of forms) push(out, foldLatin(f));
  return out.slice(0, MAX_LATIN_FORMS);
}

// Renders each form; the first rendering of every form comes before the
// second of any, so the standard spelling of each survives the cap.
function expand(forms: string[], render: (s: string, cap: number) => string[]): string[] {
  const per = forms.map((f) => render(f, MAX_LATIN_FORMS));
  const out: string[] = [];
  for (let k = 0; k < MAX_LATIN_FORMS; k++) {
    for (const r of per) if (k < r.length && !out.includes(r[k])) out.push(r[k]);
  }
  return out.slice(0, MAX_LATIN_FORMS);
}

/**
 * Latin spellings of a name in any supported script, each in foldLatin
 * form, without duplicates, at most MAX_LATIN_FORMS. The first is the ICAO
 * Doc 9303 part 3 transliteration (ELOT 743 for Greek, the most common
 * spelling for Arabic); for Latin input it is foldLatin(s), followed by the
 * ICAO expansion of Ä/Ö/Ü/Å/Ø when the name has one. Empty for a name with
 * no letter or digit. Input beyond 1000 UTF-16 units is ignored. The
 * returned array is shared and frozen.
 */
export function latinForms(s: string): string[] {
  let r = cache.get(s);
  if (r === undefined) {
    // No name is this long: the rest is cut off so output stays bounded,
    // and such input is not kept in the cache.
    if (s.length > MAX_INPUT_LENGTH) return Object.freeze(compute(s.slice(0, MAX_INPUT_LENGTH))) as string[];
    r = Object.freeze(compute(s)) as string[];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(s, r);
  }
  return r;
}
