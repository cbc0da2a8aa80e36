// How clerks in different countries write a Cyrillic name in Latin letters.
// These are our own simplified tables (not the matcher's): each scheme is
// the habit of one kind of office — a passport office following ICAO 9303,
// the issuing country's national system, a German, French or Polish
// registry writing what it hears, a scholar or a Czech/Croatian clerk with
// háčeks, an English-speaking consulate (BGN/PCGN). Their disagreement is
// exactly what matching must absorb.
import { mapWords } from './word-case.ts';

export type CyrillicLang = 'uk' | 'ru' | 'be' | 'bg' | 'sr';
export const CYRILLIC_SCHEMES = ['icao', 'national', 'german', 'french', 'scholarly', 'english', 'polish'] as const;
export type CyrillicScheme = (typeof CYRILLIC_SCHEMES)[number];

type Table = Record<string, string>;

const ICAO: Table = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'i',
  й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh',
  ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', ђ: 'd', ј: 'j', љ: 'lj',
  њ: 'nj', ћ: 'c', џ: 'dz', "'": '', '’': '', 'ʼ': '',
};

/** Letters written differently at the start of a word (or after a vowel) in some systems. */
interface Scheme {
  table: Table;
  initial?: Table;
  /** Between two vowels (German/French double the s so it stays voiceless). */
  intervocalic?: Table;
  /** Replacements on the finished Latin word, e.g. -iy → -i. */
  finals?: Array<[RegExp, string]>;
}

const VOWELS = new Set([...'аеёєиіїоуыэюяў']);

function scheme(base: Table, over: Table, extra: Omit<Scheme, 'table'> = {}): Scheme {
  return { table: { ...base, ...over }, ...extra };
}

