// Cyrillic → Latin under the tables that produce the spellings found in
// real documents and registers. Each scheme is a letter table plus the
// positional rules that scheme has (word start, after a vowel, letter
// pairs). Input is foldLatin output: upper case, words split by one space.

export interface CyrillicSchemeSpec {
  id: string;
  /** Letters that differ from the ICAO 9303 table. */
  letters?: Record<string, string>;
  /** At the start of a word. */
  initial?: Record<string, string>;
  /** After a vowel, Ь or Ъ (not at word start). */
  afterVowel?: Record<string, string>;
  /** Two-letter sequences anywhere. */
  pairs?: Record<string, string>;
  /** Two-letter sequences at the end of a word. */
  finalPairs?: Record<string, string>;
}

// ICAO Doc 9303 part 3 (8th ed.), transliteration of Cyrillic characters,
// widened with the letters of other Cyrillic alphabets so that every
// scheme has a fallback for letters it does not define.
const ICAO: Record<string, string> = {
  'А': 'A', 'Б': 'B', 'В': 'V', 'Г': 'G', 'Ґ': 'G', 'Д': 'D', 'Ђ': 'D', 'Ѓ': 'G', 'Е': 'E', 'Ѐ': 'E', 'Ё': 'E',
  'Є': 'IE', 'Ж': 'ZH', 'З': 'Z', 'Ѕ': 'DZ', 'И': 'I', 'Ѝ': 'I', 'І': 'I', 'Ї': 'I', 'Й': 'I', 'Ј': 'J', 'К': 'K',
  'Л': 'L', 'Љ': 'LJ', 'М': 'M', 'Н': 'N', 'Њ': 'NJ', 'О': 'O', 'П': 'P', 'Р': 'R', 'С': 'S', 'Т': 'T', 'Ћ': 'C',
  'Ќ': 'K', 'У': 'U', 'Ў': 'U', 'Ф': 'F', 'Х': 'KH', 'Ц': 'TS', 'Ч': 'CH', 'Џ': 'DZ', 'Ш': 'SH', 'Щ': 'SHCH',
  'Ъ': 'IE', 'Ы': 'Y', 'Ь': '', 'Э': 'E', 'Ю': 'IU', 'Я': 'IA',
  // Kazakh, Kyrgyz, Tatar, Bashkir, Tajik, Azerbaijani (Cyrillic era).
  'Ә': 'A', 'Ғ': 'G', 'Қ': 'K', 'Ң': 'N', 'Ө': 'O', 'Ұ': 'U', 'Ү': 'U', 'Һ': 'H', 'Ӣ': 'I', 'Ӯ': 'U', 'Ҳ': 'KH',
  'Ҷ': 'J', 'Ҹ': 'CH', 'Ӏ': '', 'Ҝ': 'G', 'Ҙ': 'Z', 'Ҫ': 'S', 'Ӑ': 'A', 'Ӗ': 'E',
};

const VOWELS = new Set(['А', 'Е', 'Ё', 'И', 'І', 'Ї', 'О', 'У', 'Ы', 'Э', 'Ю', 'Я', 'Є', 'Ь', 'Ъ', 'Ў', 'Ә', 'Ө', 'Ү', 'Ұ']);

const POLISH: Record<string, string> = {
  'В': 'W', 'Ж': 'Z', 'Й': 'J', 'Х': 'CH', 'Ц': 'C', 'Ч': 'CZ', 'Ш': 'SZ', 'Щ': 'SZCZ', 'Ъ': '', 'Ю': 'JU',
  'Я': 'JA', 'Ё': 'JO', 'Є': 'JE', 'Ї': 'JI', 'Ы': 'Y',
};

