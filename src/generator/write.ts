// Writes a population to disk as JSON Lines (the import format) or as the
// person CSV that `pontis dedupe` reads, plus the ground-truth CSV. Streams
// in chunks and waits for the disk when the stream asks it to, so memory
// stays flat for any size.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { personToMatchRecord } from '../domain/match-record.ts';
import type { PersonRecord } from '../domain/person.ts';
import { generatePopulation, type PopulationOptions } from './population.ts';

export type PopulationFormat = 'jsonl' | 'csv';

export interface WritePopulationOptions extends PopulationOptions {
  out: string;
  format?: PopulationFormat;
  /** Ground-truth CSV path; default `<out>.truth.csv`; `false` writes none. */
  truth?: string | false;
  onProgress?: (p: { persons: number; total: number }) => void;
  /** How often (in persons) onProgress is called; default 10,000. */
  progressEvery?: number;
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

export const DEDUPE_CSV_HEADER = 'id,given_names,surname,birth_date,sex,nationality,place_of_birth,document_number,address';
export const TRUTH_CSV_HEADER = 'source,ref,entity,variations';

/** RFC 4180 field quoting. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One person as a row of the dedupe CSV; the id is `source:ref`. */
export function personCsvRow(source: string, person: PersonRecord): string {
  const m = personToMatchRecord(`${source}:${person.ref}`, person);
  const name = m.names[0] ?? { given: '', family: '' };
  return [m.id, name.given, name.family, m.birthDate, m.sex, m.nationalities[0] ?? '', m.placeOfBirth, m.documentNumbers[0] ?? '', m.address]
    .map(csvField)
    .join(',');
}

const CHUNK = 256 * 1024;

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
    if (!this.stream.write(data)) await Promise.race([once(this.stream, 'drain'), once(this.stream, 'error').then(([e]) => Promise.reject(e))]);
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    if (!this.stream.writableFinished) await Promise.race([once(this.stream, 'finish'), once(this.stream, 'error').then(([e]) => Promise.reject(e))]);
    if (this.failed) throw this.failed;
  }
}

async function open(path: string): Promise<ChunkedWriter> {
  const stream = createWriteStream(path, { highWaterMark: 1024 * 1024 });
  await Promise.race([once(stream, 'open'), once(stream, 'error').then(([e]) => Promise.reject(e))]);
  return new ChunkedWriter(stream);
}

export async function writePopulation(opts: WritePopulationOptions): Promise<WritePopulationSummary> {
  const format = opts.format ?? 'jsonl';
  const truthPath = opts.truth === false ? undefined : (opts.truth ?? `${opts.out}.truth.csv`);
  const every = opts.progressEvery ?? 10_000;
  const out = await open(opts.out);
  const truth = truthPath ? await open(truthPath) : undefined;
  const summary: WritePopulationSummary = { out: opts.out, truth: truthPath, persons: 0, entities: 0, objects: 0, alerts: 0, lines: 0 };
  if (format === 'csv') await out.write(DEDUPE_CSV_HEADER + '\n');
  await truth?.write(TRUTH_CSV_HEADER + '\n');
  try {
    for (const item of generatePopulation(opts)) {
      switch (item.type) {
        case 'truth':
          if (item.record === 1) summary.entities++;
          if (truth) {
            const p = truth.write(`${csvField(item.source)},${csvField(item.ref)},${item.entity},${item.variations.join(';')}\n`);
            if (p) await p;
          }
          continue;
        case 'person':
          summary.persons++;
          if (opts.onProgress && summary.persons % every === 0) opts.onProgress({ persons: summary.persons, total: opts.persons });
          if (format === 'csv') {
            const p = out.write(personCsvRow(item.source, item) + '\n');
            if (p) await p;
            summary.lines++;
            continue;
          }
          break;
        case 'object':
          summary.objects++;
          break;
        case 'alert':
          summary.alerts++;
          break;
      }
      if (format === 'jsonl') {
        const p = out.write(JSON.stringify(item) + '\n');
        if (p) await p;
        summary.lines++;
      }
    }
  } finally {
    await out.close();
    await truth?.close();
  }
  opts.onProgress?.({ persons: summary.persons, total: opts.persons });
  return summary;
}
