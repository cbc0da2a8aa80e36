// A small multilingual test population with ground truth, until the project
// generator (src/generator) is available: Ukrainian/Russian, Greek, Arabic
// and Latin-script European persons, each name with the Latin spellings
// that real documents and foreign registers use (written out by hand here,
// not produced by our transliterator, so the test is not circular).
// Duplicates are written in another script or spelling and carry the
// errors registries make: swapped name order, partial dates, day and month
// swapped, 1 January placeholders, typos, missing fields.
import type { MatchRecord } from '../src/domain/match-record.ts';
import { seededRandom } from '../src/matching/model/random.ts';

/** A name as written natively (null for Latin-script cultures) and its Latin spellings. */
type Name = [native: string | null, latin: string[]];

interface Culture {
  nationality: string[];
  surnames: Name[];
  male: Name[];
  female: Name[];
}

const UKRAINIAN_RUSSIAN: Culture = {
  nationality: ['UKR', 'UKR', 'RUS', 'MDA'],
  surnames: [
    ['Шевченко', ['Shevchenko', 'Schewtschenko', 'Chevtchenko', 'Sevcenko', 'Szewczenko']],
    ['Коваленко', ['Kovalenko', 'Kowalenko']], ['Бондаренко', ['Bondarenko']],
    ['Ткаченко', ['Tkachenko', 'Tkatschenko', 'Tkacenko']], ['Кравченко', ['Kravchenko', 'Krawtschenko']],
    ['Олійник', ['Oliinyk', 'Oliynyk', 'Olijnyk']], ['Мельник', ['Melnyk', 'Melnik']],
    ['Петров', ['Petrov', 'Petrow', 'Petroff']], ['Смирнов', ['Smirnov', 'Smirnow']],
    ['Иванов', ['Ivanov', 'Iwanow', 'Ivanoff']], ['Кузнецов', ['Kuznetsov', 'Kusnezow', 'Kouznetsov']],
    ['Соколов', ['Sokolov', 'Sokolow']], ['Попов', ['Popov', 'Popow']], ['Лебедев', ['Lebedev', 'Lebedew']],
    ['Козлов', ['Kozlov', 'Koslow']], ['Новиков', ['Novikov', 'Nowikow']], ['Морозов', ['Morozov', 'Morosow']],
    ['Волков', ['Volkov', 'Wolkow']], ['Зайцев', ['Zaitsev', 'Saizew', 'Zaytsev']], ['Павлов', ['Pavlov', 'Pawlow']],
    ['Федоров', ['Fedorov', 'Fjodorow', 'Fiodorov']], ['Михайлов', ['Mikhailov', 'Michailow', 'Mihailov']],
    ['Захарченко', ['Zakharchenko', 'Sachartschenko']], ['Шевчук', ['Shevchuk', 'Schewtschuk']],
    ['Бойко', ['Boiko', 'Boyko', 'Bojko']], ['Руденко', ['Rudenko']], ['Савченко', ['Savchenko', 'Sawtschenko']],
    ['Лисенко', ['Lysenko', 'Lissenko']], ['Марченко', ['Marchenko', 'Martschenko']], ['Мороз', ['Moroz', 'Moros']],
    ['Гончаренко', ['Honcharenko', 'Goncharenko', 'Hontscharenko']], ['Литвиненко', ['Lytvynenko', 'Litvinenko', 'Litwinenko']],
    ['Яковенко', ['Yakovenko', 'Iakovenko', 'Jakowenko']], ['Кириленко', ['Kyrylenko', 'Kirilenko']],
  ],
  male: [
    ['Олександр', ['Oleksandr', 'Alexander', 'Aleksandr', 'Olexandr']], ['Сергій', ['Serhii', 'Serhiy', 'Sergei', 'Sergej']],
    ['Андрій', ['Andrii', 'Andriy', 'Andrej', 'Andrei']], ['Дмитро', ['Dmytro', 'Dmitri', 'Dmitrij']],
    ['Володимир', ['Volodymyr', 'Wolodymyr', 'Vladimir']], ['Микола', ['Mykola', 'Nikolai']], ['Іван', ['Ivan', 'Iwan']],
    ['Юрій', ['Yurii', 'Yuriy', 'Jurij', 'Iurii']], ['Олег', ['Oleh', 'Oleg']], ['Михайло', ['Mykhailo', 'Mychajlo', 'Mikhail']],
    ['Віктор', ['Viktor', 'Victor']], ['Петро', ['Petro', 'Pjotr', 'Petr']], ['Богдан', ['Bohdan', 'Bogdan']],
    ['Тарас', ['Taras']], ['Євген', ['Yevhen', 'Ievgen', 'Evgeni', 'Jewgeni']],
  ],
  female: [
    ['Олена', ['Olena', 'Elena', 'Jelena']], ['Наталія', ['Nataliia', 'Natalia', 'Natalija']],
    ['Тетяна', ['Tetiana', 'Tetyana', 'Tatiana', 'Tatjana']], ['Ірина', ['Iryna', 'Irina']],
    ['Світлана', ['Svitlana', 'Swetlana', 'Svetlana']], ['Оксана', ['Oksana']], ['Юлія', ['Yuliia', 'Yulia', 'Julia', 'Julija']],
    ['Марія', ['Mariia', 'Maria', 'Marija']], ['Анна', ['Anna', 'Hanna']], ['Катерина', ['Kateryna', 'Ekaterina', 'Katerina']],
    ['Людмила', ['Liudmyla', 'Lyudmila', 'Ljudmila']], ['Галина', ['Halyna', 'Galina']],
  ],
};

