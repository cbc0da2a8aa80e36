// Trains the model on the data itself, without labels, as Splink does:
//  1. u from random pairs (almost all random pairs are different persons);
//  2. m by EM with u fixed, in two training sessions, each on pairs of its
//     own single blocking rule and blind to the fields of that rule: pairs
//     born on the same day teach the m of the names (and the rest), pairs
//     with the same name keys teach the m of the birth date. (A single EM
//     over the linkage candidates settles on "same name" rather than "same
//     person": candidates were chosen for agreeing names.);
//  3. the share of matches among all candidates by EM on λ alone, and from
//     it the prior = share × candidates / all pairs;
//  4. name term frequencies; 5. the threshold (threshold.ts).
import { COMPARISONS, FIELD, FIELD_COUNT, compareFeatures } from '../compare.ts';
import { buildCandidateIndex, forEachCandidatePair } from '../linkage/candidates.ts';
import type { PairBuffer } from '../linkage/pair-buffer.ts';
import { defaultModel } from './default-model.ts';
import { PatternCounter, runEm, type EmResult, type PatternCounts } from './em.ts';
import type { RecordFeatures } from './features.ts';
import { seededRandom } from './random.ts';
import { compileModel, matchWeight, recordTermFrequencies } from './score.ts';
import { chooseThreshold } from './threshold.ts';
import type { MatchModel, TermFrequencyTable } from './types.ts';

