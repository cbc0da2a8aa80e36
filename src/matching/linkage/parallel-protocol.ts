// Messages between the linkage engine and its worker threads (parallel.ts, compare-worker.ts).
import type { MatchRecord } from '../../domain/match-record.ts';
import type { FeatureTraining, TrainOptions } from '../model/train.ts';
import type { CandidateIndex, CandidateOptions, CandidateStats, HashedKeys } from './candidates.ts';

export interface WorkerStart {
  records: MatchRecord[];
  /** This is the first worker: it hashes the secondary keys and (when no model was given) trains on the features. */
  first: boolean;
  train: boolean;
  trainOptions: TrainOptions;
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
