// Batch linkage: features → blocking → comparison of candidate pairs →
// (training, unless a model is given) → scoring → pairs at or above the
// threshold. `dedupe` looks for pairs inside one set, `link` across two.
import type { MatchRecord } from '../../domain/match-record.ts';
import { FIELD_COUNT, compareFeatures } from '../compare.ts';
import { batchBlockingKeysOf } from '../blocking.ts';
import { extractFeatures, type RecordFeatures } from '../model/features.ts';
import { bitsToProbability, compileModel, matchWeight, probabilityToBits, recordTermFrequencies } from '../model/score.ts';
import { trainModel } from '../model/train.ts';
import type { MatchModel } from '../model/types.ts';
import { buildCandidateIndex, forEachCandidatePair, type CandidateStats } from './candidates.ts';
import { PairBuffer } from './pair-buffer.ts';

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

function computeFeatures(records: MatchRecord[], report: (done: number) => void): RecordFeatures[] {
  const out = new Array<RecordFeatures>(records.length);
  for (let i = 0; i < records.length; i++) {
    out[i] = extractFeatures(records[i]);
    if (i % PROGRESS_EVERY === 0) report(i);
  }
  report(records.length);
  return out;
}

function run(records: MatchRecord[], split: number | undefined, opts: LinkageOptions): LinkageResult {
  const progress = opts.onProgress ?? (() => {});
  const millis: Record<LinkagePhase, number> = { features: 0, blocking: 0, comparing: 0, training: 0, scoring: 0 };
  const cpuMillis: Record<LinkagePhase, number> = { features: 0, blocking: 0, comparing: 0, training: 0, scoring: 0 };
  const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  let t = performance.now(), c = cpuNow();
  const lap = (phase: LinkagePhase) => {
    const now = performance.now(), cnow = cpuNow();
    millis[phase] += now - t; cpuMillis[phase] += cnow - c;
    t = now; c = cnow;
  };
  const n = records.length;

  const features = computeFeatures(records, (done) => progress({ phase: 'features', done, total: n }));
  lap('features');

  progress({ phase: 'blocking', done: 0, total: n });
  const index = buildCandidateIndex(n, (i) => batchBlockingKeysOf(features[i]));
  progress({ phase: 'blocking', done: n, total: n });
  lap('blocking');

  const buffer = new PairBuffer(Math.max(1024, n * 2));
  const candidateStats = forEachCandidatePair(index, { split, maxBlockPairs: opts.maxBlockPairs }, (i, j) => {
    const k = buffer.push(i, j);
    compareFeatures(features[i], features[j], buffer.levels, k * FIELD_COUNT);
    // The number of candidates is known only at the end: total 0 means "unknown yet".
    if (k % PROGRESS_EVERY === 0) progress({ phase: 'comparing', done: k, total: 0 });
  });
  progress({ phase: 'comparing', done: buffer.length, total: buffer.length });
  lap('comparing');

  let model = opts.model;
  if (!model) {
    progress({ phase: 'training', done: 0, total: 1 });
    model = trainModel(features, buffer, { split, seed: opts.seed, randomPairs: opts.randomPairs });
    progress({ phase: 'training', done: 1, total: 1 });
  }
  lap('training');

  const cm = compileModel(model);
  const threshold = opts.threshold ?? model.threshold;
  const thresholdBits = probabilityToBits(threshold);
  const tfS = new Float64Array(n), tfG = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const tf = recordTermFrequencies(model, features[i]);
    tfS[i] = tf.surname; tfG[i] = tf.given;
  }
  const pairs: ScoredPair[] = [];
  for (let k = 0; k < buffer.length; k++) {
    const i = buffer.a[k], j = buffer.b[k];
    const w = matchWeight(cm, buffer.levels, k * FIELD_COUNT, tfS[i], tfS[j], tfG[i], tfG[j]);
    if (w >= thresholdBits) {
      pairs.push({ a: i, b: split === undefined ? j : j - split, weight: w, probability: bitsToProbability(w) });
    }
    if (k % (PROGRESS_EVERY * 10) === 0) progress({ phase: 'scoring', done: k, total: buffer.length });
  }
  progress({ phase: 'scoring', done: buffer.length, total: buffer.length });
  lap('scoring');
  pairs.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);
  return {
    pairs,
    model,
    threshold,
    stats: { ...candidateStats, records: n, blockingKeys: index.keyCount, millis, cpuMillis },
  };
}

/** Pairs of records in one set that are probably the same person. */
export function dedupe(records: MatchRecord[], opts: LinkageOptions = {}): LinkageResult {
  return run(records, undefined, opts);
}

/** Pairs (left, right) that are probably the same person. */
export function link(left: MatchRecord[], right: MatchRecord[], opts: LinkageOptions = {}): LinkageResult {
  return run([...left, ...right], left.length, opts);
}