export interface TrainOptions {
  /** Linkage: features[0..split) are the left file, the rest the right file. */
  split?: number;
  randomPairs?: number;
  /** Pairs per EM training session. */
  trainingPairs?: number;
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
  // 50 per record, at least 100,000 and at most 500,000: enough for u of the rare levels, cheap for small files.
  const sample = Math.floor(Math.min(opts.randomPairs ?? Math.min(500_000, Math.max(100_000, 50 * n)), all));
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

/**
 * Comparison patterns of pairs sharing a training key, with the fields in
 * `blind` treated as missing. Blocks are visited in a scattered order until
 * the pair budget is spent, so a large file is sampled, not exhausted.
 */
function sessionPatterns(features: RecordFeatures[], split: number | undefined, keyOf: (f: RecordFeatures) => string[], blind: number[], budget: number, seed: number) {
  // In a large file a share of the records is enough (pairs fall with its square); every k-th record keeps it deterministic.
  const k = Math.max(1, Math.floor(features.length / SESSION_RECORDS));
  const ix = buildCandidateIndex(features.length, (i) => (i % k === 0 ? keyOf(features[i]) : NO_KEYS));
  const counter = new PatternCounter(FIELD_COUNT);
  const v = new Uint8Array(FIELD_COUNT);
  let n = 0;
  const stride = Math.max(1, Math.ceil(ix.keyCount / Math.max(1, budget / 4)));
  const start = seed % stride;
  for (let round = 0; round < stride && n < budget; round++) {
    forEachCandidatePair(ix, { split, maxBlockPairs: 5_000, stride, offset: (start + round) % stride }, (i, j) => {
      if (n >= budget) return;
      compareFeatures(features[i], features[j], v, 0);
      for (const f of blind) v[f] = 0;
      counter.add(v, 0);
      n++;
    });
  }
  return { patterns: counter.toPatterns(), pairs: n };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fullDateKey(f: RecordFeatures): string[] {
  const b = f.birth;
  return b && b.year !== null && b.month !== null && b.day !== null ? [`${b.year}${pad2(b.month)}${pad2(b.day)}`] : [];
}

function surnameKeys(f: RecordFeatures): string[] {
  const out: string[] = [];
  for (const n of f.names) for (const k of n.family.keys.slice(0, 2)) out.push(k);
  return out;
}

// Sex, nationality, place of birth and the given name go with the surname:
// two strangers who share a surname share a nationality, a birthplace or a
// given name far more often than two random strangers (a Latvian Kalniņš is
// often a Mantas). Decisions are only ever close when the surnames agree, so
// these u are measured on pairs that share a surname key; pairs whose birth
// dates agree at all are left out, which removes nearly all true matches
// from the sample and hardly changes the strangers' frequencies. For sex,
// nationality and place the conditional u replaces the random one; for the
// given name it is used when the surnames agree (`givenUIfSurnameAgrees`).
const NAME_CORRELATED = [FIELD.SEX, FIELD.NATIONALITY, FIELD.PLACE];
const STRANGER_DATE_LEVELS = new Set([7, 8]);

function conditionalMarginal(patterns: PatternCounts, f: number, floor: number[]): number[] | null {
  const L = COMPARISONS[f].levels.length;
  const counts = new Float64Array(L);
  for (let p = 0; p < patterns.counts.length; p++) {
    if (!STRANGER_DATE_LEVELS.has(patterns.levels[p * FIELD_COUNT + FIELD.BIRTH])) continue;
    counts[patterns.levels[p * FIELD_COUNT + f]] += patterns.counts[p];
  }
  let present = 0;
  for (let l = 1; l < L; l++) present += counts[l];
  if (present < 200) return null;
  const out = [1];
  for (let l = 1; l < L; l++) out.push(Math.max((counts[l] + 0.5) / (present + 0.5 * (L - 1)), floor[l]));
  const sum = out.slice(1).reduce((a, b) => a + b, 0);
  return out.map((x, l) => (l === 0 ? 1 : x / sum));
}

function nameConditionalU(features: RecordFeatures[], opts: TrainOptions, u: number[][]): { u: number[][]; givenIfSurnameAgrees: number[] | null } {
  const { patterns, pairs } = sessionPatterns(features, opts.split, surnameKeys, [], opts.trainingPairs ?? 300_000, (opts.seed ?? 42) + 1);
  if (pairs < 1000) return { u, givenIfSurnameAgrees: null };
  const out = u.map((r) => r.slice());
  for (const f of NAME_CORRELATED) out[f] = conditionalMarginal(patterns, f, u[f]) ?? out[f];
  return { u: out, givenIfSurnameAgrees: conditionalMarginal(patterns, FIELD.GIVEN, u[FIELD.GIVEN]) };
}

function nameKeys(f: RecordFeatures): string[] {
  const out: string[] = [];
  for (const n of f.names) {
    for (const s of n.family.keys.slice(0, 2)) for (const g of n.given.firstKeys.slice(0, 2)) out.push(`${s}|${g}`);
  }
  return out;
}

const MIN_SESSION_PAIRS = 30;
const SESSION_RECORDS = 250_000;
const NO_KEYS: string[] = [];
const M_FLOOR = 1e-3;

/**
 * What training learns from the records alone, before any candidate pair is
 * compared: u from random pairs and the two EM sessions. Plain data, so a
 * worker thread can compute it while the main thread builds the blocks.
 */
export interface FeatureTraining {
  uRandom: number[][];
  sampled: number;
  givenIfSurnameAgrees: number[] | null;
  byDate: EmResult | null;
  byName: EmResult | null;
}

export function trainOnFeatures(features: RecordFeatures[], opts: TrainOptions = {}): FeatureTraining {
  const base = defaultModel(features.length);
  const { u: uAll, sampled } = estimateU(features, opts);
  const { u: uRandom, givenIfSurnameAgrees } = nameConditionalU(features, opts, uAll);
  const fixedU = COMPARISONS.map(() => true);
  const maxIterations = opts.maxIterations ?? 200;
  const budget = opts.trainingPairs ?? 300_000;
  const runSession = (keyOf: (f: RecordFeatures) => string[], blind: number[]): EmResult | null => {
    const { patterns, pairs } = sessionPatterns(features, opts.split, keyOf, blind, budget, opts.seed ?? 42);
    if (pairs < MIN_SESSION_PAIRS) return null;
    return runEm(patterns, { m: base.comparisons.map((c) => c.m.slice()), u: uRandom.map((r) => r.slice()), lambda: 0.3 }, { fixedU, maxIterations });
  };
  const byDate = runSession(fullDateKey, [FIELD.BIRTH]);
  // Sex and nationality go with the name (namesakes share culture and sex), so that session is blind to them too.
  const byName = runSession(nameKeys, [FIELD.SURNAME, FIELD.GIVEN, FIELD.SEX, FIELD.NATIONALITY]);
  return { uRandom, sampled, givenIfSurnameAgrees, byDate, byName };
}

/** Per-record name term frequencies under a model (what scoring and the threshold need). */
export function recordTermFrequencyColumns(model: MatchModel, features: RecordFeatures[]): { surname: Float64Array; given: Float64Array } {
  const surname = new Float64Array(features.length), given = new Float64Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const tf = recordTermFrequencies(model, features[i]);
    surname[i] = tf.surname; given[i] = tf.given;
  }
  return { surname, given };
}

/**
 * `pre`: the result of trainOnFeatures on the same features and options,
 * when it was computed elsewhere (another thread); `tf`: receives the
 * per-record term frequencies so scoring need not compute them again.
 */
export function trainModel(
  features: RecordFeatures[], candidates: PairBuffer, opts: TrainOptions = {}, pre?: FeatureTraining,
  tf?: { surname: Float64Array; given: Float64Array },
): MatchModel {
  const base = defaultModel(features.length);
  const { uRandom, sampled, givenIfSurnameAgrees, byDate, byName } = pre ?? trainOnFeatures(features, opts);
  const fixedU = COMPARISONS.map(() => true);
  const maxIterations = opts.maxIterations ?? 200;
  // Real data always holds some error: no level is impossible for a match
  // (a floor keeps one typo in the sex field from vetoing everything else).
  const floored = (row: number[]) => {
    const r = row.map((x, l) => (l === 0 ? 1 : Math.max(x, M_FLOOR)));
    const sum = r.slice(1).reduce((a, b) => a + b, 0);
    return r.map((x, l) => (l === 0 ? 1 : x / sum));
  };
  const m = COMPARISONS.map((_, f) => floored((() => {
    const fromDate = byDate && f !== FIELD.BIRTH ? byDate.m[f] : null;
    const fromName = byName && f !== FIELD.SURNAME && f !== FIELD.GIVEN && f !== FIELD.SEX && f !== FIELD.NATIONALITY ? byName.m[f] : null;
    if (fromDate && fromName) return fromDate.map((x, l) => (l === 0 ? 1 : (x + fromName[l]) / 2));
    return (fromDate ?? fromName ?? base.comparisons[f].m).slice();
  })()));
  // Share of matches among all candidates, with m and u fixed.
  const counter = new PatternCounter(FIELD_COUNT);
  // Pairs that only a secondary key of the batch engine brought are left out (engine.ts says why).
  const secondaryOnly = candidates.secondaryOnly;
  let primaryPairs = 0;
  for (let k = 0; k < candidates.length; k++) {
    if (secondaryOnly[k] === 1) continue;
    counter.add(candidates.levels, k * FIELD_COUNT);
    primaryPairs++;
  }
  const lambdaFit = runEm(counter.toPatterns(), { m, u: uRandom, lambda: 0.1 }, { fixedU, maxIterations, fixedM: true });
  const em = {
    lambda: lambdaFit.lambda,
    iterations: (byDate?.iterations ?? 0) + (byName?.iterations ?? 0) + lambdaFit.iterations,
    converged: (byDate?.converged ?? true) && (byName?.converged ?? true) && lambdaFit.converged,
    m,
  };
  const all = totalPairs(features.length, opts.split);
  const expectedMatches = em.lambda * primaryPairs;
  const prior = all > 0 ? Math.min(Math.max(expectedMatches / all, 1e-12), 0.5) : base.prior;
  const model: MatchModel = {
    version: 1,
    comparisons: COMPARISONS.map((c, f) => ({ name: c.name, m: em.m[f], u: uRandom[f] })),
    ...(givenIfSurnameAgrees ? { givenUIfSurnameAgrees: givenIfSurnameAgrees } : {}),
    prior,
    threshold: 0.5,
    termFrequencies: termFrequencyTables(features),
    training: {
      records: features.length,
      candidatePairs: primaryPairs,
      randomPairs: sampled,
      emIterations: em.iterations,
      emConverged: em.converged,
      candidateMatchShare: em.lambda,
    },
  };
  const cm = compileModel(model);
  const cols = recordTermFrequencyColumns(model, features);
  if (tf) { tf.surname = cols.surname; tf.given = cols.given; }
  const weights = new Float64Array(primaryPairs);
  for (let k = 0, w = 0; k < candidates.length; k++) {
    if (secondaryOnly[k] === 1) continue;
    const i = candidates.a[k], j = candidates.b[k];
    weights[w++] = matchWeight(cm, candidates.levels, k * FIELD_COUNT, cols.surname[i], cols.surname[j], cols.given[i], cols.given[j]);
  }
  model.threshold = chooseThreshold(weights);
  return model;
}
