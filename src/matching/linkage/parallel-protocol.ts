// Messages between the linkage engine and its worker threads (parallel.ts, compare-worker.ts).
import type { MatchRecord } from '../../domain/match-record.ts';
import type { FeatureTraining, TrainOptions } from '../model/train.ts';
import type { CandidateIndex, CandidateOptions, CandidateStats, HashedKeys } from './candidates.ts';

export interface WorkerStart {
  /** Records to expect: they follow in RecordBatch messages, in order. */
  count: number;
  /** This is the first worker: it hashes the secondary keys and (when no model was given) trains on the features. */
  first: boolean;
  train: boolean;
  trainOptions: TrainOptions;
}

/**
 * Records reach a worker in batches rather than all in its start data: it
 * turns each batch into features and lets it go, so it never holds a copy
 * of every record next to their features (about 0.5 GB at a million).
 */
export interface RecordBatch {
  type: 'records';
  records: MatchRecord[];
}

/** Blocks are cut into chunks; threads take the next chunk from a shared counter until none is left. */
export interface CompareRequest {
  type: 'compare';
  index: CandidateIndex;
  options: CandidateOptions;
  /** Chunk c covers blocks bounds[c] .. bounds[c+1]. */
  bounds: number[];
  /** Int32Array over a SharedArrayBuffer: [0] = next chunk to take. */
  next: Int32Array;
}

export interface ComparedChunk {
  chunk: number;
  a: Int32Array;
  b: Int32Array;
  levels: Uint8Array;
  secondaryOnly: Uint8Array;
  length: number;
  stats: CandidateStats;
}

export type WorkerMessage =
  | { type: 'secondaryKeys'; keys: HashedKeys }
  | { type: 'trained'; training: FeatureTraining }
  | { type: 'compared'; chunks: ComparedChunk[] }
  | { type: 'failed'; message: string };
