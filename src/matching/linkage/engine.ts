// Batch linkage: features → blocking → comparison of candidate pairs →
// (training, unless a model is given) → scoring → pairs at or above the
// threshold. `dedupe` looks for pairs inside one set, `link` across two.
import type { MatchRecord } from '../../domain/match-record.ts';
import { COMPARISONS, FIELD, FIELD_COUNT, compareFeatures } from '../compare.ts';
import { batchBlockingKeysOf } from '../blocking.ts';
import { extractFeatures, type RecordFeatures } from '../model/features.ts';
import { bitsToProbability, compileModel, matchWeight, probabilityToBits, recordTermFrequencies } from '../model/score.ts';
import { trainModel, type FeatureTraining, type TrainOptions } from '../model/train.ts';
import type { MatchModel } from '../model/types.ts';
import {
  forEachCandidatePair, hashRecordKeys, indexFromHashedKeys, type CandidateIndex, type CandidateOptions, type CandidateStats, type HashedKeys,
} from './candidates.ts';
import { PairBuffer } from './pair-buffer.ts';
import { secondaryCandidateKeysOf } from './secondary-keys.ts';

export type LinkagePhase = 'features' | 'blocking' | 'comparing' | 'training' | 'scoring';

export interface LinkageProgress {
  phase: LinkagePhase;
  done: number;
  total: number;
}

export interface LinkageOptions {
  /** Use this model instead of training one on the input. */
  model?: MatchModel;
  /** Report pairs with probability ≥ this; default: the model's own threshold. */
  threshold?: number;
  onProgress?: (p: LinkageProgress) => void;
  /** Blocks yielding more candidate pairs than this are skipped. */
  maxBlockPairs?: number;
  /** The same for the secondary (in-memory only) keys. */
  maxSecondaryBlockPairs?: number;
  /** Pairs that only a secondary key brought are reported from this probability (or the threshold, if higher); default 0.995. */
  secondaryMinProbability?: number;
  seed?: number;
  /** Random pairs sampled to estimate u. */
  randomPairs?: number;
}

export interface ScoredPair {
  /** Index into the input (dedupe) or into left / right (link). */
  a: number;
  b: number;
  weight: number;
  probability: number;
}

export interface LinkageResult {
  pairs: ScoredPair[];
  model: MatchModel;
  threshold: number;
  stats: LinkageStats;
}

export interface LinkageStats extends CandidateStats {
  records: number;
  blockingKeys: number;
  /** Wall-clock milliseconds per phase. */
  millis: Record<LinkagePhase, number>;
  /** CPU milliseconds per phase (user + system of this process). */
  cpuMillis: Record<LinkagePhase, number>;
}

const PROGRESS_EVERY = 20_000;

// A pair that only a secondary key brought disagrees on at least two of
// surname, given name and birth date; there the model, which takes the
// fields as independent, overstates the evidence of what does agree (the
// same given name, year and nationality). Such a pair is reported only when
// the evidence is overwhelming, so the extra candidates add matches without
// costing precision. Measured on `pontis generate` data, secondary-only
// pairs true/false: 10,000 records 119/48 at the model's threshold (0.49),
// 68/1 at 0.99; 200,000 records 539/149 at 0.5, 352/18 at 0.98, 317/6 at
// 0.995 (precision of all pairs there: 0.96).
const SECONDARY_MIN_PROBABILITY = 0.995;
// Nor when both birth dates are known and disagree entirely: relatives
// (a mother and a daughter of the same name at one address) look like that.
const BIRTH_DIFFERENT = COMPARISONS[FIELD.BIRTH].levels.length - 1;

export function computeFeatures(records: MatchRecord[], report: (done: number) => void = () => {}): RecordFeatures[] {
  const out = new Array<RecordFeatures>(records.length);
  for (let i = 0; i < records.length; i++) {
    out[i] = extractFeatures(records[i]);
    if (i % PROGRESS_EVERY === 0) report(i);
  }
  report(records.length);
  return out;
}

/** The keys of the stored rules (blocking.ts), hashed. */
export function hashStoredKeys(features: RecordFeatures[]): HashedKeys {
  return hashRecordKeys(features.length, (i) => batchBlockingKeysOf(features[i]));
}

/** The in-memory secondary keys (secondary-keys.ts), hashed. */
export function hashSecondaryKeys(features: RecordFeatures[]): HashedKeys {
  return hashRecordKeys(features.length, (i) => secondaryCandidateKeysOf(features[i]), true);
}

/** Blocks of every key under which the batch engine pairs records: the stored rules and the secondary ones. */
export function buildLinkageIndex(features: RecordFeatures[]): CandidateIndex {
  return indexFromHashedKeys(features.length, [hashStoredKeys(features), hashSecondaryKeys(features)]);
}

export function candidateOptions(split: number | undefined, opts: LinkageOptions): CandidateOptions {
  return { split, maxBlockPairs: opts.maxBlockPairs, maxSecondaryBlockPairs: opts.maxSecondaryBlockPairs };
}

/** Compares the candidate pairs of blocks [fromBlock, toBlock) into buffer, in block order. */
export function compareBlocks(
  index: CandidateIndex, features: RecordFeatures[], opts: CandidateOptions, buffer: PairBuffer,
  report: (done: number) => void = () => {},
): CandidateStats {
  return forEachCandidatePair(index, opts, (i, j, secondaryOnly) => {
    const k = buffer.push(i, j, secondaryOnly);
    compareFeatures(features[i], features[j], buffer.levels, k * FIELD_COUNT);
    if (k % PROGRESS_EVERY === 0) report(k);
  });
}

