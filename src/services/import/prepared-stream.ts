// Lines in file order with their preparation results. Inline, each line is
// prepared as it is read. With a worker pool, chunks of lines are handed out
// a few ahead of the one being written, so the workers validate while the
// main thread waits on the database; results still come back in line order.
// The workers keep a batch ahead of the writer: while a batch is being
// written (the main thread busy or waiting on the database), the next one
// is validated, so the writer does not find its next batch half-validated.
// (Three chunks ahead, as before, left the writer waiting a fifth of a
// bulk load on the embedded engine.)
import { prepareLine } from './prepare-line.ts';
import type { PreparePool } from './prepare-pool.ts';
import type { RawLine } from './raw-line.ts';
import type { LineResult } from './validate-line.ts';
import { timePhase } from '../records/phase-timings.ts';

export interface PreparedEntry {
  raw: RawLine;
  result: LineResult;
}

const CHUNK_LINES = 1000;

export interface PreparedStreamOptions {
  pool?: PreparePool;
  /** How many lines the workers may be ahead of the caller (default: a batch of 5,000 and a chunk). */
  aheadLines?: number;
}

export async function* preparedStream(lines: AsyncIterable<RawLine>, source: string | undefined, opts: PreparedStreamOptions = {}): AsyncGenerator<PreparedEntry> {
  const { pool, aheadLines = 6_000 } = opts;
  if (!pool) {
    for await (const raw of lines) yield { raw, result: prepareLine(raw, source) };
    return;
  }
  const depth = Math.max(pool.size * 3, Math.ceil(aheadLines / CHUNK_LINES));
  const it = lines[Symbol.asyncIterator]();
  const queue: { raws: RawLine[]; results: Promise<LineResult[]> }[] = [];
  let exhausted = false;
  const fill = async () => {
    while (!exhausted && queue.length < depth) {
      const raws: RawLine[] = [];
      while (raws.length < CHUNK_LINES) {
        const n = await it.next();
        if (n.done) {
          exhausted = true;
          break;
        }
        raws.push(n.value);
      }
      if (!raws.length) break;
      const results = pool.prepare(raws, source);
      results.catch(() => {}); // awaited in order below; avoid an unhandled rejection meanwhile
      queue.push({ raws, results });
    }
  };
  try {
    await fill();
    while (queue.length) {
      const head = queue.shift()!;
      const results = await timePhase('main thread waits for validation', () => head.results);
      for (let i = 0; i < head.raws.length; i++) yield { raw: head.raws[i]!, result: results[i]! };
      await timePhase('main thread reads lines', fill);
    }
  } finally {
    await it.return?.();
  }
}
