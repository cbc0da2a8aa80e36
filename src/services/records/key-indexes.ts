// The person_keys indexes during initial loads. Keys are most of the rows an
// import writes (a dozen per person), and maintaining their two B-trees row
// by row costs about as much as writing the rows: measured on PGlite, a
// 14,500-person load spent 4.6 s CPU (20 s wall) on keys with the indexes
// and 3.3 s CPU (11 s wall) without them, index build included. So a large
// load into an empty store drops them and builds them once at the end.
import type { Kysely } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';

export async function dropPersonKeyIndexes(db: Kysely<Schema>): Promise<void> {
  await rawQuery(db, 'alter table person_keys drop constraint if exists person_keys_pkey');
  await rawQuery(db, 'drop index if exists person_keys_person');
}

/** Builds the person_keys indexes if missing (after a bulk load, or one interrupted by a crash). Cheap when they exist. */
export async function ensurePersonKeyIndexes(db: Kysely<Schema>): Promise<boolean> {
  const [state] = await rawQuery<{ pkey: boolean; person: boolean }>(
    db,
    `select exists (select 1 from pg_constraint where conname = 'person_keys_pkey') as pkey,
            exists (select 1 from pg_indexes where indexname = 'person_keys_person') as person`,
  );
  if (state!.pkey && state!.person) return false;
  if (!state!.pkey) await rawQuery(db, 'alter table person_keys add primary key (key, person_id)');
  if (!state!.person) await rawQuery(db, 'create index person_keys_person on person_keys (person_id)');
  return true;
}
