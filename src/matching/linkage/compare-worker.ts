// Worker thread of the linkage engine: computes the features of all records
// itself, batch by batch as they arrive (they are objects, cheaper to
// rebuild than to copy), the hashed secondary keys and the part of training
// that needs no candidates, and then compares chunks of candidate blocks
// taken from the shared counter. Its results are identical to the
// main thread's because every step is deterministic.
import { parentPort, workerData } from 'node:worker_threads';
import { trainOnFeatures } from '../model/train.ts';
import { compareChunks } from './chunks.ts';
import { computeFeatures, hashSecondaryKeys } from './engine.ts';
import type { RecordFeatures } from '../model/features.ts';
import type { CompareRequest, RecordBatch, WorkerMessage, WorkerStart } from './parallel-protocol.ts';

const port = parentPort!;
const start = workerData as WorkerStart;
const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

const features: RecordFeatures[] = [];

/** Once every record has its features: the secondary keys and the feature-only training. */
function featuresDone(): void {
  if (start.first) {
    const keys = hashSecondaryKeys(features);
    post({ type: 'secondaryKeys', keys }, [keys.packed.buffer as ArrayBuffer, keys.perRecord.buffer as ArrayBuffer]);
  }
  if (start.train) post({ type: 'trained', training: trainOnFeatures(features, start.trainOptions) });
}

port.on('message', (req: RecordBatch | CompareRequest) => {
  try {
    if (req.type === 'records') {
      for (const f of computeFeatures(req.records)) features.push(f);
      if (features.length === start.count) featuresDone();
      return;
    }
    const chunks = compareChunks(req.index, features, req.options, req.bounds, req.next);
    post({ type: 'compared', chunks }, chunks.flatMap((c) => [c.a.buffer, c.b.buffer, c.levels.buffer, c.secondaryOnly.buffer] as ArrayBuffer[]));
  } catch (e) {
    post({ type: 'failed', message: (e as Error).stack ?? String(e) });
  }
});
