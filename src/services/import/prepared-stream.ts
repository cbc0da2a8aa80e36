// Lines in file order with their preparation results. Inline, each line is
// prepared as it is read. With a worker pool, chunks of lines are handed out
// a few ahead of the one being written, so the workers validate while the
// main thread waits on the database; results still come back in line order.
import { prepareLine } from './prepare-line.ts';
import type { PreparePool } from './prepare-pool.ts';
import type { RawLine } from './raw-line.ts';
import type { LineResult } from './validate-line.ts';

export interface PreparedEntry {
  raw: RawLine;
  result: LineResult;
}

const CHUNK_LINES = 1000;

export async function* preparedStream(lines: AsyncIterable<RawLine>, source: string | undefined, pool?: PreparePool): AsyncGenerator<PreparedEntry> {
  if (!pool) {
    for await (const raw of lines) yield { raw, result: prepareLine(raw, source) };
    return;
  }
  const depth = pool.size * 3;
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
      const results = await head.results;
      for (let i = 0; i < head.raws.length; i++) yield { raw: head.raws[i]!, result: results[i]! };
      await fill();
    }
  } finally {
    await it.return?.();
  }
}
