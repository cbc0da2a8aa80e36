// Trains the model on the data itself, without labels, as Splink does:
//  1. u from random pairs (almost all random pairs are different persons);
//  2. m and the share of matches by EM on the blocked candidate pairs, with
//     u left free there (blocked non-matches agree far more often than random
//     ones), because blocking keeps nearly every true match the candidates'
//     matches represent all matches;
//  3. prior = EM's match share × candidates / all pairs;
//  4. name term frequencies; 5. the threshold (threshold.ts).
import { COMPARISONS, FIELD_COUNT, compareFeatures } from '../compare.ts';
import type { PairBuffer } from '../linkage/pair-buffer.ts';
import { defaultModel } from './default-model.ts';
import { PatternCounter, runEm } from './em.ts';
import type { RecordFeatures } from './features.ts';
import { seededRandom } from './random.ts';
import { compileModel, matchWeight, recordTermFrequencies } from './score.ts';
import { chooseThreshold } from './threshold.ts';
import type { MatchModel, TermFrequencyTable } from './types.ts';

export interface TrainOptions {
  /** Linkage: features[0..split) are the left file, the rest the right file. */
  split?: number;
  randomPairs?: number;
  seed?: number;
  maxIterations?: number;
}

export function totalPairs(recordCount: number, split?: number): number {
  return split === undefined ? (recordCount * (recordCount - 1)) / 2 : split * (recordCount - split);
}

/** u per field and level from random pairs, smoothed so no level has u = 0. */
export function estimateU(features: RecordFeatures[], opts: TrainOptions = {}): { u: number[][]; sampled: number } {
  const n = features.length;
  const split = opts.split;
  const all = totalPairs(n, split);
  const sample = Math.floor(Math.min(opts.randomPairs ?? 500_000, all));
  const counts = COMPARISONS.map((c) => new Float64Array(c.levels.length));
  const rnd = seededRandom(opts.seed ?? 42);
  const levels = new Uint8Array(FIELD_COUNT);
  let done = 0;
  for (let s = 0; s < sample; s++) {
    let i: number, j: number;
    if (split === undefined) {
      i = Math.floor(rnd() * n);
      j = Math.floor(rnd() * (n - 1));
      if (j >= i) j++;
    } else {
      i = Math.floor(rnd() * split);
      j = split + Math.floor(rnd() * (n - split));
    }
    compareFeatures(features[i], features[j], levels, 0);
    for (let f = 0; f < FIELD_COUNT; f++) counts[f][levels[f]]++;
    done++;
  }
  const u = counts.map((c, f) => {
    const L = c.length;
    let present = 0;
    for (let l = 1; l < L; l++) present += c[l];
    const fallback = defaultModel().comparisons[f].u;
    if (present < 100) return fallback.slice();
    const row = [1];
    for (let l = 1; l < L; l++) row.push((c[l] + 0.5) / (present + 0.5 * (L - 1)));
    return row;
  });
  return { u, sampled: done };
}

export function termFrequencyTables(features: RecordFeatures[]): { surname: TermFrequencyTable; given: TermFrequencyTable } {
  const surname: Record<string, number> = Object.create(null);
  const given: Record<string, number> = Object.create(null);
  const seenS = new Set<string>(), seenG = new Set<string>();
  for (const f of features) {
    seenS.clear(); seenG.clear();
    for (const n of f.names) {
      for (const k of n.family.keys) seenS.add(k);
      for (const k of n.given.keys) seenG.add(k);
    }
    for (const k of seenS) surname[k] = (surname[k] ?? 0) + 1;
    for (const k of seenG) given[k] = (given[k] ?? 0) + 1;
  }
  return { surname: { total: features.length, counts: surname }, given: { total: features.length, counts: given } };
}

export function trainModel(features: RecordFeatures[], candidates: PairBuffer, opts: TrainOptions = {}): MatchModel {
  const base = defaultModel(features.length);
  const { u: uRandom, sampled } = estimateU(features, opts);
  const counter = new PatternCounter(FIELD_COUNT);
  for (let k = 0; k < candidates.length; k++) counter.add(candidates.levels, k * FIELD_COUNT);
  const patterns = counter.toPatterns();
  const em = runEm(patterns, {
    m: base.comparisons.map((c) => c.m.slice()),
    u: uRandom.map((r) => r.slice()),
    lambda: 0.1,
  }, { maxIterations: opts.maxIterations ?? 200 });
  const all = totalPairs(features.length, opts.split);
  const expectedMatches = em.lambda * candidates.length;
  const prior = all > 0 ? Math.min(Math.max(expectedMatches / all, 1e-12), 0.5) : base.prior;
  const model: MatchModel = {
    version: 1,
    comparisons: COMPARISONS.map((c, f) => ({ name: c.name, m: em.m[f], u: uRandom[f] })),
    prior,
    threshold: 0.5,
    termFrequencies: termFrequencyTables(features),
    training: {
      records: features.length,
      candidatePairs: candidates.length,
      randomPairs: sampled,
      emIterations: em.iterations,
      emConverged: em.converged,
      candidateMatchShare: em.lambda,
    },
  };
  const cm = compileModel(model);
  const tf = features.map((f) => recordTermFrequencies(model, f));
  const weights = new Float64Array(candidates.length);
  for (let k = 0; k < candidates.length; k++) {
    const a = tf[candidates.a[k]], b = tf[candidates.b[k]];
    weights[k] = matchWeight(cm, candidates.levels, k * FIELD_COUNT, a.surname, b.surname, a.given, b.given);
  }
  model.threshold = chooseThreshold(weights);
  return model;
}
