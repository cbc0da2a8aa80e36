import { describe, expect, it } from 'vitest';
import { givenNameGroup, MAX_KEY_LENGTH, nameKey } from './keys.ts';

function sameKey(names: string[]): void {
  const k = nameKey(names[0]);
  for (const n of names) expect(nameKey(n), `${n} vs ${names[0]}`).toBe(k);
}

describe('nameKey', () => {
  it.each([
    [['SHEVCHENKO', 'SCHEWTSCHENKO', 'SEVCENKO', 'CHEVTCHENKO', 'SHEWCHENKO', 'SZEWCZENKO']],
    [['OLEKSANDR', 'OLEXANDR', 'OLEKSANDER', 'ALEKSANDR', 'ALEXANDER']],
    [['MOHAMMED', 'MUHAMMAD', 'MOHAMED', 'MOHAMMAD', 'MUHAMMED']],
    [['YURIY', 'IURII', 'JURIJ', 'YURI', 'YURY', 'IOURI']],
    [['MULLER', 'MUELLER']],
    [['GIANNIS', 'YIANNIS', 'YANNIS']],
    [['KHALED', 'KHALID', 'CHALID']],
    [['SCHMIDT', 'SCHMITT', 'SMIT']],
    [['IVANOV', 'IWANOW', 'IVANOFF']],
    [['MARIA', 'MARIJA', 'MARIYA']],
    [['ELENA', 'YELENA', 'JELENA', 'OLENA']],
    [['ABDULLAH', 'ABDULLA', 'ABDALLAH', 'ABDELLAH']],
    [['ABDULRAHMAN', 'ABDELRAHMAN', 'ABDALRAHMAN']],
    [['ANDRIY', 'ANDRII', 'ANDREI', 'ANDREJ', 'ANDREY']],
    [['SHCHERBAKOV', 'SCHTSCHERBAKOW', 'CHTCHERBAKOV', 'SZCZERBAKOW', 'SCERBAKOV']],
    [['KOVALCHUK', 'KOWALTSCHUK', 'KOVALCUK', 'KOWALCZUK', 'KOVALTCHOUK']],
    [['KLICHKO', 'KLITSCHKO', 'KLICKO', 'KLYCHKO']],
    [['KHRUSHCHEV', 'CHRUSCHTSCHOW', 'KHROUCHTCHEV', 'CHRUSZCZOW']],
    [['HONCHARENKO', 'GONCHARENKO', 'HONTSCHARENKO', 'GONTCHARENKO']],
    [['HRYTSENKO', 'GRITSENKO', 'GRIZENKO', 'HRYCENKO']],
    [['CHORNYI', 'TSCHORNYJ', 'CZORNYJ', 'CORNYJ']],
    [['MILOSEVIC', 'MILOSHEVICH', 'MILOSEVITSCH']],
    [['CHRISTOS', 'HRISTOS', 'KHRISTOS']],
    [['DJOKOVIC', 'DOKOVIC']],
    [['PAPADOPOULOS', 'PAPADOPULOS']],
    [['OZTURK', 'OEZTUERK']],
    [['ZELENSKYI', 'ZELENSKII', 'SELENSKI', 'ZELENSKIJ']],
  ])('gives %j one key', (names) => sameKey(names));

  it.each([
    ['MARIA', 'MARIO'],
    ['PETROV', 'PETROVA'],
    ['IVANOV', 'IVANOVA'],
    ['KOWALSKI', 'KOWALSKA'],
    ['ANNA', 'ANNE'],
    ['PETER', 'PAUL'],
    ['HASSAN', 'HUSSEIN'],
    ['SHEVCHENKO', 'SAVCHENKO'],
    ['MOHAMMED', 'MAHMOUD'],
    ['MARTIN', 'MARTINA'],
    ['SMITH', 'SMYTHE'],
    ['NOVAK', 'NOWICKI'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('keeps keys short', () => {
    for (const n of ['SCHWARZENEGGER', 'HINDENBURGSTRASSENBAHN', 'ANTETOKOUNMPO', 'A']) {
      expect(nameKey(n).length).toBeLessThanOrEqual(MAX_KEY_LENGTH);
      expect(nameKey(n).length).toBeGreaterThan(0);
    }
  });

  it('keys a lone H in a Slavic surname as Ukrainian Г, so Serbian/Bulgarian H for Х differs (documented miss)', () => {
    expect(nameKey('HRUSCOV')).not.toBe(nameKey('KHRUSHCHEV'));
    expect(nameKey('HRISTO')).toBe(nameKey('KHRISTO')); // not a Slavic surname ending
  });

  it('folds a token that is not folded yet', () => {
    expect(nameKey('MÜLLER')).toBe(nameKey('MULLER'));
    expect(nameKey('müller')).toBe(nameKey('MUELLER'));
    expect(nameKey('Łukasz')).toBe(nameKey('LUKASZ'));
  });

  it('ignores non-letters and gives "" when nothing is left', () => {
    expect(nameKey('O BRIEN')).toBe(nameKey('OBRIEN'));
    expect(nameKey('')).toBe('');
    expect(nameKey('123')).toBe('');
  });

  it('keeps an MRZ-truncated name close: the truncated key is a prefix of the full one', () => {
    const full = nameKey('SCHWARZENEGGER');
    expect(full.startsWith(nameKey('SCHWARZENEG'))).toBe(true);
  });
});

describe('givenNameGroup', () => {
  it.each([
    ['ALEXANDER', ['OLEKSANDR', 'ALEKSANDR', 'ALEXANDRE', 'ALESSANDRO', 'ALEJANDRO', 'SASHA', 'OLEXANDR', 'ISKANDAR']],
    ['JOHN', ['JOHANN', 'JOHANNES', 'JAN', 'JUAN', 'GIOVANNI', 'IVAN', 'IOANNIS', 'JEAN', 'SEAN', 'GIANNIS']],
    ['JOSEPH', ['JOSEF', 'GIUSEPPE', 'JOSE', 'YUSUF', 'YOUSSEF', 'OSIP', 'YOSYP']],
    ['MICHAEL', ['MICHAL', 'MIKHAIL', 'MYKHAILO', 'MICHEL', 'MIGUEL', 'MICHELE']],
    ['PETER', ['PETR', 'PETRO', 'PIOTR', 'PIERRE', 'PEDRO', 'PIETRO', 'PYOTR']],
    ['GEORGE', ['GEORGIOS', 'YIORGOS', 'JERZY', 'JORGE', 'HEORHIY', 'GEORGIY']],
    ['MUHAMMAD', ['MOHAMMED', 'MOHAMED', 'MEHMET']],
    ['ELENA', ['OLENA', 'YELENA', 'HELENE', 'ELENI']],
    ['YURI', ['YURIY', 'IURII', 'JURIJ']],
    ['BOGDAN', ['BOHDAN']],
    ['GALINA', ['HALYNA']],
    ['VYACHESLAV', ['VIACHESLAV', 'WJATSCHESLAW']],
  ])('%s groups %j', (group, names) => {
    expect(givenNameGroup(group)).toBe(group);
    for (const n of names) expect(givenNameGroup(n), n).toBe(group);
  });

  it('keeps masculine and feminine forms apart', () => {
    expect(givenNameGroup('ALEXANDRA')).not.toBe(givenNameGroup('ALEXANDER'));
    expect(givenNameGroup('OLEKSANDRA')).toBe('ALEXANDRA');
  });

  it('recognises an unlisted spelling with a listed key that is spelled close', () => {
    expect(givenNameGroup('OLEXANDER')).toBe('ALEXANDER');
    expect(givenNameGroup('MUHAMMET')).toBe('MUHAMMAD');
    expect(givenNameGroup('VOLODYMIR')).toBe('VLADIMIR');
  });

  it('returns null for names not in the table or only sounding alike', () => {
    expect(givenNameGroup('MIRA')).toBeNull(); // key of MARIA, but spelled far from it
    expect(givenNameGroup('XYZZY')).toBeNull();
    expect(givenNameGroup('')).toBeNull();
    expect(givenNameGroup('J')).toBeNull();
  });
});
