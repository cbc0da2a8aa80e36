import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../../domain/match-record.ts';
import { defaultModel } from './default-model.ts';
import { extractFeatures } from './features.ts';
import { scorePair } from './pair.ts';
import { compileModel } from './score.ts';
import { modelToJson, parseModel } from './serialise.ts';
import { termFrequencyTables } from './train.ts';

function person(id: string, given: string, family: string, birthDate: string): MatchRecord {
  return { id, names: [{ given, family }], birthDate, sex: '', nationalities: [], placeOfBirth: '', documentNumbers: [], address: '' };
}

describe('term-frequency adjustment', () => {
  // A population where SMITH is very common and KOWALCZYK appears twice.
  const population: MatchRecord[] = [];
  for (let i = 0; i < 300; i++) population.push(person(`s${i}`, `Given${i % 37}`, 'Smith', `19${50 + (i % 40)}-01-02`));
  for (let i = 0; i < 300; i++) population.push(person(`o${i}`, `Other${i}`, `Family${i}`, `19${50 + (i % 40)}-03-04`));
  population.push(person('k1', 'Anna', 'Kowalczyk', '1980-05-06'), person('k2', 'Anna', 'Kowalczyk', '1980-05-06'));
  const model = defaultModel(population.length);
  model.termFrequencies = termFrequencyTables(population.map(extractFeatures));
  const cm = compileModel(model);

  it('gives a common surname less weight than a rare one', () => {
    const common = scorePair(cm, extractFeatures(person('a', 'Anna', 'Smith', '1980-05-06')), extractFeatures(person('b', 'Anna', 'Smith', '1980-05-06')));
    const rare = scorePair(cm, extractFeatures(person('a', 'Anna', 'Kowalczyk', '1980-05-06')), extractFeatures(person('b', 'Anna', 'Kowalczyk', '1980-05-06')));
    expect(common.levels).toEqual(rare.levels);
    expect(rare.weight - common.weight).toBeGreaterThan(3);
  });
});

describe('model JSON', () => {
  it('round-trips', () => {
    const m = defaultModel(1000);
    m.termFrequencies.surname = { total: 10, counts: { SMT: 5, RR: 1 } };
    const r = parseModel(modelToJson(m));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.comparisons).toEqual(m.comparisons);
    expect(r.model.prior).toBe(m.prior);
    // Names seen once are dropped: absent names count as seen once anyway.
    expect({ ...r.model.termFrequencies.surname.counts }).toEqual({ SMT: 5 });
  });
  it('rejects broken models with a reason, never throws', () => {
    expect(parseModel('{').ok).toBe(false);
    const r = parseModel({ ...defaultModel(), prior: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/prior/);
    const m = defaultModel();
    m.comparisons[0].m = [1, 0.5];
    const r2 = parseModel(JSON.parse(modelToJson(m)));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error).toMatch(/surname/);
    for (const junk of [null, 42, 'x', [], { version: 2 }]) expect(parseModel(junk).ok).toBe(false);
  });
});

describe('given name judged against namesakes', () => {
  it('counts a shared given name less when the surnames agree, if the model says strangers with one surname share it often', () => {
    const model = defaultModel(1000);
    const plain = compileModel(model);
    model.givenUIfSurnameAgrees = model.comparisons[1].u.map((x, l) => (l === 1 ? 0.05 : x));
    const cm = compileModel(model);
    const a = extractFeatures(person('a', 'Mantas', 'Kalniņš', '1996-05-29'));
    const b = extractFeatures(person('b', 'Mantas', 'Kalniņš', '1996-01-01'));
    const c = extractFeatures(person('c', 'Mantas', 'Ozols', '1996-05-29'));
    expect(plain.givenBitsIfSurnameAgrees[1]).toBeCloseTo(plain.bits[1][1], 10);
    expect(scorePair(plain, a, b).weight - scorePair(cm, a, b).weight).toBeGreaterThan(3);
    // Surnames differ: the plain given-name u applies.
    expect(scorePair(plain, a, c).weight).toBeCloseTo(scorePair(cm, a, c).weight, 10);
  });
});
