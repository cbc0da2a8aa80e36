import { describe, expect, it } from 'vitest';
import { foldLatin } from './fold.ts';

describe('foldLatin', () => {
  it.each([
    ['Müller', 'MULLER'],
    ['François Hollande', 'FRANCOIS HOLLANDE'],
    ['José María García-López', 'JOSE MARIA GARCIA LOPEZ'],
    ['Straße', 'STRASSE'],
    ['GROẞ', 'GROSS'],
    ['Łukasz Żółć', 'LUKASZ ZOLC'],
    ['Søren Kierkegaard', 'SOREN KIERKEGAARD'],
    ['Æsa Ærø', 'AESA AERO'],
    ['Œuvray', 'OEUVRAY'],
    ['Đorđe', 'DORDE'],
    ['Þórður Guðmundsson', 'THORDUR GUDMUNDSSON'],
    ['İbrahim Yılmaz', 'IBRAHIM YILMAZ'],
    ['Şükrü Çağlar Öztürk', 'SUKRU CAGLAR OZTURK'],
    ['Nguyễn Văn Thắng', 'NGUYEN VAN THANG'],
    ['Dvořák Šťastný', 'DVORAK STASTNY'],
    ["O'Brien", 'OBRIEN'],
    ['O’Neill', 'ONEILL'],
    ["D'Angelo", 'DANGELO'],
    ['  van  der   Berg  ', 'VAN DER BERG'],
    ['SHEVCHENKO<<OLEKSANDR<<<<<', 'SHEVCHENKO OLEKSANDR'],
    ['J.-P. Sartre', 'J P SARTRE'],
    ['ﬁnn Ａｂｃ１２', 'FINN ABC12'],
    ['Ahmed (Ali)', 'AHMED ALI'],
    ['', ''],
    ['---', ''],
    ['ABC DEF', 'ABC DEF'],
  ])('%j → %j', (input, expected) => {
    expect(foldLatin(input)).toBe(expected);
  });

  it('treats decomposed input like precomposed input', () => {
    expect(foldLatin('Mu\u0308ller')).toBe('MULLER');
    expect(foldLatin('Jose\u0301')).toBe('JOSE');
  });

  it('keeps Cyrillic, Greek and Arabic letters, upper-cased, for transliteration', () => {
    expect(foldLatin('Шевченко Олександр')).toBe('ШЕВЧЕНКО ОЛЕКСАНДР');
    expect(foldLatin('Юрій')).toBe('ЮРІЙ');
    // Й, Ё, Ї are letters of their own, not И/Е/І with an accent.
    expect(foldLatin('Андрій Соловйов Пётр Їжак')).toBe('АНДРІЙ СОЛОВЙОВ ПЁТР ЇЖАК');
    expect(foldLatin('И\u0306')).toBe('Й');
    expect(foldLatin('Γεώργιος Παπαδόπουλος')).toBe('ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ');
    expect(foldLatin('Ευάγγελος')).toBe('ΕΥΑΓΓΕΛΟΣ');
    expect(foldLatin('Προβατάς')).toBe('ΠΡΟΒΑΤΑΣ');
    // Harakat and tatweel off; direction marks are invisible.
    expect(foldLatin('مُحَمَّد')).toBe('محمد');
    expect(foldLatin('\u200fعلـــي\u200e')).toBe('علي');
  });

  it('keeps the dialytika of Greek (it stops ΑΙ from reading as one vowel)', () => {
    expect(foldLatin('Ραΐσα')).toBe('ΡΑΪΣΑ');
  });

  it('turns digits of other scripts into ASCII digits', () => {
    expect(foldLatin('١٩٨٥')).toBe('1985');
  });

  it('is idempotent', () => {
    for (const s of ['Müller-Lüdenscheidt', 'Шевченко', "O'Brien", 'Ραΐσα', 'ABC', '😀 x']) {
      expect(foldLatin(foldLatin(s))).toBe(foldLatin(s));
    }
  });

  it('treats emoji and lone surrogates as separators', () => {
    expect(foldLatin('Anna😀Maria')).toBe('ANNA MARIA');
    expect(foldLatin('A\ud800B\udc00C')).toBe('A B C');
  });
});