const GREEK: Culture = {
  nationality: ['GRC', 'GRC', 'CYP'],
  surnames: [
    ['Παπαδόπουλος', ['Papadopoulos', 'Papadopulos']], ['Παπαδάκης', ['Papadakis']], ['Γεωργίου', ['Georgiou', 'Yeoryiou']],
    ['Οικονόμου', ['Oikonomou', 'Ikonomou', 'Economou']], ['Νικολάου', ['Nikolaou', 'Nicolaou']],
    ['Βασιλείου', ['Vasileiou', 'Vassiliou', 'Basileiou']], ['Καραγιάννης', ['Karagiannis', 'Karayannis']],
    ['Αθανασίου', ['Athanasiou']], ['Δημητρίου', ['Dimitriou', 'Demetriou']],
    ['Χριστοδούλου', ['Christodoulou', 'Hristodoulou', 'Christodulu']], ['Ιωάννου', ['Ioannou']],
    ['Κωνσταντίνου', ['Konstantinou', 'Constantinou']], ['Μακρής', ['Makris']], ['Αντωνίου', ['Antoniou']],
    ['Παπαγεωργίου', ['Papageorgiou', 'Papayeoryiou']], ['Αλεξίου', ['Alexiou', 'Aleksiou']],
  ],
  male: [
    ['Γιάννης', ['Giannis', 'Yiannis', 'Yannis']], ['Γεώργιος', ['Georgios', 'Yeoryios']],
    ['Κωνσταντίνος', ['Konstantinos', 'Constantinos']], ['Δημήτριος', ['Dimitrios', 'Demetrios']],
    ['Νικόλαος', ['Nikolaos', 'Nicolaos']], ['Χρήστος', ['Christos', 'Hristos']], ['Παναγιώτης', ['Panagiotis', 'Panayiotis']],
  ],
  female: [
    ['Μαρία', ['Maria']], ['Ελένη', ['Eleni', 'Elene']], ['Αικατερίνη', ['Aikaterini', 'Ekaterini']],
    ['Σοφία', ['Sofia', 'Sophia']], ['Βασιλική', ['Vasiliki', 'Vassiliki']], ['Αναστασία', ['Anastasia']],
  ],
};

