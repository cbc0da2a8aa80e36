// The plain-file interface of `pontis dedupe` / `pontis link`: a UTF-8 CSV
// with a header, one person per row, and a CSV of pairs out. Input comes
// from outside, so every problem is reported with its line and never thrown.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { MatchRecord } from '../domain/match-record.ts';
import { parseBirthDate } from './model/primitives.ts';

export const PEOPLE_COLUMNS = [
  'id', 'given_names', 'surname', 'birth_date', 'sex', 'nationality', 'place_of_birth', 'document_number', 'address',
] as const;

export interface CsvProblem {
  /** 1-based line in the file; 0 when the problem is about the file as a whole. */
  line: number;
  message: string;
}

export interface PeopleCsv {
  records: MatchRecord[];
  /** Line of each record (parallel to records), for messages about a record. */
  lines: number[];
  errors: CsvProblem[];
}

const MAX_ERRORS = 50;

/** Line (1-based) of the first byte that is not valid UTF-8, or 0 if the whole buffer is valid. */
export function invalidUtf8Line(buf: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return 0;
  } catch {
    // Find the offending byte by decoding line by line.
    const dec = new TextDecoder('utf-8', { fatal: true });
    let line = 1, start = 0;
    for (let i = 0; i <= buf.length; i++) {
      if (i === buf.length || buf[i] === 0x0a) {
        try { dec.decode(buf.subarray(start, i)); } catch { return line; }
        line++; start = i + 1;
      }
    }
    return line;
  }
}

function splitList(s: string): string[] {
  return s.split(/[;|]/).map((x) => x.trim()).filter(Boolean);
}

function normaliseSex(s: string): string | null {
  const v = s.trim().toUpperCase();
  if (v === 'M' || v === 'MALE') return 'M';
  if (v === 'F' || v === 'FEMALE') return 'F';
  if (v === '' || v === 'U' || v === 'X' || v === 'UNKNOWN') return '';
  return null;
}

function describe(v: string): string {
  return v.length > 40 ? `"${v.slice(0, 40)}…"` : `"${v}"`;
}

type CsvRow = { record: string[]; info: { lines: number } };

/**
 * Parses a people CSV. Never throws; problems are returned with their line
 * numbers. Rows are checked as the parser yields them, not collected first:
 * a million-row file would otherwise hold every row's fields twice.
 */
export function parsePeopleCsv(input: Uint8Array | string): PeopleCsv {
  const errors: CsvProblem[] = [];
  const out: PeopleCsv = { records: [], lines: [], errors };
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      errors.push({ line: invalidUtf8Line(input), message: 'the file is not valid UTF-8 (save it as UTF-8)' });
      return out;
    }
  }
  /** Columns of the header; -1 until the header is read. */
  let columns = -1;
  const col = new Map<string, number>();
  const seen = new Map<string, number>();
  const get = (r: string[], name: string): string => {
    const i = col.get(name);
    return i === undefined ? '' : (r[i] ?? '').trim();
  };
  const readHeader = ({ record, info }: CsvRow) => {
    const header = record.map((h) => h.trim().toLowerCase());
    columns = header.length;
    header.forEach((h, i) => {
      if (col.has(h) && h !== '') errors.push({ line: info.lines, message: `column "${h}" appears twice in the header` });
      else col.set(h, i);
    });
    if (!col.has('id')) errors.push({ line: info.lines, message: `the header has no "id" column (found: ${header.join(', ') || 'nothing'})` });
  };
  const readRow = ({ record: r, info }: CsvRow) => {
    const line = info.lines;
    if (r.length !== columns) {
      errors.push({ line, message: `expected ${columns} columns as in the header, found ${r.length}` });
      return;
    }
    const id = get(r, 'id');
    if (id === '') { errors.push({ line, message: 'the id is empty' }); return; }
    const first = seen.get(id);
    if (first !== undefined) { errors.push({ line, message: `id ${describe(id)} already used on line ${first}` }); return; }
    seen.set(id, line);
    const birthDate = get(r, 'birth_date');
    if (birthDate !== '' && !parseBirthDate(birthDate)) {
      errors.push({ line, message: `birth_date ${describe(birthDate)} is not an ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)` });
      return;
    }
    const sex = normaliseSex(get(r, 'sex'));
    if (sex === null) { errors.push({ line, message: `sex ${describe(get(r, 'sex'))} must be M, F, U, X or empty` }); return; }
    const nationalities = splitList(get(r, 'nationality'));
    const badNat = nationalities.find((n) => !/^[A-Za-z]{2,3}$/.test(n));
    if (badNat !== undefined) { errors.push({ line, message: `nationality ${describe(badNat)} is not a 2- or 3-letter country code` }); return; }
    out.records.push({
      id,
      names: [{ given: get(r, 'given_names'), family: get(r, 'surname') }],
      birthDate,
      sex,
      nationalities: nationalities.map((n) => n.toUpperCase()),
      placeOfBirth: get(r, 'place_of_birth'),
      documentNumbers: splitList(get(r, 'document_number')),
      address: get(r, 'address'),
    });
    out.lines.push(line);
  };
  try {
    parse(text, {
      bom: true, relax_column_count: true, skip_empty_lines: true, info: true,
      on_record: (row: unknown) => {
        if (columns < 0) readHeader(row as CsvRow);
        // Without an id column no row is read: the header's error is the answer.
        else if (col.has('id') && errors.length < MAX_ERRORS) readRow(row as CsvRow);
        return null;
      },
    });
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    out.records = [];
    out.lines = [];
    out.errors = [{ line: err.lines ?? 0, message: `not valid CSV: ${(err.message ?? String(e)).replace(/^Invalid [^:]*: /, '')}` }];
    return out;
  }
  if (columns < 0) {
    errors.push({ line: 1, message: 'the file is empty; expected a header line starting with id' });
    return out;
  }
  if (errors.length >= MAX_ERRORS) errors.push({ line: 0, message: `stopped after ${MAX_ERRORS} problems` });
  return out;
}

export async function readPeopleCsv(path: string): Promise<PeopleCsv> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { records: [], lines: [], errors: [{ line: 0, message: code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path}: ${(e as Error).message}` }] };
  }
  return parsePeopleCsv(buf);
}

/** One CSV field, quoted when it needs to be. */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: (string | number)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

export function formatProblems(file: string, problems: CsvProblem[]): string {
  return problems.map((p) => (p.line > 0 ? `${file}:${p.line}: ${p.message}` : `${file}: ${p.message}`)).join('\n');
}
