// The lines gathered for the next transaction, in file order, so that a
// batch can be split when one of its lines turns out to be unstorable.
import { emptyBatch, type RecordBatch } from '../records/write-batch.ts';
import type { ValidLine } from './validate-line.ts';

export interface BatchEntry {
  line: ValidLine;
  lineNo: number;
  endByte: number;
}

export interface Position {
  lines: number;
  bytes: number;
}

export class PendingBatch {
  entries: BatchEntry[] = [];
  /** Lines consumed since the last flush, including rejected and blank ones. */
  consumed = 0;
  end: Position;
  #ids = new Set<string>();

  constructor(start: Position) {
    this.end = start;
  }

  /** A record with the same id is already waiting: the batch must be written first (one upsert cannot touch a row twice). */
  holds(line: ValidLine): boolean {
    return this.#ids.has(keyOf(line));
  }

  add(entry: BatchEntry): void {
    this.entries.push(entry);
    this.#ids.add(keyOf(entry.line));
  }
}

function keyOf(line: ValidLine): string {
  return `${line.type}:${'id' in line.value ? line.value.id : ''}`;
}

export function toRecordBatch(entries: BatchEntry[]): RecordBatch {
  const b = emptyBatch();
  for (const { line } of entries) {
    switch (line.type) {
      case 'authority':
        b.authorities.push(line.value);
        break;
      case 'source':
        b.sources.push(line.value);
        break;
      case 'person':
        b.persons.push(line.value);
        break;
      case 'object':
        b.objects.push(line.value);
        break;
      case 'alert':
        b.alerts.push(line.value);
        break;
    }
  }
  return b;
}
