import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../domain/match-record.ts';
import { COMPARISONS, FIELD, GIVEN, SURNAME, compareRecords } from './compare.ts';

function person(given: string, family: string, extra: Partial<MatchRecord> = {}): MatchRecord {
  return {
    id: `${given} ${family}`, names: [{ given, family }], birthDate: '', sex: '', nationalities: [], placeOfBirth: '',
    documentNumbers: [], address: '', ...extra,
  };
}

const level = (a: MatchRecord, b: MatchRecord, field: number) => compareRecords(a, b)[field];

describe('surname comparison', () => {
  it('sees identical names through case and diacritics', () => {
    expect(level(person('José', 'Müller'), person('JOSE', 'MULLER'), FIELD.SURNAME)).toBe(SURNAME.EXACT);
  });
  it('matches a Cyrillic surname with a Latin transliteration', () => {
    const l = level(person('Олександр', 'Шевченко'), person('Alexander', 'Schewtschenko'), FIELD.SURNAME);
    expect([SURNAME.TRANSLITERATION, SURNAME.PHONETIC]).toContain(l);
  });
  it('matches spelling variants by their phonetic key or similarity', () => {
    const l = level(person('Oleksandr', 'Shevchenko'), person('Oleksandr', 'Schewtschenko'), FIELD.SURNAME);
    expect(l).toBeGreaterThanOrEqual(SURNAME.TRANSLITERATION);
    expect(l).toBeLessThanOrEqual(SURNAME.SIMILAR);
  });
  it('grades a typo as similar and an unrelated name as different', () => {
    expect(level(person('Anna', 'Johnson'), person('Anna', 'Johnsom'), FIELD.SURNAME)).toBe(SURNAME.SIMILAR);
    expect(level(person('Anna', 'Johnson'), person('Anna', 'Papadopoulos'), FIELD.SURNAME)).toBe(SURNAME.DIFFERENT);
  });
  it('recognises given and family name swapped', () => {
    const r = compareRecords(person('Shevchenko', 'Oleksandr'), person('Oleksandr', 'Shevchenko'));
    expect(r[FIELD.SURNAME]).toBe(SURNAME.SWAPPED);
    expect(r[FIELD.GIVEN]).toBe(GIVEN.EXACT);
  });
  it('is missing when one side has no surname', () => {
    expect(level(person('Anna', ''), person('Anna', 'Smith'), FIELD.SURNAME)).toBe(SURNAME.MISSING);
  });
});

describe('given-name comparison', () => {
  it('matches an initial', () => {
    expect(level(person('J.', 'Smith'), person('John', 'Smith'), FIELD.GIVEN)).toBe(GIVEN.INITIAL);
    expect(level(person('K', 'Smith'), person('John', 'Smith'), FIELD.GIVEN)).toBe(GIVEN.DIFFERENT);
  });
  it('matches one of several given names', () => {
    expect(level(person('Jean Pierre', 'Martin'), person('Jean', 'Martin'), FIELD.GIVEN)).toBe(GIVEN.SHARED_NAME);
  });
  it('matches the same name in another language', () => {
    expect(level(person('Oleksandr', 'Shevchenko'), person('Alexander', 'Shevchenko'), FIELD.GIVEN)).toBe(GIVEN.VARIANT);
  });
});

describe('birth date, document, other fields', () => {
  it('grades dates', () => {
    const d = (a: string, b: string) => level(person('A', 'B', { birthDate: a }), person('A', 'B', { birthDate: b }), FIELD.BIRTH);
    expect(COMPARISONS[FIELD.BIRTH].levels[d('1987-03-12', '1987-03-12')]).toBe('identical');
    expect(COMPARISONS[FIELD.BIRTH].levels[d('1987-03-12', '1987-12-03')]).toBe('day and month swapped');
    expect(COMPARISONS[FIELD.BIRTH].levels[d('1987', '1987-12-03')]).toBe('same year, day or month unknown');
    expect(COMPARISONS[FIELD.BIRTH].levels[d('1955-01-01', '1987-12-03')]).toBe('different');
    expect(d('', '1987-12-03')).toBe(0);
  });
  it('grades documents through separators and confusable characters', () => {
    const doc = (a: string, b: string) => level(person('A', 'B', { documentNumbers: [a] }), person('A', 'B', { documentNumbers: [b] }), FIELD.DOCUMENT);
    expect(doc('AB 123-456', 'ab123456')).toBe(1);
    expect(doc('AB12O4S6', 'AB120456')).toBe(2);
    expect(doc('XK9912345', 'XK9912346')).toBe(3);
    expect(doc('XK9912345', 'PL5500001')).toBe(4);
  });
  it('grades sex, nationality, place of birth and address', () => {
    const a = person('A', 'B', { sex: 'M', nationalities: ['UKR', 'POL'], placeOfBirth: 'Kyiv', address: '12 Main Street Springfield' });
    const b = person('A', 'B', { sex: 'F', nationalities: ['POL'], placeOfBirth: 'Kyiiv', address: '12 Main St Springfield' });
    const r = compareRecords(a, b);
    expect(r[FIELD.SEX]).toBe(2);
    expect(r[FIELD.NATIONALITY]).toBe(1);
    expect(r[FIELD.PLACE]).toBe(2);
    expect(r[FIELD.ADDRESS]).toBe(2);
  });
});
