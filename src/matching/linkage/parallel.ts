// The batch engine on several threads. Features, blocking, training and
// scoring stay on the main thread; one worker thread rebuilds the features
// meanwhile, hashes the secondary keys for the blocks and learns the part of
// the model that needs no candidates (random pairs, the EM sessions); then the main thread and the workers
// compare chunks of candidate blocks until none is left. The chunks are put
// back in block order, so the candidates, the model and every score are
// exactly those of the single-thread engine (engine.ts).
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { MatchRecord } from '../../domain/match-record.ts';
import type { FeatureTraining } from '../model/train.ts';
import { balancedBlockRanges, indexFromHashedKeys, oversizedBlocks, type CandidateIndex, type CandidateStats, type HashedKeys } from './candidates.ts';
import { compareChunks } from './chunks.ts';
import {
  candidateOptions, hashStoredKeys, computeFeatures, dedupe, link, phaseClock, trainAndScore, trainOptions,
  type LinkageOptions, type LinkageResult,
} from './engine.ts';
import { PairBuffer } from './pair-buffer.ts';
import type { ComparedChunk, CompareRequest, RecordBatch, WorkerMessage, WorkerStart } from './parallel-protocol.ts';
import { spawnTsWorker } from '../../runtime/spawn-worker.ts';

export interface ParallelLinkageOptions extends LinkageOptions {
  /** Threads in all, the main one included; default: the cores available, at most 4. 1 = engine.ts alone. */
  threads?: number;
  /** Below this many records one thread is faster (a worker takes a while to start); default 50,000. */
  minRecordsPerWorker?: number;
  /** Records per message to a worker; default 20,000 (tests use small batches). */
  recordBatch?: number;
}

const CHUNKS_PER_THREAD = 16;
const RECORD_BATCH = 20_000;
const NO_KEYS: HashedKeys = { packed: new Float64Array(0), used: 0, perRecord: new Int32Array(0), secondary: true };
const EMPTY_CHUNK: ComparedChunk = {
  chunk: -1, a: new Int32Array(0), b: new Int32Array(0), levels: new Uint8Array(0), secondaryOnly: new Uint8Array(0), length: 0,
  stats: { pairs: 0, skippedBlocks: 0, skippedPairs: 0 },
};

/** How many threads the engine uses for n records. */
export function linkageThreads(n: number, opts: ParallelLinkageOptions = {}): number {
  const wanted = opts.threads ?? Math.min(4, os.availableParallelism());
  const min = opts.minRecordsPerWorker ?? 50_000;
  return Math.max(1, Math.min(wanted, Math.floor(n / min)));
}

/** A worker's messages as promises: the training part (when asked for) and the compared chunks. */
function listen(worker: Worker): { secondaryKeys: Promise<HashedKeys>; trained: Promise<FeatureTraining>; compared: Promise<ComparedChunk[]> } {
  let onTrained!: (t: FeatureTraining) => void, onCompared!: (c: ComparedChunk[]) => void, fail!: (e: Error) => void;
  let onKeys!: (k: HashedKeys) => void, failKeys!: (e: Error) => void;
  const secondaryKeys = new Promise<HashedKeys>((res, rej) => { onKeys = res; failKeys = rej; });
  const trained = new Promise<FeatureTraining>((res, rej) => { onTrained = res; fail = rej; });
  let failCompared!: (e: Error) => void;
  const compared = new Promise<ComparedChunk[]>((res, rej) => { onCompared = res; failCompared = rej; });
  // Unhandled until awaited: the caller may not need the training.
  secondaryKeys.catch(() => {});
  trained.catch(() => {});
  compared.catch(() => {});
  const failBoth = (e: Error) => { failKeys(e); fail(e); failCompared(e); };
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'secondaryKeys') onKeys(m.keys);
    else if (m.type === 'trained') onTrained(m.training);
    else if (m.type === 'compared') onCompared(m.chunks);
    else failBoth(new Error(`linkage worker failed: ${m.message}`));
  });
  worker.on('error', failBoth);
  worker.on('exit', (code) => failBoth(new Error(`linkage worker exited (code ${code})`)));
  return { secondaryKeys, trained, compared };
}

/** A copy in shared memory: sent to a worker, it is not copied again. */
function shared<T extends Int32Array | Uint8Array | Float64Array>(a: T): T {
  const ctor = a.constructor as { new (b: SharedArrayBuffer): T };
  const out = new ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a as never);
  return out;
}

