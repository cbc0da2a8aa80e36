// The fast path of an initial load: records new to the store go in with
// COPY instead of an upsert (several times cheaper per row on both
// engines). Whether a batch is really new is only known to the database, so
// the COPY runs under a savepoint: if any id already exists (a file that
// repeats a record in a later batch) it is undone and the caller upserts.
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import { copyRows, type CopyValue } from '../../store/copy.ts';

const UNIQUE_VIOLATION = '23505';

/** True when every row was inserted; false (and nothing written) when one of them already exists. */
export async function copyIfAllNew(trx: Transaction<Schema>, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]> | string): Promise<boolean> {
  await rawQuery(trx, 'savepoint fresh_copy');
  try {
    await copyRows(trx, table, columns, rows);
  } catch (e) {
    if ((e as { code?: unknown }).code !== UNIQUE_VIOLATION) throw e;
    await rawQuery(trx, 'rollback to savepoint fresh_copy');
    return false;
  }
  await rawQuery(trx, 'release savepoint fresh_copy');
  return true;
}