export const CYRILLIC_SCHEMES: Record<string, CyrillicSchemeSpec> = {
  icao: { id: 'icao' },
  // Ukrainian national table, Cabinet of Ministers resolution 55 (2010),
  // used in Ukrainian passports.
  ukrainian: {
    id: 'ukrainian',
    letters: { 'Г': 'H', 'И': 'Y', 'Є': 'IE', 'Ї': 'I', 'Й': 'I', 'Ю': 'IU', 'Я': 'IA', 'Ъ': '', 'Ё': 'IO' },
    initial: { 'Є': 'YE', 'Ї': 'YI', 'Й': 'Y', 'Ю': 'YU', 'Я': 'YA' },
    pairs: { 'ЗГ': 'ZGH' },
  },
  // Russian passports before 2013 (MVD table), close to BGN/PCGN without
  // the positional YE.
  russianPassport: {
    id: 'russianPassport',
    letters: { 'Й': 'Y', 'Ъ': '', 'Ю': 'YU', 'Я': 'YA', 'Є': 'YE', 'Ї': 'YI' },
    finalPairs: { 'ИЙ': 'IY', 'ЫЙ': 'Y' },
  },
  // BGN/PCGN 1947 for Russian: YE at word start and after vowels.
  bgn: {
    id: 'bgn',
    letters: { 'Й': 'Y', 'Ъ': '', 'Ю': 'YU', 'Я': 'YA', 'Ё': 'YO', 'Є': 'YE', 'Ї': 'YI' },
    initial: { 'Е': 'YE', 'Ё': 'YO' },
    afterVowel: { 'Е': 'YE', 'Ё': 'YO' },
  },
  // GOST 7.79-2000 system B (ASCII only).
  gostB: {
    id: 'gostB',
    letters: { 'Х': 'X', 'Ц': 'C', 'Щ': 'SHH', 'Й': 'J', 'Ё': 'YO', 'Ю': 'YU', 'Я': 'YA', 'Ъ': '', 'Ы': 'Y', 'Э': 'E', 'Є': 'YE', 'Ї': 'YI', 'Ґ': 'G' },
    pairs: { 'ЦЕ': 'CZE', 'ЦИ': 'CZI', 'ЦЙ': 'CZJ', 'ЦЫ': 'CZY', 'ЦІ': 'CZI', 'ЦЄ': 'CZYE' },
  },
  // Bulgarian Transliteration Act 2009 ("streamlined system").
  bulgarian: {
    id: 'bulgarian',
    letters: { 'Й': 'Y', 'Х': 'H', 'Щ': 'SHT', 'Ъ': 'A', 'Ь': '', 'Ю': 'YU', 'Я': 'YA' },
    pairs: { 'ЬО': 'YO' },
    finalPairs: { 'ИЯ': 'IA' },
  },
  // Serbian Cyrillic → Latin gajica with diacritics off (Š→S, Č/Ć→C, Ž→Z),
  // Đ written DJ; also how Czech, Slovak and Croatian texts look once
  // their carons are lost.
  serbian: {
    id: 'serbian',
    letters: {
      'Ђ': 'DJ', 'Ћ': 'C', 'Ж': 'Z', 'Ш': 'S', 'Ч': 'C', 'Џ': 'DZ', 'Ц': 'C', 'Х': 'H', 'Й': 'J', 'Ю': 'JU',
      'Я': 'JA', 'Щ': 'SC', 'Ъ': '', 'Є': 'JE', 'Ї': 'JI', 'Ё': 'JO', 'Ы': 'Y',
    },
  },
  // German (Duden) rendering, as in German registers: SCHEWTSCHENKO.
  german: {
    id: 'german',
    letters: {
      'В': 'W', 'Ж': 'SCH', 'З': 'S', 'Й': 'J', 'Х': 'CH', 'Ц': 'Z', 'Ч': 'TSCH', 'Ш': 'SCH', 'Щ': 'SCHTSCH',
      'Ъ': '', 'Ю': 'JU', 'Я': 'JA', 'Ё': 'JO', 'Є': 'JE', 'Ї': 'JI', 'Ы': 'Y',
    },
    initial: { 'Е': 'JE' },
    afterVowel: { 'Е': 'JE' },
    pairs: { 'КС': 'X' },
    finalPairs: { 'ИЙ': 'I', 'ЫЙ': 'Y', 'ІЙ': 'I' },
  },
  // French rendering, as in French and Belgian registers: CHEVTCHENKO.
  french: {
    id: 'french',
    letters: {
      'Ж': 'J', 'Х': 'KH', 'Ц': 'TS', 'Ч': 'TCH', 'Ш': 'CH', 'Щ': 'CHTCH', 'У': 'OU', 'Ю': 'IOU', 'Я': 'IA',
      'Ё': 'IO', 'Й': 'I', 'Ъ': '', 'Є': 'IE', 'Ы': 'Y', 'Ў': 'OU',
    },
    finalPairs: { 'ИЙ': 'I', 'ЫЙ': 'Y', 'ІЙ': 'I' },
  },
  // Polish rendering: SZEWCZENKO, with Ż/Ł folded.
  polish: {
    id: 'polish',
    letters: POLISH,
    initial: { 'Е': 'JE' },
    afterVowel: { 'Е': 'JE' },
  },
  // Polish rendering of Ukrainian names: Г is H, И is Y (HRYHORIJ).
  polishUkrainian: {
    id: 'polishUkrainian',
    letters: { ...POLISH, 'Г': 'H', 'И': 'Y' },
  },
};

const BASE = 0x0400;
const SIZE = 0x0100;

export interface CompiledCyrillicScheme {
  id: string;
  base: string[];
  initial: (string | undefined)[];
  afterVowel: (string | undefined)[];
  pairs: Map<number, string>;
  finalPairs: Map<number, string>;
}

function table(src: Record<string, string> | undefined, fallback: string[] | null): (string | undefined)[] {
  const t: (string | undefined)[] = new Array(SIZE);
  for (let i = 0; i < SIZE; i++) t[i] = fallback ? fallback[i] : undefined;
  if (src) for (const [k, v] of Object.entries(src)) if (k.length === 1) t[k.charCodeAt(0) - BASE] = v;
  return t;
}

function pairTable(src: Record<string, string> | undefined): Map<number, string> {
  const m = new Map<number, string>();
  if (src) for (const [k, v] of Object.entries(src)) m.set((k.charCodeAt(0) << 16) | k.charCodeAt(1), v);
  return m;
}