export function trainOptions(split: number | undefined, opts: LinkageOptions): TrainOptions {
  return { split, seed: opts.seed, randomPairs: opts.randomPairs };
}

type Lap = (phase: LinkagePhase) => void;

export function phaseClock(): { lap: Lap; millis: Record<LinkagePhase, number>; cpuMillis: Record<LinkagePhase, number> } {
  const millis: Record<LinkagePhase, number> = { features: 0, blocking: 0, comparing: 0, training: 0, scoring: 0 };
  const cpuMillis: Record<LinkagePhase, number> = { features: 0, blocking: 0, comparing: 0, training: 0, scoring: 0 };
  // CPU of the whole process: worker threads count too.
  const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let t = performance.now(), c = cpuNow();
  const lap = (phase: LinkagePhase) => {
    const now = performance.now(), cnow = cpuNow();
    millis[phase] += now - t; cpuMillis[phase] += cnow - c;
    t = now; c = cnow;
  };
  return { lap, millis, cpuMillis };
}

/**
 * Training (unless a model is given), scoring and the result, once all
 * candidates are compared. `pre`: the feature-only part of training, when
 * another thread computed it.
 */
export function trainAndScore(
  features: RecordFeatures[], buffer: PairBuffer, split: number | undefined, opts: LinkageOptions,
  candidateStats: CandidateStats, blockingKeys: number, clock: ReturnType<typeof phaseClock>, pre?: FeatureTraining,
): LinkageResult {
  const progress = opts.onProgress ?? (() => {});
  const n = features.length;
  let model = opts.model;
  let tf: { surname: Float64Array; given: Float64Array } | undefined;
  if (!model) {
    progress({ phase: 'training', done: 0, total: 1 });
    const cols = { surname: new Float64Array(0), given: new Float64Array(0) };
    // Trained on the pairs of the stored rules only (trainModel leaves the secondary-only ones out): the broad
    // secondary rules would dilute the share of matches among candidates and move the threshold.
    model = trainModel(features, buffer, trainOptions(split, opts), pre, cols);
    tf = cols;
    progress({ phase: 'training', done: 1, total: 1 });
  }
  clock.lap('training');

  const cm = compileModel(model);
  const threshold = opts.threshold ?? model.threshold;
  const thresholdBits = probabilityToBits(threshold);
  const secondaryThresholdBits = Math.max(thresholdBits, probabilityToBits(opts.secondaryMinProbability ?? SECONDARY_MIN_PROBABILITY));
  if (!tf) {
    const tfS = new Float64Array(n), tfG = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t = recordTermFrequencies(model, features[i]);
      tfS[i] = t.surname; tfG[i] = t.given;
    }
    tf = { surname: tfS, given: tfG };
  }
  const tfS = tf.surname, tfG = tf.given;
  const pairs: ScoredPair[] = [];
  for (let k = 0; k < buffer.length; k++) {
    const i = buffer.a[k], j = buffer.b[k];
    const w = matchWeight(cm, buffer.levels, k * FIELD_COUNT, tfS[i], tfS[j], tfG[i], tfG[j]);
    const secondaryOnly = buffer.secondaryOnly[k] === 1;
    if (secondaryOnly && buffer.levels[k * FIELD_COUNT + FIELD.BIRTH] === BIRTH_DIFFERENT) continue;
    if (w >= (secondaryOnly ? secondaryThresholdBits : thresholdBits)) {
      pairs.push({ a: i, b: split === undefined ? j : j - split, weight: w, probability: bitsToProbability(w) });
    }
    if (k % (PROGRESS_EVERY * 10) === 0) progress({ phase: 'scoring', done: k, total: buffer.length });
  }
  progress({ phase: 'scoring', done: buffer.length, total: buffer.length });
  clock.lap('scoring');
  pairs.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  return {
    pairs,
    model,
    threshold,
    stats: { ...candidateStats, records: n, blockingKeys, millis: clock.millis, cpuMillis: clock.cpuMillis },
  };
}

function run(records: MatchRecord[], split: number | undefined, opts: LinkageOptions): LinkageResult {
  const progress = opts.onProgress ?? (() => {});
  const clock = phaseClock();
  const n = records.length;

  const features = computeFeatures(records, (done) => progress({ phase: 'features', done, total: n }));
  clock.lap('features');

  progress({ phase: 'blocking', done: 0, total: n });
  const index = buildLinkageIndex(features);
  progress({ phase: 'blocking', done: n, total: n });
  clock.lap('blocking');

  const buffer = new PairBuffer(Math.max(1024, n * 2));
  // The number of candidates is known only at the end: total 0 means "unknown yet".
  const candidateStats = compareBlocks(index, features, candidateOptions(split, opts), buffer, (k) => progress({ phase: 'comparing', done: k, total: 0 }));
  progress({ phase: 'comparing', done: buffer.length, total: buffer.length });
  clock.lap('comparing');

  return trainAndScore(features, buffer, split, opts, candidateStats, index.keyCount, clock);
}

/** Pairs of records in one set that are probably the same person. */
export function dedupe(records: MatchRecord[], opts: LinkageOptions = {}): LinkageResult {
  return run(records, undefined, opts);
}

/** Pairs (left, right) that are probably the same person. */
export function link(left: MatchRecord[], right: MatchRecord[], opts: LinkageOptions = {}): LinkageResult {
  return run([...left, ...right], left.length, opts);
}
