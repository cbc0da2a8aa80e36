// Writes a population to disk as JSON Lines (the import format) or as the
// person CSV that `pontis dedupe` reads, plus the ground-truth CSV. Entities
// are produced in chunks — on worker threads for large populations — and
// written in file order in 256 KB pieces, waiting whenever the stream asks.
// Memory stays flat for any size; output is the same with or without workers.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { spawnTsWorker } from '../runtime/spawn-worker.ts';
import { headerLines, parseToday, ReleaseQueue, type PopulationOptions } from './population.ts';
import { DEDUPE_CSV_HEADER, TRUTH_CSV_HEADER, produceEntities, type PopulationFormat, type ProduceOptions, type SerializedBundle } from './produce.ts';

export { DEDUPE_CSV_HEADER, TRUTH_CSV_HEADER, csvField, personCsvRow, type PopulationFormat } from './produce.ts';

export interface WritePopulationOptions extends PopulationOptions {
  out: string;
  format?: PopulationFormat;
  /** Ground-truth CSV path; default `<out>.truth.csv`; `false` writes none. */
  truth?: string | false;
  onProgress?: (p: { persons: number; total: number }) => void;
  /** How often (in persons) onProgress is called; default 10,000. */
  progressEvery?: number;
  /** Worker threads; default: one per core (at most 4) from 100,000 persons up, none below. */
  workers?: number;
  /** Entities per unit of work; default 2,000. */
  chunkEntities?: number;
}

export interface WritePopulationSummary {
  out: string;
  truth?: string;
  persons: number;
  entities: number;
  objects: number;
  alerts: number;
  lines: number;
}

const CHUNK = 256 * 1024;
const ENTITIES_PER_CHUNK = 2_000;

/** A buffered writer that respects back-pressure. */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  private failed: Error | undefined;

  constructor(private readonly stream: WriteStream) {
    stream.on('error', (e) => {
      this.failed = e;
    });
  }

  /** Buffers `s`; returns a promise only when the buffer went to disk and the caller must wait. */
  write(s: string): Promise<void> | undefined {
    if (s === '') return undefined;
    this.parts.push(s);
    this.size += s.length;
    return this.size >= CHUNK ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    if (this.parts.length === 0) return;
    const data = this.parts.join('');
    this.parts = [];
    this.size = 0;
    // events.once rejects when the stream emits 'error' while we wait.
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    if (!this.stream.writableFinished) await once(this.stream, 'finish');
    if (this.failed) throw this.failed;
  }
}

async function open(path: string): Promise<ChunkedWriter> {
  const stream = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  await once(stream, 'open');
  return new ChunkedWriter(stream);
}

/** Entities in order, a chunk at a time, from this thread or from workers. */
interface EntitySource {
  next(): Promise<SerializedBundle[][]>;
  close(): Promise<void>;
}

function inProcess(opts: ProduceOptions, size: number): EntitySource {
  let start = 1;
  return {
    next: async () => {
      const chunk = produceEntities(opts, start, size);
      start += size;
      return chunk;
    },
    close: async () => {},
  };
}

/** Generator threads running worker.ts, each producing chunks of entities. */
function workerPool(opts: ProduceOptions, count: number, size: number): EntitySource {
  const workers = Array.from({ length: count }, () =>
    spawnTsWorker(new URL('./worker.ts', import.meta.url), opts),
  );
  const pending = new Map<number, { resolve: (e: SerializedBundle[][]) => void; reject: (e: Error) => void }>();
  const results = new Map<number, Promise<SerializedBundle[][]>>();
  for (const w of workers) {
    w.on('message', (m: { chunk: number; entities: SerializedBundle[][] }) => {
      pending.get(m.chunk)?.resolve(m.entities);
      pending.delete(m.chunk);
    });
    w.on('error', (e: Error) => {
      for (const p of pending.values()) p.reject(e);
      pending.clear();
    });
    w.on('exit', (code) => {
      if (closing) return;
      for (const p of pending.values()) p.reject(new Error(`a generator worker stopped unexpectedly (exit code ${code})`));
      pending.clear();
    });
  }
  let requested = 0;
  let consumed = 0;
  let closing = false;
  const request = () => {
    const chunk = requested++;
    const result = new Promise<SerializedBundle[][]>((resolve, reject) => pending.set(chunk, { resolve, reject }));
    result.catch(() => {}); // chunks requested ahead may never be awaited; their failure is reported by the one that is
    results.set(chunk, result);
    workers[chunk % count].postMessage({ chunk, start: 1 + chunk * size, count: size });
  };
  // Two chunks in flight per worker keeps every worker busy while this thread writes.
  for (let i = 0; i < 2 * count; i++) request();
  return {
    next: async () => {
      const chunk = consumed++;
      const result = await results.get(chunk)!;
      results.delete(chunk);
      request();
      return result;
    },
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

export function defaultWorkers(persons: number): number {
  return persons >= 100_000 ? Math.min(4, Math.max(1, availableParallelism())) : 0;
}

export async function writePopulation(opts: WritePopulationOptions): Promise<WritePopulationSummary> {
  const format = opts.format ?? 'jsonl';
  parseToday(opts.today);
  if (!Number.isInteger(opts.persons) || opts.persons < 0) throw new Error('persons must be a non-negative integer');
  const truthPath = opts.truth === false ? undefined : (opts.truth ?? `${opts.out}.truth.csv`);
  const every = opts.progressEvery ?? 10_000;
  const out = await open(opts.out);
  const truth = truthPath ? await open(truthPath) : undefined;
  const summary: WritePopulationSummary = { out: opts.out, truth: truthPath, persons: 0, entities: 0, objects: 0, alerts: 0, lines: 0 };
  const workers = opts.workers ?? defaultWorkers(opts.persons);
  const produce: ProduceOptions = { seed: opts.seed, today: opts.today, format };
  const size = opts.chunkEntities ?? ENTITIES_PER_CHUNK;
  const source = workers > 0 ? workerPool(produce, workers, size) : inProcess(produce, size);
  let nextProgress = every;

  const write = async (b: SerializedBundle) => {
    summary.persons += b.persons;
    summary.entities += b.entities;
    summary.objects += b.objects;
    summary.alerts += b.alerts;
    summary.lines += b.lines;
    const p1 = out.write(b.main);
    if (p1) await p1;
    const p2 = truth?.write(b.truth);
    if (p2) await p2;
    if (opts.onProgress && summary.persons >= nextProgress) {
      opts.onProgress({ persons: summary.persons, total: opts.persons });
      nextProgress += every;
    }
  };

  try {
    if (format === 'csv') out.write(DEDUPE_CSV_HEADER + '\n');
    else {
      const header = headerLines().map((l) => JSON.stringify(l) + '\n').join('');
      out.write(header);
      summary.lines += headerLines().length;
    }
    truth?.write(TRUTH_CSV_HEADER + '\n');
    const queue = new ReleaseQueue<SerializedBundle>(opts.persons);
    let index = 1;
    while (!queue.full) {
      const chunk = await source.next();
      for (const entity of chunk) {
        for (const b of queue.due(index)) await write(b);
        queue.add(entity.map((b) => ({ releaseAt: b.releaseAt, persons: b.persons, payload: b })));
        for (const b of queue.due(index)) await write(b);
        index++;
        if (queue.full) break;
      }
    }
    for (const b of queue.drain()) await write(b);
  } finally {
    await source.close();
    await out.close();
    await truth?.close();
  }
  opts.onProgress?.({ persons: summary.persons, total: opts.persons });
  return summary;
}
