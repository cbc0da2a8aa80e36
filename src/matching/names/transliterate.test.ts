import { describe, expect, it } from 'vitest';
import { foldLatin } from './fold.ts';
import { nameKey } from './keys.ts';
import { latinForms, MAX_LATIN_FORMS } from './transliterate.ts';

const keysOf = (s: string) => latinForms(s).map((f) => f.split(' ').map(nameKey).join(' '));

describe('latinForms — Cyrillic', () => {
  it('renders ШЕВЧЕНКО in the ICAO, German, French, Serbian and Polish spellings, all with one key', () => {
    const forms = latinForms('ШЕВЧЕНКО');
    expect(forms[0]).toBe('SHEVCHENKO');
    expect(forms).toEqual(expect.arrayContaining(['SHEVCHENKO', 'SCHEWTSCHENKO', 'CHEVTCHENKO', 'SEVCENKO', 'SZEWCZENKO']));
    for (const f of forms) expect(nameKey(f)).toBe(nameKey('SHEVCHENKO'));
  });

  it('renders ОЛЕКСАНДР as OLEKSANDR and OLEXANDR, all with the key of both', () => {
    const forms = latinForms('Олександр');
    expect(forms[0]).toBe('OLEKSANDR');
    expect(forms).toContain('OLEXANDR');
    for (const f of forms) {
      expect(nameKey(f)).toBe(nameKey('OLEKSANDR'));
      expect(nameKey(f)).toBe(nameKey('OLEXANDR'));
    }
  });

  it('uses the Ukrainian national table (KMU 2010) for Ukrainian names', () => {
    expect(latinForms('Зеленський Володимир')).toContain('ZELENSKYI VOLODYMYR');
    expect(latinForms('Тимошенко Юлія')).toContain('TYMOSHENKO YULIIA');
    expect(latinForms('Кличко Віталій')).toContain('KLYCHKO VITALII');
    expect(latinForms('Згурський')).toContain('ZGHURSKYI');
    expect(latinForms('Ігор')).toEqual(['IGOR', 'IHOR']);
    expect(latinForms('Єременко')).toContain('YEREMENKO');
    expect(latinForms('Юрій')).toEqual(expect.arrayContaining(['IURII', 'YURII']));
    // National table right after ICAO when the name has a Ukrainian letter.
    expect(latinForms('Григорій').slice(0, 2)).toEqual(['GRIGORII', 'HRYHORII']);
  });

  it('gives the Russian passport, BGN and German/French spellings of Russian names', () => {
    const tchaikovsky = latinForms('Пётр Ильич Чайковский');
    expect(tchaikovsky[0]).toBe('PETR ILICH CHAIKOVSKII');
    expect(tchaikovsky).toContain('PJOTR ILITSCH TSCHAJKOWSKI');
    expect(tchaikovsky).toContain('PIOTR ILITCH TCHAIKOVSKI');
    expect(latinForms('Хрущёв')).toEqual(expect.arrayContaining(['KHRUSHCHEV', 'CHRUSCHTSCHJOW', 'KHROUCHTCHIOV']));
    expect(latinForms('Елена')).toEqual(['ELENA', 'JELENA', 'YELENA']);
    expect(latinForms('Сергей')).toContain('SERGEY');
    expect(latinForms('Наталья')).toEqual(expect.arrayContaining(['NATALIA', 'NATALYA']));
  });

  it('uses the Bulgarian streamlined system (Щ → SHT, Ъ → A)', () => {
    expect(latinForms('Петър')).toContain('PETAR');
    expect(latinForms('Щерев')).toContain('SHTEREV');
    expect(latinForms('Христо Стоичков')).toContain('HRISTO STOICHKOV');
  });

  it('uses Serbian Latin (gajica) without diacritics', () => {
    expect(latinForms('Новак Ђоковић')).toContain('NOVAK DJOKOVIC');
    expect(latinForms('Слободан Милошевић')).toContain('SLOBODAN MILOSEVIC');
    expect(latinForms('Џеко')).toEqual(['DZEKO']);
    expect(latinForms('Љубиша')).toContain('LJUBISA');
    expect(latinForms('Његош')).toContain('NJEGOS');
  });

  it('gives one key for the spellings of a Slavic surname', () => {
    for (const name of ['Кличко', 'Ковальчук', 'Щербаков', 'Горбачёв', 'Хрущёв']) {
      const keys = new Set(keysOf(name).slice(0, 5));
      expect(keys.size, `${name}: ${latinForms(name).join(', ')}`).toBe(1);
    }
  });

  it('treats a Latin look-alike inside a Cyrillic name like the Cyrillic letter', () => {
    expect(latinForms('ШEВЧЕНКО')[0]).toBe('SHEVCHENKO');
  });

  it('accepts lower case and decomposed input', () => {
    expect(latinForms('шевченко')).toEqual(latinForms('ШЕВЧЕНКО'));
    expect(latinForms('Андрии\u0306')).toEqual(latinForms('Андрий'));
  });
});

