// Which writing system a name is in, so the right transliteration applies.
// Only letters count: digits, punctuation and marks say nothing.

export type NameScript = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'other' | 'mixed';

const LATIN = 1;
const CYRILLIC = 2;
const GREEK = 4;
const ARABIC = 8;
const OTHER = 16;
const NONE = 0;

const LETTER = /^\p{L}$/u;
const cache = new Map<number, number>();

function scriptOf(cp: number): number {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? LATIN : NONE;
  if (cp >= 0x0400 && cp <= 0x052f) return cp >= 0x0483 && cp <= 0x0489 ? NONE : CYRILLIC;
  if (cp >= 0x0370 && cp <= 0x03ff) return LETTER.test(String.fromCodePoint(cp)) ? GREEK : NONE;
  if (cp >= 0x0600 && cp <= 0x06ff) return LETTER.test(String.fromCodePoint(cp)) ? ARABIC : NONE;
  let s = cache.get(cp);
  if (s === undefined) {
    s = classify(cp);
    cache.set(cp, s);
  }
  return s;
}

function classify(cp: number): number {
  if (cp >= 0xd800 && cp <= 0xdfff) return NONE;
  const ch = String.fromCodePoint(cp);
  if (!LETTER.test(ch)) return NONE;
  if (/^\p{Script=Latin}$/u.test(ch)) return LATIN;
  if (/^\p{Script=Cyrillic}$/u.test(ch)) return CYRILLIC;
  if (/^\p{Script=Greek}$/u.test(ch)) return GREEK;
  if (/^\p{Script=Arabic}$/u.test(ch)) return ARABIC;
  return OTHER;
}

/** Set of script bits present among the letters of s. */
export function scriptMask(s: string): number {
  let mask = 0;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    mask |= scriptOf(cp);
  }
  return mask;
}

export const SCRIPT_BITS = { LATIN, CYRILLIC, GREEK, ARABIC, OTHER } as const;

/**
 * The script of the letters in s; 'mixed' when letters of two or more
 * scripts occur (often a Latin look-alike typed into a Cyrillic name),
 * 'other' when there is no letter at all or only letters of other scripts.
 */
export function detectScript(s: string): NameScript {
  switch (scriptMask(s)) {
    case LATIN: return 'latin';
    case CYRILLIC: return 'cyrillic';
    case GREEK: return 'greek';
    case ARABIC: return 'arabic';
    case NONE:
    case OTHER: return 'other';
    default: return 'mixed';
  }
}
