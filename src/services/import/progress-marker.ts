// The resume marker of a file import (table import_runs): where the last
// committed batch ended. Written inside each batch's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import { countsFromJson, type ImportCounts } from './summary.ts';

export interface ImportRun {
  fileKey: string;
  status: 'running' | 'completed';
  committedBytes: number;
  committedLines: number;
  counts: ImportCounts;
  /** An initial load running without the person_keys indexes. */
  bulk: boolean;
}

export async function findRun(db: Kysely<Schema>, fileKey: string): Promise<ImportRun | undefined> {
  const rows = await rawQuery<{ status: 'running' | 'completed'; committed_bytes: number; committed_lines: number; counts: unknown; bulk: boolean }>(
    db,
    'select status, committed_bytes, committed_lines, counts, bulk from import_runs where file_key = $1',
    [fileKey],
  );
  const r = rows[0];
  return r && { fileKey, status: r.status, committedBytes: Number(r.committed_bytes), committedLines: Number(r.committed_lines), counts: countsFromJson(r.counts), bulk: r.bulk };
}

/** Starts (or restarts from the top) the run of a file. */
export async function startRun(db: Kysely<Schema>, run: { fileKey: string; fileName: string; fileSize: number; format: 'jsonl' | 'csv'; bulk: boolean }): Promise<void> {
  await rawQuery(
    db,
    `insert into import_runs (file_key, file_name, file_size, format, committed_bytes, committed_lines, counts, status, bulk)
     values ($1, $2, $3, $4, 0, 0, '{}', 'running', $5)
     on conflict (file_key) do update set file_name = excluded.file_name, committed_bytes = 0, committed_lines = 0,
       counts = '{}', status = 'running', bulk = excluded.bulk, started_at = now(), updated_at = now(), completed_at = null`,
    [run.fileKey, run.fileName, run.fileSize, run.format, run.bulk],
  );
}

export async function advanceRun(trx: Transaction<Schema>, fileKey: string, at: { bytes: number; lines: number }, counts: ImportCounts): Promise<void> {
  await rawQuery(trx, 'update import_runs set committed_bytes = $2, committed_lines = $3, counts = $4, updated_at = now() where file_key = $1', [
    fileKey,
    at.bytes,
    at.lines,
    JSON.stringify(counts),
  ]);
}

export async function completeRun(db: Kysely<Schema>, fileKey: string, counts: ImportCounts): Promise<void> {
  await rawQuery(db, `update import_runs set status = 'completed', counts = $2, completed_at = now(), updated_at = now() where file_key = $1`, [fileKey, JSON.stringify(counts)]);
}