const ARABIC: Culture = {
  nationality: ['SYR', 'IRQ', 'EGY', 'JOR', 'LBN'],
  surnames: [
    ['عبد الله', ['Abdullah', 'Abdallah', 'Abdulla']], ['حسين', ['Hussein', 'Husain', 'Hussain']],
    ['الحسن', ['Al-Hassan', 'Alhasan', 'El Hassan']], ['إبراهيم', ['Ibrahim', 'Ebrahim']],
    ['الخطيب', ['Al-Khatib', 'Alkhatib', 'El Khatib']], ['منصور', ['Mansour', 'Mansur', 'Mansoor']],
    ['الأحمد', ['Al-Ahmad', 'Alahmad']], ['حداد', ['Haddad']], ['خليل', ['Khalil', 'Khaleel']],
    ['يوسف', ['Youssef', 'Yusuf', 'Yousef']], ['صالح', ['Saleh', 'Salih']], ['عثمان', ['Othman', 'Osman', 'Uthman']],
    ['القاسم', ['Al-Qasim', 'Alkassem', 'Al Kasim']], ['الشامي', ['Al-Shami', 'Alshami', 'El Chami']],
    ['العلي', ['Al-Ali', 'Alali']], ['النجار', ['Al-Najjar', 'Alnajar', 'El Naggar']],
  ],
  male: [
    ['محمد', ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad']], ['أحمد', ['Ahmed', 'Ahmad']], ['علي', ['Ali']],
    ['عمر', ['Omar', 'Umar']], ['خالد', ['Khaled', 'Khalid']], ['حسن', ['Hassan', 'Hasan']], ['مصطفى', ['Mustafa', 'Moustafa', 'Mostafa']],
    ['محمود', ['Mahmoud', 'Mahmud']], ['سامي', ['Sami', 'Samy']], ['كريم', ['Karim', 'Kareem']],
  ],
  female: [
    ['فاطمة', ['Fatima', 'Fatma']], ['عائشة', ['Aisha', 'Aicha', 'Ayesha']], ['مريم', ['Maryam', 'Mariam']],
    ['زينب', ['Zainab', 'Zeinab', 'Zaynab']], ['نور', ['Nour', 'Noor']], ['ليلى', ['Layla', 'Leila', 'Laila']],
    ['سارة', ['Sara', 'Sarah']], ['رنا', ['Rana']],
  ],
};

const EUROPEAN: Culture = {
  nationality: ['DEU', 'POL', 'CZE', 'ESP', 'NLD', 'FRA', 'DNK', 'IRL'],
  surnames: [
    [null, ['Müller', 'Mueller', 'Muller']], [null, ['Nowak']], [null, ['Kowalski']], [null, ['Dvořák', 'Dvorak']],
    [null, ['Horváth', 'Horvath']], [null, ['García López', 'Garcia Lopez']], [null, ['de la Cruz', 'De La Cruz', 'Delacruz']],
    [null, ['van der Berg', 'Van der Berg', 'Vanderberg']], [null, ["O'Brien", 'OBrien', 'O Brien']], [null, ['Jørgensen', 'Jorgensen', 'Joergensen']],
    [null, ['Schröder', 'Schroeder', 'Schroder']], [null, ['Wiśniewski', 'Wisniewski']], [null, ['Fernández', 'Fernandez']],
    [null, ['Lefèvre', 'Lefevre']], [null, ['Janssen']], [null, ['Novák', 'Novak']],
  ],
  male: [
    [null, ['Łukasz', 'Lukasz']], [null, ['Jürgen', 'Juergen', 'Jurgen']], [null, ['José', 'Jose']], [null, ['François', 'Francois']],
    [null, ['Jan']], [null, ['Piotr']], [null, ['Søren', 'Soren', 'Soeren']], [null, ['Seán', 'Sean']], [null, ['Jiří', 'Jiri']],
    [null, ['Jean-Pierre', 'Jean Pierre']],
  ],
  female: [
    [null, ['Zoë', 'Zoe']], [null, ['Małgorzata', 'Malgorzata']], [null, ['María José', 'Maria Jose']], [null, ['Hélène', 'Helene']],
    [null, ['Anna']], [null, ['Agnieszka']], [null, ['Siobhán', 'Siobhan']], [null, ['Kateřina', 'Katerina']],
  ],
};

const CULTURES = [UKRAINIAN_RUSSIAN, UKRAINIAN_RUSSIAN, GREEK, ARABIC, ARABIC, EUROPEAN];

export interface LabelledPopulation {
  records: MatchRecord[];
  /** Person of each record. */
  person: Int32Array;
}

const pad = (n: number) => String(n).padStart(2, '0');

function typo(s: string, rnd: () => number): string {
  if (s.length < 4) return s;
  const i = 1 + Math.floor(rnd() * (s.length - 2));
  return rnd() < 0.5 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

export function multilingualPopulation(persons = 2000, duplicateShare = 0.5, seed = 11): LabelledPopulation {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  /** Some spelling of a name: native script (if any) or one of the Latin spellings, avoiding `not`. */
  const spell = (n: Name, nativeShare: number, not?: string): string => {
    if (n[0] !== null && n[0] !== not && rnd() < nativeShare) return n[0];
    const options = n[1].filter((x) => x !== not);
    if (options.length > 0) return pick(options);
    return n[0] !== null && n[0] !== not ? n[0] : n[1][0];
  };
  const records: MatchRecord[] = [];
  const person: number[] = [];
  interface Truth { culture: Culture; given: Name; family: Name; sex: string; y: number; m: number; d: number; nat: string; doc: string; place: string }
  const truths: Truth[] = [];
  for (let p = 0; p < persons; p++) {
    const culture = pick(CULTURES);
    const sex = rnd() < 0.5 ? 'M' : 'F';
    const t: Truth = {
      culture, sex, given: pick(sex === 'M' ? culture.male : culture.female), family: pick(culture.surnames),
      y: 1950 + Math.floor(rnd() * 56), m: 1 + Math.floor(rnd() * 12), d: 1 + Math.floor(rnd() * 28),
      nat: pick(culture.nationality), doc: `${pick(['FE', 'EK', 'AB', 'P', 'N'])}${100000 + Math.floor(rnd() * 899999)}`, place: '',
    };
    truths.push(t);
    const given = spell(t.given, 0.5), family = spell(t.family, 0.5);
    records.push({
      id: `m${p}`, names: [{ given, family }], birthDate: `${t.y}-${pad(t.m)}-${pad(t.d)}`, sex, nationalities: [t.nat],
      placeOfBirth: '', documentNumbers: rnd() < 0.6 ? [t.doc] : [], address: '',
    });
    person.push(p);
  }
  const dups = Math.round(persons * duplicateShare);
  for (let k = 0; k < dups; k++) {
    const p = Math.floor(rnd() * persons);
    const t = truths[p];
    const orig = records[p];
    // Another script or spelling than the original record.
    let given = spell(t.given, 0.3, orig.names[0].given);
    let family = spell(t.family, 0.3, orig.names[0].family);
    if (rnd() < 0.1) family = typo(family, rnd);
    else if (rnd() < 0.1) given = typo(given, rnd);
    let birthDate = `${t.y}-${pad(t.m)}-${pad(t.d)}`;
    const r = rnd();
    if (r < 0.15) birthDate = String(t.y);
    else if (r < 0.25) birthDate = `${t.y}-${pad(t.m)}`;
    else if (r < 0.35 && t.d <= 12) birthDate = `${t.y}-${pad(t.d)}-${pad(t.m)}`;
    else if (r < 0.4) birthDate = `${t.y}-01-01`;
    else if (r < 0.45) birthDate = `${t.y}-${pad(t.m)}-${pad(t.d === 28 ? 27 : t.d + 1)}`;
    const swapped = rnd() < 0.15;
    records.push({
      id: `m${p}-v${k}`,
      names: [swapped ? { given: family, family: given } : { given, family }],
      birthDate,
      sex: rnd() < 0.1 ? '' : t.sex,
      nationalities: rnd() < 0.3 ? [] : [rnd() < 0.85 ? t.nat : pick(t.culture.nationality)],
      placeOfBirth: '',
      documentNumbers: rnd() < 0.5 ? [] : [rnd() < 0.1 ? t.doc.replace(/0/g, 'O') : t.doc],
      address: '',
    });
    person.push(p);
  }
  return { records, person: Int32Array.from(person) };
}
