import { describe, expect, it } from 'vitest';
import { Rng } from '../prng.ts';
import { CYRILLIC_SCHEMES, transliterateCyrillic } from './cyrillic.ts';
import { feminineFamily, patronymic } from './feminine.ts';
import { transliterateGreek } from './greek.ts';
import { mrzStyle, respellArabic, respellArticle, stripDiacritics } from './latin.ts';
import { nameGroup, parseNameList } from './name-lists.ts';
import { typo } from './typo.ts';

describe('Cyrillic as clerks of different countries write it', () => {
  it('writes ШЕВЧЕНКО in the passport, German, French and scholarly ways', () => {
    expect(transliterateCyrillic('ШЕВЧЕНКО', 'uk', 'icao')).toBe('SHEVCHENKO');
    expect(transliterateCyrillic('ШЕВЧЕНКО', 'uk', 'german')).toBe('SCHEWTSCHENKO');
    expect(transliterateCyrillic('ШЕВЧЕНКО', 'uk', 'french')).toBe('CHEVTCHENKO');
    expect(transliterateCyrillic('ШЕВЧЕНКО', 'uk', 'scholarly')).toBe('ŠEVČENKO');
    expect(stripDiacritics(transliterateCyrillic('ШЕВЧЕНКО', 'uk', 'scholarly'))).toBe('SEVCENKO');
    expect(transliterateCyrillic('Шевченко', 'uk', 'polish')).toBe('Szewczenko');
  });

  it('follows the Ukrainian national system for word-initial letters and г', () => {
    expect(transliterateCyrillic('Юрій Григорій Єременко', 'uk', 'national')).toBe('Yurii Hryhorii Yeremenko');
    expect(transliterateCyrillic('Юрій', 'uk', 'icao')).toBe('Iurii');
  });

  it('writes Russian, Belarusian, Bulgarian and Serbian names', () => {
    expect(transliterateCyrillic('Дмитрий', 'ru', 'german')).toBe('Dmitri');
    expect(transliterateCyrillic('Лукашенко', 'ru', 'polish')).toBe('Łukaszenko');
    expect(transliterateCyrillic('Соловьёв', 'ru', 'english')).toBe('Solovyov');
    expect(transliterateCyrillic('Сяргей', 'be', 'national')).toBe('Siarhei');
    expect(transliterateCyrillic('Христо Димитър', 'bg', 'national')).toBe('Hristo Dimitar');
    expect(transliterateCyrillic('Ђорђевић', 'sr', 'national')).toBe('Đorđević');
    expect(transliterateCyrillic('Ђорђевић', 'sr', 'icao')).toBe('Djordjevic');
  });

  it('keeps non-Cyrillic text and empty input as they are', () => {
    for (const s of CYRILLIC_SCHEMES) {
      expect(transliterateCyrillic('', 'uk', s)).toBe('');
      expect(transliterateCyrillic('Smith-Jones 12', 'ru', s)).toBe('Smith-Jones 12');
    }
  });
});

describe('Greek', () => {
  it('writes one name the ELOT, phonetic, classical and German ways', () => {
    expect(transliterateGreek('Γιάννης', 'elot')).toBe('Giannis');
    expect(transliterateGreek('Γιάννης', 'phonetic')).toBe('Yannis');
    expect(transliterateGreek('Γιάννης', 'german')).toBe('Jannis');
    expect(transliterateGreek('Χρήστος', 'phonetic')).toBe('Hristos');
    expect(transliterateGreek('Φώτιος', 'classical')).toBe('Photios');
    expect(transliterateGreek('ΠΑΠΑΔΟΠΟΥΛΟΣ', 'elot')).toBe('PAPADOPOULOS');
    expect(transliterateGreek('Ευάγγελος', 'elot')).toBe('Evangelos');
    expect(transliterateGreek('Παπαϊωάννου', 'elot')).toBe('Papaioannou');
  });
});

describe('Latin variation', () => {
  it('drops diacritics or expands them MRZ-style', () => {
    expect(stripDiacritics('Müller Łukasz Ørsted Ţepeş Čapek Weiß')).toBe('Muller Lukasz Orsted Tepes Capek Weiss');
    expect(mrzStyle('Müller Ørsted Åberg')).toBe('Mueller Oersted Aaberg');
    expect(mrzStyle('MÜLLER')).toBe('MUELLER');
  });

  it('re-spells Arabic names as German, French and English clerks hear them', () => {
    expect(respellArabic('Youssef', 'german')).toBe('Jussef');
    expect(respellArabic('Djamel', 'german')).toBe('Dschamel');
    expect(respellArabic('Walid', 'french')).toBe('Oualid');
    expect(respellArabic('Shaima', 'french')).toBe('Chaima');
    expect(respellArabic('Djamel', 'english')).toBe('Jamel');
    expect([0, 1, 2, 3, 4].map((f) => respellArticle('Al-Hassan', f))).toEqual(['Al-Hassan', 'Al Hassan', 'Alhassan', 'El Hassan', 'Hassan']);
  });
});