const ICAO_TABLE = table(ICAO, null).map((v) => v ?? '') as string[];
const VOWEL_FLAGS = new Uint8Array(SIZE);
for (const v of VOWELS) VOWEL_FLAGS[v.charCodeAt(0) - BASE] = 1;

export function compileCyrillic(spec: CyrillicSchemeSpec): CompiledCyrillicScheme {
  return {
    id: spec.id,
    base: table(spec.letters, ICAO_TABLE) as string[],
    initial: table(spec.initial, null),
    afterVowel: table(spec.afterVowel, null),
    pairs: pairTable(spec.pairs),
    finalPairs: pairTable(spec.finalPairs),
  };
}

function isWordChar(c: number): boolean {
  return c !== 0x20 && !Number.isNaN(c);
}

/** Transliterates the Cyrillic letters of a folded string; the rest passes through. */
export function transliterateCyrillic(s: string, scheme: CompiledCyrillicScheme): string {
  let out = '';
  const n = s.length;
  let prevVowel = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const k = c - BASE;
    if (k < 0 || k >= SIZE) {
      out += s[i];
      prevVowel = false;
      continue;
    }
    const atStart = i === 0 || s.charCodeAt(i - 1) === 0x20;
    if (i + 1 < n) {
      const key = (c << 16) | s.charCodeAt(i + 1);
      if (scheme.finalPairs.size > 0 && (i + 2 === n || !isWordChar(s.charCodeAt(i + 2)))) {
        const f = scheme.finalPairs.get(key);
        if (f !== undefined) {
          out += f;
          i++;
          prevVowel = false;
          continue;
        }
      }
      const p = scheme.pairs.size > 0 ? scheme.pairs.get(key) : undefined;
      if (p !== undefined) {
        out += p;
        prevVowel = VOWEL_FLAGS[s.charCodeAt(i + 1) - BASE] === 1;
        i++;
        continue;
      }
    }
    let t: string | undefined;
    if (atStart) t = scheme.initial[k];
    else if (prevVowel) t = scheme.afterVowel[k];
    if (t === undefined) t = scheme.base[k];
    // Unknown code points in the block (historic letters, marks) vanish.
    out += t ?? '';
    prevVowel = VOWEL_FLAGS[k] === 1;
  }
  return out;
}

const COMPILED: Record<string, CompiledCyrillicScheme> = Object.fromEntries(
  Object.values(CYRILLIC_SCHEMES).map((s) => [s.id, compileCyrillic(s)]),
);

// Letters that tell which language a Cyrillic name is written in; they
// decide which national table goes right after ICAO.
const UKRAINIAN_LETTERS = /[ІЇЄҐ]/;
const RUSSIAN_LETTERS = /[ЫЭЁ]/;
const SERBIAN_LETTERS = /[ЂЋЏЉЊЈЃЌЅ]/;
// Bulgarian Ъ stands inside words between consonants (ЪГЪЛ, БЪЛГАРИЯ).
const BULGARIAN_HARD_SIGN = /[БВГДЖЗКЛМНПРСТФХЦЧШЩ]Ъ[БВГДЖЗКЛМНПРСТФХЦЧШЩ]/;

const ORDER_UKRAINIAN = ['icao', 'ukrainian', 'german', 'french', 'polishUkrainian', 'serbian', 'russianPassport', 'bgn', 'bulgarian', 'gostB'];
const ORDER_RUSSIAN = ['icao', 'russianPassport', 'bgn', 'german', 'french', 'polish', 'serbian', 'gostB', 'ukrainian', 'bulgarian'];
const ORDER_SERBIAN = ['icao', 'serbian', 'german', 'french', 'polish', 'russianPassport', 'bulgarian', 'ukrainian', 'bgn', 'gostB'];
const ORDER_BULGARIAN = ['icao', 'bulgarian', 'russianPassport', 'german', 'french', 'serbian', 'polish', 'bgn', 'gostB', 'ukrainian'];
const ORDER_UNKNOWN = ['icao', 'ukrainian', 'russianPassport', 'german', 'french', 'serbian', 'polish', 'bgn', 'bulgarian', 'gostB'];

function schemeOrder(s: string): string[] {
  if (UKRAINIAN_LETTERS.test(s)) return ORDER_UKRAINIAN;
  if (SERBIAN_LETTERS.test(s)) return ORDER_SERBIAN;
  if (BULGARIAN_HARD_SIGN.test(s)) return ORDER_BULGARIAN;
  if (RUSSIAN_LETTERS.test(s)) return ORDER_RUSSIAN;
  return ORDER_UNKNOWN;
}

/**
 * Latin renderings of the Cyrillic letters in a folded string, ICAO first,
 * then the national table the letters point to, then the German, French,
 * Polish and other spellings; duplicates removed, at most `cap`.
 */
export function cyrillicRenderings(s: string, cap: number): string[] {
  const out: string[] = [];
  for (const id of schemeOrder(s)) {
    const r = transliterateCyrillic(s, COMPILED[id]);
    if (!out.includes(r)) {
      out.push(r);
      if (out.length >= cap) break;
    }
  }
  return out;
}