describe('latinForms — Greek', () => {
  it('renders by ELOT 743 first, then common variants', () => {
    expect(latinForms('ΓΕΩΡΓΙΟΣ ΠΑΠΑΔΟΠΟΥΛΟΣ')[0]).toBe('GEORGIOS PAPADOPOULOS');
    expect(latinForms('Γεώργιος Παπαδόπουλος')[0]).toBe('GEORGIOS PAPADOPOULOS');
    expect(latinForms('Ευάγγελος Βενιζέλος')[0]).toBe('EVANGELOS VENIZELOS');
    expect(latinForms('Αλέξης Τσίπρας')[0]).toBe('ALEXIS TSIPRAS');
    expect(latinForms('Κυριάκος Μητσοτάκης')[0]).toBe('KYRIAKOS MITSOTAKIS');
    expect(latinForms('Γιάννης Αντετοκούνμπο')[0]).toBe('GIANNIS ANTETOKOUNMPO');
    expect(latinForms('Ευθύμιος')[0]).toBe('EFTHYMIOS');
  });

  it('gives the letter-level variants found in foreign registers', () => {
    expect(latinForms('Γιάννης')).toEqual(expect.arrayContaining(['GIANNIS', 'YIANNIS']));
    expect(latinForms('Χρήστος')).toEqual(expect.arrayContaining(['CHRISTOS', 'HRISTOS', 'KHRISTOS']));
    expect(latinForms('Φίλιππος')).toEqual(expect.arrayContaining(['FILIPPOS', 'PHILIPPOS']));
    expect(latinForms('Ξενοφών')).toEqual(expect.arrayContaining(['XENOFON', 'KSENOFON']));
    expect(latinForms('Παπαδόπουλος')).toContain('PAPADOPULOS');
    expect(latinForms('Μπακογιάννη')[0]).toBe('BAKOGIANNI');
  });

  it('keeps a dialytika vowel apart (Ραΐσα is RAISA, not RESA)', () => {
    expect(latinForms('Ραΐσα')).toEqual(['RAISA']);
  });

  it('gives one key for the modern spellings of Greek names', () => {
    expect(new Set(keysOf('Γιάννης')).size).toBe(1);
    expect(new Set(keysOf('Παπαδόπουλος')).size).toBe(1);
    // The classical Η → E (CHRESTOS) is a different vowel; the others agree.
    const christos = latinForms('Χρήστος').filter((f) => f !== 'CHRESTOS');
    expect(new Set(christos.map(nameKey)).size).toBe(1);
  });
});

describe('latinForms — Arabic', () => {
  it('gives the usual spellings of frequent names', () => {
    expect(latinForms('محمد')).toEqual(['MUHAMMAD', 'MOHAMMED', 'MOHAMED', 'MOHAMMAD', 'MUHAMMED', 'MOHAMAD']);
    expect(latinForms('مُحَمَّد')).toEqual(latinForms('محمد'));
    expect(latinForms('ﻣﺤﻤﺪ')).toEqual(latinForms('محمد'));
    expect(latinForms('عبد الله')).toEqual(expect.arrayContaining(['ABDULLAH', 'ABDALLAH', 'ABD ALLAH']));
    expect(latinForms('عبدالله')).toEqual(latinForms('عبد الله'));
    expect(latinForms('خالد')).toEqual(['KHALED', 'KHALID']);
    expect(latinForms('فاطمة')).toContain('FATIMA');
  });

  it('writes the article AL/EL joined or apart, assimilated before sun letters', () => {
    const forms = latinForms('خالد الرشيد');
    expect(forms[0]).toBe('KHALED AL RASHID');
    expect(forms).toContain('KHALID ALRASHID');
    expect(forms).toContain('KHALID EL RASHID');
    expect(forms).toContain('KHALID AR RASHID');
    expect(latinForms('عبد الرحمن')).toEqual(expect.arrayContaining(['ABDULRAHMAN', 'ABD AL RAHMAN', 'ABDURRAHMAN']));
  });

  it('falls back to a consonant skeleton whose key matches the vowelled spelling', () => {
    const [saddam] = latinForms('صدام');
    expect(nameKey(saddam)).toBe(nameKey('SADDAM'));
    const [arafat] = latinForms('عرفات');
    expect(nameKey(arafat)).toBe(nameKey('ARAFAT'));
    const [bashar] = latinForms('بشار');
    expect(bashar).toBe('BASHAR');
  });
});

describe('latinForms — Latin', () => {
  it('is the folded name, plus the ICAO expansion of umlauts, Å and Ø', () => {
    expect(latinForms('Müller')).toEqual(['MULLER', 'MUELLER']);
    expect(latinForms('Mu\u0308ller')).toEqual(['MULLER', 'MUELLER']);
    expect(latinForms('Åsa Øberg')).toEqual(['ASA OBERG', 'AASA OEBERG']);
    expect(latinForms('Jürgen Groß')).toEqual(['JURGEN GROSS', 'JUERGEN GROSS']);
    expect(latinForms("Seán O'Brien")).toEqual(['SEAN OBRIEN']);
    expect(latinForms('Łukasz Żółć')).toEqual(['LUKASZ ZOLC']);
    expect(latinForms('Ayşe Öztürk')).toEqual(['AYSE OZTURK', 'AYSE OEZTUERK']);
  });

  it('is empty for a name without letters or digits', () => {
    expect(latinForms('')).toEqual([]);
    expect(latinForms(' - ')).toEqual([]);
  });

  it('keeps scripts it cannot transliterate as folded text', () => {
    expect(latinForms('李小龙')).toEqual(['李小龙']);
  });
});

describe('latinForms — shape of the result', () => {
  it('returns folded, distinct forms, at most MAX_LATIN_FORMS, and shares the array', () => {
    for (const name of ['Пётр Ильич Чайковский', 'خالد الرشيد', 'Γιάννης Αντετοκούνμπο', 'Müller', 'Юрій', 'Шевченко Ђоковић Γιάννης محمد']) {
      const forms = latinForms(name);
      expect(forms.length).toBeGreaterThan(0);
      expect(forms.length).toBeLessThanOrEqual(MAX_LATIN_FORMS);
      expect(new Set(forms).size).toBe(forms.length);
      for (const f of forms) {
        expect(foldLatin(f)).toBe(f);
        expect(f).toMatch(/^[A-Z0-9 ]+$/);
      }
      expect(latinForms(name)).toBe(forms);
      expect(Object.isFrozen(forms)).toBe(true);
    }
  });
});