const BY_LANG: Record<CyrillicLang, Record<CyrillicScheme, Scheme>> = {
  uk: {
    icao: scheme(ICAO, {}),
    national: scheme(ICAO, { г: 'h', и: 'y', є: 'ie', ї: 'i', й: 'i', ю: 'iu', я: 'ia' }, {
      initial: { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
      finals: [[/zgh/g, 'zgh']],
    }),
    german: scheme(ICAO, { в: 'w', г: 'h', ж: 'sch', з: 's', и: 'y', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', є: 'je', ї: 'ji' }, {
      intervocalic: { с: 'ss' },
    }),
    french: scheme(ICAO, { г: 'h', ж: 'j', и: 'y', й: 'ï', х: 'kh', ч: 'tch', ш: 'ch', щ: 'chtch', у: 'ou', ю: 'iou', я: 'ia', є: 'ie', ї: 'ï' }, {
      initial: { ю: 'you', я: 'ya', й: 'y' },
      intervocalic: { с: 'ss' },
      finals: [[/iï$/, 'i']],
    }),
    scholarly: scheme(ICAO, { г: 'h', ж: 'ž', и: 'y', й: 'j', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ю: 'ju', я: 'ja', є: 'je', ї: 'ji' }),
    english: scheme(ICAO, { г: 'h', и: 'y', й: 'y', ю: 'yu', я: 'ya', є: 'ye', ї: 'yi' }),
    polish: scheme(ICAO, { в: 'w', г: 'h', ж: 'ż', и: 'y', й: 'j', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', ю: 'ju', я: 'ja', є: 'je', ї: 'ji', л: 'ł' }),
  },
  ru: {
    icao: scheme(ICAO, {}),
    // Russian passports before 2010: the MVD's English-leaning system.
    national: scheme(ICAO, { й: 'y', ю: 'yu', я: 'ya', ъ: '', ё: 'e' }, { finals: [[/iy$/, 'iy']] }),
    german: scheme(ICAO, { в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ю: 'ju', я: 'ja', ё: 'jo', ъ: '' }, {
      initial: { е: 'je' },
      intervocalic: { с: 'ss' },
      finals: [[/ij$/, 'i']],
    }),
    french: scheme(ICAO, { ж: 'j', й: 'ï', х: 'kh', ч: 'tch', ш: 'ch', щ: 'chtch', у: 'ou', ю: 'iou', я: 'ia', ё: 'io', ъ: '' }, {
      initial: { ю: 'you', я: 'ia', е: 'ie' },
      intervocalic: { с: 'ss' },
      finals: [[/iï$/, 'i'], [/ï$/, 'ï']],
    }),
    scholarly: scheme(ICAO, { ж: 'ž', й: 'j', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč', ю: 'ju', я: 'ja', ё: 'ë', ъ: '' }),
    english: scheme(ICAO, { й: 'y', ю: 'yu', я: 'ya', ё: 'yo', ъ: '' }, { initial: { е: 'ye' } }),
    polish: scheme(ICAO, { в: 'w', ж: 'ż', й: 'j', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szcz', ю: 'ju', я: 'ja', ё: 'io', ъ: '', л: 'ł' }),
  },
  be: {
    icao: scheme(ICAO, {}),
    national: scheme(ICAO, { г: 'h', ё: 'io', й: 'i', ў: 'u' }),
    german: scheme(ICAO, { в: 'w', г: 'h', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', ю: 'ju', я: 'ja', ё: 'jo', ў: 'w' }),
    french: scheme(ICAO, { г: 'h', ж: 'j', й: 'ï', х: 'kh', ч: 'tch', ш: 'ch', у: 'ou', ю: 'iou', я: 'ia', ё: 'io', ў: 'ou' }),
    scholarly: scheme(ICAO, { г: 'h', ж: 'ž', й: 'j', х: 'ch', ц: 'c', ч: 'č', ш: 'š', ю: 'ju', я: 'ja', ё: 'jo', ў: 'ŭ' }),
    english: scheme(ICAO, { г: 'h', й: 'y', ю: 'yu', я: 'ya', ё: 'yo', ў: 'w' }),
    polish: scheme(ICAO, { в: 'w', г: 'h', ж: 'ż', й: 'j', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', ю: 'ju', я: 'ja', ё: 'jo', ў: 'ł', л: 'ł' }),
  },
  bg: {
    icao: scheme(ICAO, {}),
    // Bulgaria's Streamlined System (2009), used in Bulgarian passports.
    national: scheme(ICAO, { х: 'h', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya', й: 'y' }, { finals: [[/iya$/, 'ia']] }),
    german: scheme(ICAO, { в: 'w', ж: 'sch', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'scht', ъ: 'a', ю: 'ju', я: 'ja' }),
    french: scheme(ICAO, { ж: 'j', й: 'ï', х: 'kh', ч: 'tch', ш: 'ch', щ: 'cht', ъ: 'a', у: 'ou', ю: 'iou', я: 'ia' }),
    scholarly: scheme(ICAO, { ж: 'ž', й: 'j', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'št', ъ: 'ă', ю: 'ju', я: 'ja' }),
    english: scheme(ICAO, { х: 'h', щ: 'sht', ъ: 'u', й: 'y', ю: 'yu', я: 'ya' }),
    polish: scheme(ICAO, { в: 'w', ж: 'ż', й: 'j', х: 'ch', ц: 'c', ч: 'cz', ш: 'sz', щ: 'szt', ъ: 'y', ю: 'ju', я: 'ja' }),
  },
  sr: {
    // Serbian MRZ writes Gaj's Latin without diacritics, Đ as DJ.
    icao: scheme(ICAO, { ђ: 'dj', ћ: 'c', ч: 'c', ш: 's', ж: 'z', џ: 'dz', х: 'h', ц: 'c' }),
    national: scheme(ICAO, { ђ: 'đ', ћ: 'ć', ч: 'č', ш: 'š', ж: 'ž', џ: 'dž', х: 'h', ц: 'c' }),
    german: scheme(ICAO, { в: 'w', ђ: 'dj', ћ: 'tsch', ч: 'tsch', ш: 'sch', ж: 'sch', џ: 'dsch', х: 'ch', ц: 'z', з: 's', ј: 'j' }, { finals: [[/ić$/, 'itsch'], [/ic$/, 'itsch']] }),
    french: scheme(ICAO, { ђ: 'dj', ћ: 'tch', ч: 'tch', ш: 'ch', ж: 'j', џ: 'dj', х: 'kh', ц: 'ts', у: 'ou', ј: 'y' }),
    scholarly: scheme(ICAO, { ђ: 'đ', ћ: 'ć', ч: 'č', ш: 'š', ж: 'ž', џ: 'dž', х: 'h', ц: 'c' }),
    english: scheme(ICAO, { ђ: 'dj', ћ: 'ch', ч: 'ch', ш: 'sh', ж: 'zh', џ: 'dzh', х: 'h', ц: 'ts', ј: 'y' }, { finals: [[/ich$/, 'ich']] }),
    polish: scheme(ICAO, { в: 'w', ђ: 'dź', ћ: 'ć', ч: 'cz', ш: 'sz', ж: 'ż', џ: 'dż', х: 'ch', ц: 'c', ј: 'j' }),
  },
};

export function transliterateCyrillic(text: string, lang: CyrillicLang, schemeName: CyrillicScheme): string {
  const s = BY_LANG[lang][schemeName];
  return mapWords(text, (word) => {
    const chars = [...word];
    let out = '';
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const prev = chars[i - 1];
      const next = chars[i + 1];
      const atStart = i === 0 || (prev !== undefined && VOWELS.has(prev) && s.initial !== undefined && 'єїйюяе'.includes(ch) && schemeName !== 'national');
      let mapped: string | undefined;
      if (atStart && s.initial && i === 0) mapped = s.initial[ch];
      if (mapped === undefined && s.intervocalic && prev && next && VOWELS.has(prev) && VOWELS.has(next)) mapped = s.intervocalic[ch];
      if (mapped === undefined && ch === 'л' && s.table['л'] === 'ł' && next && 'ьяюеёєіи'.includes(next)) mapped = 'l';
      if (mapped === undefined) mapped = s.table[ch] ?? ch;
      out += mapped;
    }
    for (const [re, rep] of s.finals ?? []) out = out.replace(re, rep);
    return out;
  });
}
