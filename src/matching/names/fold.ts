// Folds a name as written into the comparison alphabet: upper-case Latin
// letters and digits separated by single spaces. Letters of scripts that
// have no Latin equivalent here (Cyrillic, Greek, Arabic, …) are kept,
// upper-cased, so that transliteration can work on the folded text.
//
// Hot path: ASCII input goes through a 128-entry table; every other code
// point is classified once and cached, so NFKD runs once per distinct
// character rather than once per call.

/** Output of one input character: '' = drop, ' ' = separator, else letters. */
type Fold = string;

const ASCII: Fold[] = new Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 0x41 && c <= 0x5a) ASCII[c] = String.fromCharCode(c);
  else if (c >= 0x61 && c <= 0x7a) ASCII[c] = String.fromCharCode(c - 32);
  else if (c >= 0x30 && c <= 0x39) ASCII[c] = String.fromCharCode(c);
  // Apostrophes and the grave/acute used as apostrophes join the parts
  // (O'BRIEN, D`ANGELO) rather than splitting them.
  else if (c === 0x27 || c === 0x60) ASCII[c] = '';
  else ASCII[c] = ' ';
}

// Letters NFKD does not decompose, and the apostrophe family.
const SPECIAL: Record<number, Fold> = {
  0x00df: 'SS', 0x1e9e: 'SS', // ß ẞ
  0x00c6: 'AE', 0x00e6: 'AE', // Æ æ
  0x0152: 'OE', 0x0153: 'OE', // Œ œ
  0x00d8: 'O', 0x00f8: 'O', // Ø ø
  0x0141: 'L', 0x0142: 'L', // Ł ł
  0x0110: 'D', 0x0111: 'D', // Đ đ
  0x00d0: 'D', 0x00f0: 'D', // Ð ð
  0x00de: 'TH', 0x00fe: 'TH', // Þ þ
  0x0130: 'I', 0x0131: 'I', // İ ı
  0x0126: 'H', 0x0127: 'H', // Ħ ħ
  0x0166: 'T', 0x0167: 'T', // Ŧ ŧ
  0x014a: 'NG', 0x014b: 'NG', // Ŋ ŋ
  0x0132: 'IJ', 0x0133: 'IJ', // Ĳ ĳ
  0x0138: 'K', // ĸ
  0x018f: 'E', 0x0259: 'E', // Ə ə (Azerbaijani)
  0x0192: 'F', // ƒ
  0x01a0: 'O', 0x01a1: 'O', 0x01af: 'U', 0x01b0: 'U', // Ơ ơ Ư ư (decompose, kept for clarity)
  0x0189: 'D', 0x0256: 'D', // Ɖ ɖ
  0x0197: 'I', 0x0268: 'I', // Ɨ ɨ
  0x0180: 'B', 0x0243: 'B', // ƀ Ƀ
  0x01e4: 'G', 0x01e5: 'G', // Ǥ ǥ
  0x2018: '', 0x2019: '', 0x201b: '', 0x02bc: '', 0x02bb: '', 0x02b9: '', 0x02be: '', 0x02bf: '',
  0x00b4: '', 0x2032: '', 0xff07: '', // ‘ ’ ‛ ʼ ʻ ʹ ʾ ʿ ´ ′ ＇
};

const LETTER = /^\p{L}$/u;
const MARK = /^\p{M}$/u;
const NUMBER = /^\p{Nd}$/u;
// Invisible format characters (RTL/LTR marks, joiners, soft hyphen,
// tatweel): they never separate the letters around them.
const FORMAT = /^[\p{Cf}\u0640]$/u;
const LATIN = /^\p{Script=Latin}$/u;

const cache = new Map<number, Fold>();

function classify(cp: number): Fold {
  const special = SPECIAL[cp];
  if (special !== undefined) return special;
  if (cp >= 0xd800 && cp <= 0xdfff) return ' '; // lone surrogate
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch) || FORMAT.test(ch)) return '';
  if (NUMBER.test(ch)) {
    const d = ch.normalize('NFKD');
    return d.length === 1 && d >= '0' && d <= '9' ? d : digitValue(cp);
  }
  if (!LETTER.test(ch)) return ' ';
  if (LATIN.test(ch) || (cp >= 0xff00 && cp <= 0xffef)) {
    // Compatibility decomposition: accents off (É → E), ligatures and
    // full-width forms apart (ﬁ → FI, Ａ → A).
    let out = '';
    for (const part of ch.normalize('NFKD')) {
      const pc = part.codePointAt(0)!;
      if (pc < 128) out += ASCII[pc] === ' ' ? '' : ASCII[pc];
      else if (SPECIAL[pc] !== undefined) out += SPECIAL[pc];
      else if (!MARK.test(part) && LETTER.test(part)) out += part.toUpperCase();
    }
    return out;
  }
  // Other scripts: keep the letter, upper-cased, with its own marks off
  // only where the script treats them as accents (Greek tonos, Arabic
  // harakat are marks and are dropped separately). Cyrillic Й, Ё, Ї stay
  // whole because their breve/diaeresis makes a different letter.
  if (cp >= 0x0370 && cp <= 0x03ff || cp >= 0x1f00 && cp <= 0x1fff) {
    // Tonos off, dialytika kept: Ϊ/Ϋ stop ΑΙ/ΟΥ reading as digraphs.
    let out = '';
    for (const part of ch.toUpperCase().normalize('NFD')) {
      if (part === '\u0308' || !MARK.test(part)) out += part;
    }
    out = out.normalize('NFC');
    return out === 'ς' ? 'Σ' : out;
  }
  const up = ch.toUpperCase();
  return up.length > 0 ? up : ch;
}

// Digits of other scripts (Arabic-Indic ٣, Devanagari ३ …) by value.
function digitValue(cp: number): Fold {
  const starts = [0x0660, 0x06f0, 0x07c0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10];
  for (const s of starts) if (cp >= s && cp < s + 10) return String.fromCharCode(0x30 + cp - s);
  return ' ';
}

function foldCodePoint(cp: number): Fold {
  let f = cache.get(cp);
  if (f === undefined) {
    f = classify(cp);
    cache.set(cp, f);
  }
  return f;
}

/** True when s is already in folded form: [A-Z0-9] words, single spaces. */
function isFolded(s: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39)) prevSpace = false;
    else if (c === 0x20 && !prevSpace) prevSpace = true;
    else return false;
  }
  return !prevSpace || s.length === 0;
}

/**
 * NFKD fold to upper-case Latin: diacritics off, ß → SS, Æ → AE, Ø → O,
 * Ł → L, Þ → TH, İ/ı → I …; apostrophes removed (O'BRIEN → OBRIEN); every
 * other non-letter/digit becomes a space; spaces collapsed and trimmed.
 * Cyrillic, Greek, Arabic and other non-Latin letters are kept (upper-cased
 * where the script has case) for transliteration.
 */
export function foldLatin(s: string): string {
  if (isFolded(s)) return s;
  return foldFrom(s, false);
}

function foldFrom(s: string, composed: boolean): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    let f: Fold;
    if (cp < 128) {
      f = ASCII[cp];
    } else {
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
          i++;
        }
      }
      // Decomposed input (И + breve, e + acute) is composed first so that
      // Cyrillic Й/Ё/Ї survive and Latin accents fold like precomposed ones.
      if (!composed && cp >= 0x0300 && cp <= 0x036f) return foldFrom(s.normalize('NFC'), true);
      f = foldCodePoint(cp);
    }
    if (f === '') continue;
    if (f === ' ') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += f;
  }
  return out;
}