function sharedIndex(ix: CandidateIndex): CandidateIndex {
  return {
    recordCount: ix.recordCount, keyCount: ix.keyCount, recordOffsets: shared(ix.recordOffsets), keyIds: shared(ix.keyIds),
    blockOffsets: shared(ix.blockOffsets), members: shared(ix.members), secondary: shared(ix.secondary),
  };
}

function stopAll(workers: Worker[]): void {
  for (const w of workers) { w.removeAllListeners('exit'); w.removeAllListeners('error'); w.on('error', () => {}); void w.terminate(); }
}

async function runParallel(records: MatchRecord[], split: number | undefined, opts: ParallelLinkageOptions): Promise<LinkageResult> {
  const threads = linkageThreads(records.length, opts);
  if (threads < 2) return split === undefined ? dedupe(records, opts) : link(records.slice(0, split), records.slice(split), opts);
  const progress = opts.onProgress ?? (() => {});
  const clock = phaseClock();
  const n = records.length;
  const train = trainOptions(split, opts);
  const workers: Worker[] = [];
  const channels: ReturnType<typeof listen>[] = [];
  const batchSize = Math.max(1, opts.recordBatch ?? RECORD_BATCH);
  try {
    for (let w = 1; w < threads; w++) {
      const start: WorkerStart = { count: n, first: w === 1, train: w === 1 && !opts.model, trainOptions: train };
      const worker = spawnTsWorker(new URL('./compare-worker.ts', import.meta.url), start);
      workers.push(worker);
      channels.push(listen(worker));
      for (let from = 0; from < n; from += batchSize) {
        const batch: RecordBatch = { type: 'records', records: records.slice(from, from + batchSize) };
        worker.postMessage(batch);
      }
    }
    const features = computeFeatures(records, (done) => progress({ phase: 'features', done, total: n }));
    clock.lap('features');

    progress({ phase: 'blocking', done: 0, total: n });
    const index = sharedIndex(indexFromHashedKeys(n, [hashStoredKeys(features), await channels[0].secondaryKeys]));
    channels[0].secondaryKeys = Promise.resolve(NO_KEYS);
    const options = candidateOptions(split, opts);
    const oversized = oversizedBlocks(index, options);
    options.oversized = { skipped: shared(oversized.skipped), estimate: shared(oversized.estimate) };
    const bounds = balancedBlockRanges(index, options, threads * CHUNKS_PER_THREAD);
    progress({ phase: 'blocking', done: n, total: n });
    clock.lap('blocking');

    const next = new Int32Array(new SharedArrayBuffer(4));
    const request: CompareRequest = { type: 'compare', index, options, bounds, next };
    for (const w of workers) w.postMessage(request);
    progress({ phase: 'comparing', done: 0, total: 0 });
    const mine = compareChunks(index, features, options, bounds, next);
    const theirs = await Promise.all(channels.map((c) => c.compared));
    const pre = opts.model ? undefined : await channels[0].trained;
    // The workers hold a copy of every feature and of the blocks: let them go before training.
    stopAll(workers);
    const chunks = [...mine, ...theirs.flat()].sort((x, y) => x.chunk - y.chunk);
    mine.length = 0;
    for (const t of theirs) t.length = 0;
    let total = 0;
    for (const c of chunks) total += c.length;
    const buffer = new PairBuffer(Math.max(1024, total));
    const stats: CandidateStats = { pairs: 0, skippedBlocks: 0, skippedPairs: 0 };
    for (let x = 0; x < chunks.length; x++) {
      const c = chunks[x];
      buffer.append(c);
      chunks[x] = EMPTY_CHUNK;
      stats.pairs += c.stats.pairs; stats.skippedBlocks += c.stats.skippedBlocks; stats.skippedPairs += c.stats.skippedPairs;
    }
    progress({ phase: 'comparing', done: buffer.length, total: buffer.length });
    clock.lap('comparing');

    return trainAndScore(features, buffer, split, opts, stats, index.keyCount, clock, pre);
  } finally {
    stopAll(workers);
  }
}

/** dedupe (engine.ts) on several threads; the same result. */
export function dedupeInParallel(records: MatchRecord[], opts: ParallelLinkageOptions = {}): Promise<LinkageResult> {
  return runParallel(records, undefined, opts);
}

/** link (engine.ts) on several threads; the same result. */
export function linkInParallel(left: MatchRecord[], right: MatchRecord[], opts: ParallelLinkageOptions = {}): Promise<LinkageResult> {
  return runParallel([...left, ...right], left.length, opts);
}
