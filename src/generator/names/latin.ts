// Latin-script variation: what happens to diacritics when a name passes
// through a keyboard without them (dropped: Müller → Muller) or through an
// MRZ following ICAO 9303's expansions (Müller → Mueller, Ørsted → Oersted).
// Also Arabic-name spelling habits of German, French and English clerks.
import { mapWords } from './word-case.ts';

const SPECIAL_STRIP: Record<string, string> = {
  ß: 'ss', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H',
};

/** Drops every diacritic the way a plain keyboard or a careless import does. */
export function stripDiacritics(s: string): string {
  return s
    .replace(/[ßøØłŁđĐæÆœŒıþÞðÐħĦ]/g, (c) => SPECIAL_STRIP[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

const MRZ_EXPAND: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', å: 'aa', ø: 'oe', æ: 'ae', ß: 'ss', þ: 'th', œ: 'oe', ĳ: 'ij' };

/** ICAO 9303 style: umlauts and Nordic letters expanded, other marks dropped. */
export function mrzStyle(s: string): string {
  return stripDiacritics(
    mapWords(s, (w) => w.replace(/[äöüåøæßþœĳ]/g, (c) => MRZ_EXPAND[c] ?? c)),
  );
}

export function hasDiacritics(s: string): boolean {
  return stripDiacritics(s) !== s;
}

export const ARABIC_SPELLING_HABITS = ['german', 'french', 'english'] as const;
export type ArabicSpellingHabit = (typeof ARABIC_SPELLING_HABITS)[number];

/**
 * Re-spells a Latin rendering of an Arabic or Dari name the way a clerk of
 * another language hears it (Youssef → Jussuf, Shaima → Chaima, Walid → Oualid).
 */
export function respellArabic(latin: string, habit: ArabicSpellingHabit): string {
  return mapWords(latin, (w) => {
    switch (habit) {
      case 'german':
        return w
          .replace(/ou/g, 'u')
          .replace(/sh|ch/g, 'sch')
          .replace(/dj|j/g, 'dsch')
          .replace(/kh/g, 'ch')
          .replace(/^y/, 'j')
          .replace(/([aeiou])y([aeiou])/g, '$1j$2')
          .replace(/ee/g, 'i')
          .replace(/oo/g, 'u')
          .replace(/q/g, 'k');
      case 'french':
        return w
          .replace(/sh/g, 'ch')
          .replace(/oo/g, 'ou')
          .replace(/ee/g, 'i')
          .replace(/(^|[^o])u/g, '$1ou')
          .replace(/^w/, 'ou')
          .replace(/q/g, 'k');
      case 'english':
        return w
          .replace(/ou/g, 'u')
          .replace(/dj/g, 'j')
          .replace(/ch/g, 'sh')
          .replace(/[éèë]/g, 'e')
          .replace(/ï/g, 'i');
    }
  });
}

/** Ways the Arabic article is written: Al-Hassan, Al Hassan, Alhassan, El Hassan, Hassan. */
export function respellArticle(latin: string, form: number): string {
  const m = /^(al|el)[- ]?(.+)$/i.exec(latin);
  if (!m) return latin;
  const rest = m[2];
  switch (form % 5) {
    case 0: return `Al-${rest}`;
    case 1: return `Al ${rest}`;
    case 2: return `Al${rest.toLowerCase()}`;
    case 3: return `El ${rest}`;
    default: return rest;
  }
}