describe('feminine family names and patronymics', () => {
  it('inflects as each language does', () => {
    expect(feminineFamily('Kowalski', 'polish')).toBe('Kowalska');
    expect(feminineFamily('Novák', 'czech')).toBe('Nováková');
    expect(feminineFamily('Novotný', 'czech')).toBe('Novotná');
    expect(feminineFamily('Sedláček', 'czech')).toBe('Sedláčková');
    expect(feminineFamily('Němec', 'czech')).toBe('Němcová');
    expect(feminineFamily('Иванов', 'east_slavic')).toBe('Иванова');
    expect(feminineFamily('Шевченко', 'east_slavic')).toBe('Шевченко');
    expect(feminineFamily('Вишневський', 'east_slavic')).toBe('Вишневська');
    expect(feminineFamily('Παπαδόπουλος', 'greek')).toBe('Παπαδοπούλου');
    expect(feminineFamily('Γεωργιάδης', 'greek')).toBe('Γεωργιάδου');
    expect(feminineFamily('Kazlauskas', 'lithuanian')).toBe('Kazlauskienė');
    expect(feminineFamily('Bērziņš', 'latvian')).toBe('Bērziņa');
    expect(feminineFamily('Іваноў', 'belarusian')).toBe('Іванова');
  });

  it('derives patronymics from the father’s name', () => {
    expect(patronymic('Петро', 'uk', false)).toBe('Петрович');
    expect(patronymic('Петро', 'uk', true)).toBe('Петрівна');
    expect(patronymic('Андрій', 'uk', false)).toBe('Андрійович');
    expect(patronymic('Сергей', 'ru', true)).toBe('Сергеевна');
    expect(patronymic('Юрий', 'ru', false)).toBe('Юрьевич');
  });
});

describe('typos', () => {
  it('always changes a word of two or more letters, by one keying error', () => {
    const rng = new Rng(3);
    for (const kind of ['insert', 'delete', 'substitute', 'transpose'] as const) {
      for (const w of ['Müller', 'Шевченко', 'محمد', 'Jo', 'Papadopoulos']) {
        const t = typo(rng, w, kind);
        expect(t, `${kind} ${w}`).not.toBe(w);
        expect(Math.abs([...t].length - [...w].length)).toBeLessThanOrEqual(1);
      }
    }
    expect(typo(rng, 'A')).toBe('A');
  });
});

describe('name lists', () => {
  it('loads every list with all three sections and Latin spellings for Arabic script', () => {
    for (const g of ['german', 'ukrainian', 'greek', 'arabic-maghreb', 'dari', 'turkish']) {
      const list = nameGroup(g);
      expect(list.male.items.length).toBeGreaterThan(25);
      expect(list.female.items.length).toBeGreaterThan(20);
      expect(list.family.items.length).toBeGreaterThan(30);
    }
    for (const e of nameGroup('arabic-mashriq').family.items) expect(e.spellings?.length).toBeGreaterThan(0);
  });

  it('reports malformed lines with their line numbers', () => {
    const r = parseNameList('Anna\n[m]\nJan, , =X, Piet\n[x]\nKees');
    expect(r.sections.m.map((e) => e.text)).toEqual(['Jan', 'Piet']);
    expect(r.errors).toEqual([
      'line 1: names before any [m]/[f]/[family] header',
      'line 3: malformed entry "=X"',
      'line 4: unknown section [x]; expected [m], [f] or [family]',
      'line 5: names before any [m]/[f]/[family] header',
    ]);
  });

  it('never throws on garbage (fuzz)', () => {
    const rng = new Rng(11);
    const alphabet = 'ab[]=/,#\n mf\u0000家ж';
    for (let i = 0; i < 500; i++) {
      const text = rng.chars(alphabet, rng.int(80));
      const r = parseNameList(text);
      expect(Array.isArray(r.errors)).toBe(true);
      for (const list of Object.values(r.sections)) for (const e of list) expect(e.text).not.toBe('');
    }
  });
});
