// Worker thread that prepares chunks of lines (parse, validate, blocking
// keys) while the main thread writes batches: on two cores, validation and
// the database then work side by side instead of taking turns.
import { parentPort } from 'node:worker_threads';
import { prepareLine } from './prepare-line.ts';
import type { RawLine } from './raw-line.ts';

export interface PrepareRequest {
  id: number;
  lines: RawLine[];
  source?: string;
}

parentPort?.on('message', (m: PrepareRequest) => {
  try {
    parentPort!.postMessage({ id: m.id, results: m.lines.map((l) => prepareLine(l, m.source)) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).stack ?? String(e) });
  }
});
