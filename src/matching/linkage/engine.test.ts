import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchRecord } from '../../domain/match-record.ts';
import { seededRandom } from '../model/random.ts';
import { forEachCandidatePair } from './candidates.ts';
import { buildLinkageIndex, candidateOptions, computeFeatures, dedupe, link } from './engine.ts';

const GIVEN = ['Anna', 'Maria', 'Olena', 'Ivan', 'Petr', 'Sofia', 'Jan', 'Lucas', 'Emma', 'Noah', 'Mila', 'Adam', 'Eva', 'Tomas', 'Nina', 'Omar'];
const FAMILY = ['Kowalski', 'Nowak', 'Horvat', 'Novak', 'Müller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Martin', 'Jansen', 'Peeters',
  'Papadopoulos', 'Ivanova', 'Kovalenko', 'Bondarenko', 'García', 'López', 'Silva', 'Santos', 'Nielsen', 'Hansen', 'Virtanen', 'Kask'];

function population(n: number, seed: number): MatchRecord[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const out: MatchRecord[] = [];
  for (let i = 0; i < n; i++) {
    const y = 1940 + Math.floor(rnd() * 60), m = 1 + Math.floor(rnd() * 12), d = 1 + Math.floor(rnd() * 28);
    out.push({
      id: `p${i}`, names: [{ given: pick(GIVEN), family: pick(FAMILY) }],
      birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      sex: rnd() < 0.5 ? 'M' : 'F', nationalities: [], placeOfBirth: '', documentNumbers: [`X${100000 + i * 7}`], address: '',
    });
  }
  return out;
}

// Variants a registry would hold: typo, swapped names, day/month swapped, year only, document missing.
function variant(r: MatchRecord, k: number): MatchRecord {
  const n = r.names[0];
  const v: MatchRecord = { ...r, id: `${r.id}-dup`, names: [{ ...n }] };
  switch (k % 5) {
    case 0: v.names = [{ given: n.given, family: n.family.slice(0, -2) + n.family.slice(-1) + n.family.slice(-2, -1) }]; break;
    case 1: v.names = [{ given: n.family, family: n.given }]; break;
    case 2: v.birthDate = `${r.birthDate.slice(0, 4)}-${r.birthDate.slice(8, 10)}-${r.birthDate.slice(5, 7)}`; break;
    case 3: v.birthDate = r.birthDate.slice(0, 4); break;
    case 4: v.documentNumbers = []; v.names = [{ given: n.given.toUpperCase(), family: n.family.toUpperCase() }]; break;
  }
  return v;
}

describe('dedupe and link on a small fixture', () => {
  const base = population(400, 3);
  const dups = base.slice(0, 60).map((r, k) => variant(r, k));

  it('dedupe finds the planted duplicates and little else', () => {
    const all = [...base, ...dups];
    const phases = new Set<string>();
    const r = dedupe(all, { onProgress: (p) => phases.add(p.phase) });
    const found = new Set(r.pairs.map((p) => `${all[p.a].id}|${all[p.b].id}`));
    const hits = dups.filter((d) => found.has(`${d.id.replace('-dup', '')}|${d.id}`)).length;
    expect(hits).toBeGreaterThanOrEqual(57);
    expect(r.pairs.length - hits).toBeLessThanOrEqual(3);
    expect([...phases]).toEqual(['features', 'blocking', 'comparing', 'training', 'scoring']);
    for (const p of r.pairs) expect(p.probability).toBeGreaterThanOrEqual(r.threshold);
  });

  it('link pairs left and right records, indices relative to each side', () => {
    const r = link(base, dups);
    const ok = r.pairs.filter((p) => `${base[p.a].id}-dup` === dups[p.b].id).length;
    expect(ok).toBeGreaterThanOrEqual(57);
    expect(r.pairs.length - ok).toBeLessThanOrEqual(3);
  });
});

describe('pairs only a secondary key brings', () => {
  it('are candidates but never reported when both full birth dates disagree entirely', () => {
    const base = population(400, 5);
    const namesake = (id: string, birthDate: string): MatchRecord => ({
      id, names: [{ given: 'Gabriela', family: 'Popa' }], birthDate, sex: 'F', nationalities: ['ROU'], placeOfBirth: 'Iasi', documentNumbers: [], address: 'Strada Lunga 4 Iasi',
    });
    const all = [...base, namesake('mother', '1966-11-02'), namesake('daughter', '2003-08-28')];
    const m = all.length - 2, d = all.length - 1;
    let flag: boolean | null = null;
    forEachCandidatePair(buildLinkageIndex(computeFeatures(all)), candidateOptions(undefined, {}), (i, j, secondaryOnly) => {
      if (i === m && j === d) flag = secondaryOnly;
    });
    expect(flag).toBe(true);
    const r = dedupe(all, { threshold: 0.001, secondaryMinProbability: 0.001 });
    expect(r.pairs.some((p) => p.a === m && p.b === d)).toBe(false);
    // The same two with one date unknown meet under a stored key and are scored as usual.
    const partial = [...base, namesake('mother', '1966-11-02'), namesake('daughter', '')];
    expect(dedupe(partial, { threshold: 0.001 }).pairs.some((p) => p.a === m && p.b === d)).toBe(true);
  });
});

const febrl = resolve(import.meta.dirname, '../../../../shared/benchmarks/febrl');

describe.skipIf(!existsSync(resolve(febrl, 'dataset4a.csv')))('FEBRL 4a ↔ 4b subset (from ../shared when present)', () => {
  it('links the first 800 records of 4a with their partners in 4b', () => {
    const read = (f: string) => readFileSync(resolve(febrl, f), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map((x) => x.trim()));
    const toRecord = (c: string[]): MatchRecord => ({
      id: c[0], names: [{ given: c[1], family: c[2] }],
      birthDate: /^\d{8}$/.test(c[9]) ? `${c[9].slice(0, 4)}-${c[9].slice(4, 6)}-${c[9].slice(6, 8)}` : '',
      sex: '', nationalities: [], placeOfBirth: '', documentNumbers: c[10] ? [c[10]] : [], address: c.slice(3, 9).filter(Boolean).join(' '),
    });
    const entity = (id: string) => id.split('-')[1];
    const left = read('dataset4a.csv').slice(0, 800).map(toRecord);
    const wanted = new Set(left.map((r) => entity(r.id)));
    const right = read('dataset4b.csv').map(toRecord).filter((r) => wanted.has(entity(r.id)));
    const r = link(left, right);
    const tp = r.pairs.filter((p) => entity(left[p.a].id) === entity(right[p.b].id)).length;
    expect(tp / right.length).toBeGreaterThan(0.97);
    expect(tp / r.pairs.length).toBeGreaterThan(0.98);
  });
});
