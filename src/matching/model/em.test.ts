import { describe, expect, it } from 'vitest';
import { PatternCounter, runEm } from './em.ts';
import { seededRandom } from './random.ts';

// Three fields, levels 1..3 (0 = missing), drawn from known m and u.
const M = [[1, 0.85, 0.1, 0.05], [1, 0.7, 0.2, 0.1], [1, 0.9, 0.05, 0.05]];
const U = [[1, 0.02, 0.08, 0.9], [1, 0.05, 0.15, 0.8], [1, 0.01, 0.04, 0.95]];
const LAMBDA = 0.15;

function draw(p: number[], r: number): number {
  let acc = 0;
  for (let l = 1; l < p.length; l++) { acc += p[l]; if (r < acc) return l; }
  return p.length - 1;
}

describe('EM on a synthetic mixture', () => {
  it('recovers m, u and the match share without labels', () => {
    const rnd = seededRandom(7);
    const counter = new PatternCounter(3);
    const v = new Uint8Array(3);
    for (let n = 0; n < 60_000; n++) {
      const match = rnd() < LAMBDA;
      for (let f = 0; f < 3; f++) v[f] = rnd() < 0.05 ? 0 : draw(match ? M[f] : U[f], rnd());
      counter.add(v, 0);
    }
    const start = { m: [[1, 0.6, 0.3, 0.1], [1, 0.6, 0.3, 0.1], [1, 0.6, 0.3, 0.1]], u: [[1, 0.1, 0.2, 0.7], [1, 0.1, 0.2, 0.7], [1, 0.1, 0.2, 0.7]], lambda: 0.5 };
    const r = runEm(counter.toPatterns(), start);
    expect(r.converged).toBe(true);
    expect(r.lambda).toBeCloseTo(LAMBDA, 2);
    for (let f = 0; f < 3; f++) {
      for (let l = 1; l < 4; l++) {
        expect(Math.abs(r.m[f][l] - M[f][l])).toBeLessThan(0.03);
        expect(Math.abs(r.u[f][l] - U[f][l])).toBeLessThan(0.03);
      }
    }
  });

  it('keeps u fixed where asked', () => {
    const counter = new PatternCounter(1);
    counter.add(Uint8Array.of(1), 0, 50);
    counter.add(Uint8Array.of(2), 0, 50);
    const r = runEm(counter.toPatterns(), { m: [[1, 0.9, 0.1]], u: [[1, 0.2, 0.8]], lambda: 0.5 }, { fixedU: [true] });
    expect(r.u[0]).toEqual([1, 0.2, 0.8]);
  });
});
