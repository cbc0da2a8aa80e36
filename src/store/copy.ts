// Bulk loading with COPY … FROM STDIN, PostgreSQL's fastest way in, on both
// engines. A statement carries its rows as one CopyData parameter; each
// driver recognises it and streams the text (pg through pg-copy-streams,
// PGlite through its /dev/blob device). Rows pass through neither the
// parameter protocol nor SQL parsing, which is what made batched INSERTs
// the main cost of a large import.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';
import { rawQuery } from './database.ts';
import { CopyData } from './copy-data.ts';

export { CopyData } from './copy-data.ts';

export type CopyValue = string | number | null | undefined;

// COPY text format: backslash escapes for the characters that delimit rows
// and columns; \N is NULL. Values never hold NUL (PostgreSQL text cannot).
const SPECIAL = /[\\\t\n\r]/;
function escapeValue(v: string): string {
  return SPECIAL.test(v) ? v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : v;
}

function cell(v: CopyValue): string {
  return v === null || v === undefined ? '\\N' : typeof v === 'number' ? String(v) : escapeValue(v);
}

/** One row in COPY's text format, newline included. */
export function copyRow(row: readonly CopyValue[]): string {
  let out = cell(row[0]);
  for (let i = 1; i < row.length; i++) out += '\t' + cell(row[i]);
  return out + '\n';
}

export function copyText(rows: Iterable<readonly CopyValue[]>): string {
  // One flat string built by appending: for a batch of tens of thousands of
  // rows this beats joining per-row arrays (fewer intermediate strings).
  let out = '';
  for (const row of rows) out += copyRow(row);
  return out;
}

/** A PostgreSQL text[] literal for COPY, from plain tokens (country codes and the like). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

/**
 * COPY rows into table(columns) inside the caller's transaction; nothing
 * happens for no rows. Rows may come already in COPY text (from copyRow, for
 * instance built on a worker thread).
 */
export async function copyRows(
  executor: Kysely<Schema> | Transaction<Schema>,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]> | string,
): Promise<void> {
  // Names come from code, never from input; checked anyway since they are spliced into SQL.
  if (!IDENT.test(table) || !columns.every((c) => IDENT.test(c))) throw new Error(`copyRows: bad table or column name in ${table}(${columns.join(', ')})`);
  const t0 = performance.now();
  const text = typeof rows === 'string' ? rows : copyText(rows);
  if (!text) return;
  const t1 = performance.now();
  await rawQuery(executor, `copy ${table} (${columns.join(', ')}) from stdin`, [new CopyData(text)]);
  const s = copyStats.get(table) ?? { encodeMs: 0, writeMs: 0, chars: 0 };
  s.encodeMs += t1 - t0;
  s.writeMs += performance.now() - t1;
  s.chars += text.length;
  copyStats.set(table, s);
}

/** Per table, summed over the process: ms building COPY text, ms the database took, characters sent (for benchmarks). */
export const copyStats = new Map<string, { encodeMs: number; writeMs: number; chars: number }>();
