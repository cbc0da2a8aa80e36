// A generator worker thread: produces serialised entities on request.
import { parentPort, workerData } from 'node:worker_threads';
import { produceEntities, type ProduceOptions } from './produce.ts';

const opts = workerData as ProduceOptions;
parentPort!.on('message', (m: { chunk: number; start: number; count: number }) => {
  parentPort!.postMessage({ chunk: m.chunk, entities: produceEntities(opts, m.start, m.count) });
});
