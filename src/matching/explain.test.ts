import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../domain/match-record.ts';
import { explainPair } from './explain.ts';
import { defaultModel } from './model/default-model.ts';
import { extractFeatures } from './model/features.ts';
import { scorePair } from './model/pair.ts';
import { compileModel } from './model/score.ts';

const a: MatchRecord = {
  id: 'a', names: [{ given: 'Олександр', family: 'Шевченко' }], birthDate: '1987-03-12', sex: 'M', nationalities: ['UKR'],
  placeOfBirth: 'Kyiv', documentNumbers: ['FE123456'], address: '',
};
const b: MatchRecord = {
  id: 'b', names: [{ given: 'Alexander', family: 'Schewtschenko' }], birthDate: '1987-12-03', sex: 'M', nationalities: ['DEU'],
  placeOfBirth: '', documentNumbers: [], address: '',
};

describe('explanation', () => {
  const cm = compileModel(defaultModel(1_000_000));
  const e = explainPair(cm, a, b);

  it('sums exactly to the match weight of the pair', () => {
    const sum = e.priorBits + e.contributions.reduce((s, c) => s + c.total, 0);
    expect(e.weight).toBeCloseTo(sum, 10);
    expect(e.weight).toBeCloseTo(scorePair(cm, extractFeatures(a), extractFeatures(b)).weight, 10);
  });

  it('says in words what each field contributed, with the values compared', () => {
    const fields = e.contributions.map((c) => c.field);
    expect(fields).toEqual(['surname', 'given_names', 'birth_date', 'sex', 'nationality']);
    expect(e.contributions[0].values).toBe('Шевченко ~ Schewtschenko');
    expect(e.summary).toMatch(/birth date day and month swapped \(1987-03-12 ~ 1987-12-03\): \+\d/);
    expect(e.summary).toMatch(/nationality different \(UKR ~ DEU\): \u2212\d/);
    expect(e.contributions.find((c) => c.field === 'nationality')!.total).toBeLessThan(0);
  });
});
