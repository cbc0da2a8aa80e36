// Reads a CSV import file with csv-parse, yielding each data row as an
// import line (see csv-mapping.ts) with its line number. A row csv-parse
// cannot read (an unclosed quote, …) becomes a rejected line, not the end of
// the import. Resuming skips the rows up to the committed line: CSV has a
// header that must be read first, and parsing is cheap next to writing.
import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import type { FieldIssue } from '../../domain/errors.ts';
import { alertLineFromCsv, csvKindOf, objectLineFromCsv, personLineFromCsv, snake, type CsvKind } from './csv-mapping.ts';
import type { RawLine } from './raw-line.ts';

export interface CsvOptions {
  source?: string;
  kind?: string;
  /** Lines already committed: rows ending at or before this line are skipped. */
  afterLine?: number;
}

export class CsvHeaderError extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super(`CSV header: ${issues.map((i) => i.message).join('; ')}`);
  }
}

interface ParsedRow {
  record: string[];
  info: { lines: number; bytes: number };
}

export async function* readCsvLines(path: string, opts: CsvOptions = {}, onBytes?: (bytes: number) => void): AsyncGenerator<RawLine> {
  const skipped: RawLine[] = [];
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const line = Number((err as { lines?: number } | undefined)?.lines ?? 0);
      skipped.push({ lineNo: line, endByte: 0, parsed: { ok: false, issues: [{ path: 'csv', message: err?.message ?? 'unreadable CSV record' }] } });
      return undefined;
    },
  });
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  input.on('data', (c) => {
    bytes += c.length;
    onBytes?.(bytes);
  });
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);

  let header: string[] | undefined;
  let kind: CsvKind = 'person';
  for await (const row of parser as AsyncIterable<ParsedRow>) {
    for (const s of skipped.splice(0)) if (s.lineNo > (opts.afterLine ?? 0)) yield s;
    if (!header) {
      header = row.record.map(snake);
      const k = csvKindOf(header);
      if (!k.ok) {
        input.destroy();
        throw new CsvHeaderError(k.issues);
      }
      kind = k.kind;
      continue;
    }
    const lineNo = row.info.lines;
    if (lineNo <= (opts.afterLine ?? 0)) continue;
    if (row.record.length !== header.length) {
      yield { lineNo, endByte: row.info.bytes, parsed: { ok: false, issues: [{ path: 'csv', message: `${row.record.length} fields, but the header has ${header.length}` }] } };
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = row.record[i]!));
    const value =
      kind === 'person' ? personLineFromCsv(cells, opts.source) : kind === 'alert' ? alertLineFromCsv(cells, opts.source) : objectLineFromCsv(cells, opts.source, opts.kind);
    yield { lineNo, endByte: row.info.bytes, parsed: { ok: true, value } };
  }
  for (const s of skipped.splice(0)) if (s.lineNo > (opts.afterLine ?? 0)) yield s;
}
