// Expectation–maximisation for a two-class mixture of comparison vectors
// (matches / non-matches) under conditional independence, the way Splink
// estimates m without labels. Works on distinct patterns with their counts,
// so a run over tens of millions of candidate pairs costs only as much as
// the few thousand distinct comparison vectors among them.

export interface PatternCounts {
  fieldCount: number;
  /** Levels, pattern-major: patterns[p * fieldCount + f]. */
  levels: Uint8Array;
  counts: Float64Array;
}

export interface EmParameters {
  /** m[f][l], u[f][l]; level 0 (missing) unused. */
  m: number[][];
  u: number[][];
  lambda: number;
}

export interface EmResult extends EmParameters {
  iterations: number;
  converged: boolean;
}

export interface EmOptions {
  maxIterations?: number;
  tolerance?: number;
  /** Fields whose u is held fixed (estimated elsewhere, e.g. from random pairs). */
  fixedU?: boolean[];
  /** Hold every m fixed: only the match share is estimated. */
  fixedM?: boolean;
}

const FLOOR = 1e-9;

/** Packs a comparison vector (levels < 16, up to 8 fields) into one integer key. */
export function packPattern(levels: Uint8Array, off: number, fieldCount: number): number {
  let k = 0;
  for (let f = 0; f < fieldCount; f++) k = k * 16 + levels[off + f];
  return k;
}

/** Collects the distinct comparison vectors of a pair set with their counts. */
export class PatternCounter {
  private readonly map = new Map<number, number>();
  constructor(readonly fieldCount: number) {}
  add(levels: Uint8Array, off: number, weight = 1): void {
    const k = packPattern(levels, off, this.fieldCount);
    this.map.set(k, (this.map.get(k) ?? 0) + weight);
  }
  get total(): number {
    let t = 0;
    for (const c of this.map.values()) t += c;
    return t;
  }
  toPatterns(): PatternCounts {
    const n = this.map.size, F = this.fieldCount;
    const levels = new Uint8Array(n * F);
    const counts = new Float64Array(n);
    let p = 0;
    for (const [k, c] of this.map) {
      let key = k;
      for (let f = F - 1; f >= 0; f--) { levels[p * F + f] = key % 16; key = Math.floor(key / 16); }
      counts[p] = c;
      p++;
    }
    return { fieldCount: F, levels, counts };
  }
}

function clone(x: number[][]): number[][] {
  return x.map((r) => r.slice());
}

export function runEm(data: PatternCounts, init: EmParameters, opts: EmOptions = {}): EmResult {
  const F = data.fieldCount;
  const n = data.counts.length;
  const maxIt = opts.maxIterations ?? 200;
  const tol = opts.tolerance ?? 1e-6;
  let m = clone(init.m), u = clone(init.u), lambda = init.lambda;
  let converged = false, it = 0;
  const r = new Float64Array(n);
  for (it = 1; it <= maxIt; it++) {
    // E-step: posterior that each pattern is a match.
    for (let p = 0; p < n; p++) {
      let lm = Math.log(lambda), lu = Math.log(1 - lambda);
      for (let f = 0; f < F; f++) {
        const l = data.levels[p * F + f];
        if (l === 0) continue;
        lm += Math.log(m[f][l]);
        lu += Math.log(u[f][l]);
      }
      const d = lu - lm;
      r[p] = d > 700 ? 0 : 1 / (1 + Math.exp(d));
    }
    // M-step.
    const newM = m.map((row) => row.map(() => 0));
    const newU = u.map((row) => row.map(() => 0));
    let matchMass = 0, total = 0;
    for (let p = 0; p < n; p++) {
      const c = data.counts[p];
      const cm = c * r[p], cu = c - cm;
      matchMass += cm; total += c;
      for (let f = 0; f < F; f++) {
        const l = data.levels[p * F + f];
        if (l === 0) continue;
        newM[f][l] += cm;
        newU[f][l] += cu;
      }
    }
    let delta = 0;
    for (let f = 0; f < F; f++) {
      const L = m[f].length;
      let sm = 0, su = 0;
      for (let l = 1; l < L; l++) { sm += newM[f][l]; su += newU[f][l]; }
      for (let l = 1; l < L; l++) {
        const mv = sm > 0 && !opts.fixedM ? Math.max(newM[f][l] / sm, FLOOR) : m[f][l];
        delta = Math.max(delta, Math.abs(mv - m[f][l]));
        newM[f][l] = mv;
        if (opts.fixedU?.[f]) {
          newU[f][l] = u[f][l];
        } else {
          const uv = su > 0 ? Math.max(newU[f][l] / su, FLOOR) : u[f][l];
          delta = Math.max(delta, Math.abs(uv - u[f][l]));
          newU[f][l] = uv;
        }
      }
      newM[f][0] = 1; newU[f][0] = 1;
    }
    const newLambda = Math.min(Math.max(total > 0 ? matchMass / total : lambda, FLOOR), 1 - FLOOR);
    delta = Math.max(delta, Math.abs(newLambda - lambda));
    m = newM; u = newU; lambda = newLambda;
    if (delta < tol) { converged = true; break; }
  }
  return { m, u, lambda, iterations: Math.min(it, maxIt), converged };
}
