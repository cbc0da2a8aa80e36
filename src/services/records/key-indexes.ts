// The person_keys constraints during initial loads. Keys are most of the
// rows an import writes (about ten per person), and checking their foreign
// key and maintaining their two B-trees row by row costs more than writing
// the rows. Measured on PGlite for 14,500 persons (126,000 keys), CPU time:
// keys with constraints 1.75 s + nothing to build, without the foreign key
// and the indexes 0.65 s + 0.52 s to build them once. So a large load into
// an empty store drops them and builds them once at the end; the foreign key
// comes back validated in one set-based pass.
import type { Kysely } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';

const FOREIGN_KEY_VIOLATION = '23503';

export async function dropPersonKeyIndexes(db: Kysely<Schema>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await rawQuery(trx, 'alter table person_keys drop constraint if exists person_keys_person_id_fkey');
    await rawQuery(trx, 'alter table person_keys drop constraint if exists person_keys_pkey');
    await rawQuery(trx, 'drop index if exists person_keys_person');
  });
}

/** Builds the person_keys indexes and foreign key if missing (after a bulk load, or one cut short by a crash). Cheap when they exist. */
export async function ensurePersonKeyIndexes(db: Kysely<Schema>): Promise<boolean> {
  const [state] = await rawQuery<{ pkey: boolean; person: boolean; fkey: boolean }>(
    db,
    `select exists (select 1 from pg_constraint where conname = 'person_keys_pkey') as pkey,
            exists (select 1 from pg_indexes where indexname = 'person_keys_person') as person,
            exists (select 1 from pg_constraint where conname = 'person_keys_person_id_fkey') as fkey`,
  );
  if (state!.pkey && state!.person && state!.fkey) return false;
  await db.transaction().execute(async (trx) => {
    // Sorting millions of keys in memory instead of in temporary files; local to this transaction.
    await rawQuery(trx, `set local maintenance_work_mem = '256MB'`);
    if (!state!.pkey) await rawQuery(trx, 'alter table person_keys add primary key (key, person_id)');
    if (!state!.person) await rawQuery(trx, 'create index person_keys_person on person_keys (person_id)');
    if (!state!.fkey) {
      await rawQuery(trx, 'alter table person_keys add constraint person_keys_person_id_fkey foreign key (person_id) references persons (id) on delete cascade not valid');
      // Keys of persons deleted during the load (no cascade without the foreign
      // key) fail the validation; they are only then looked for and removed,
      // since that search is a second pass over every key.
      await rawQuery(trx, 'savepoint validate_keys');
      try {
        await rawQuery(trx, 'alter table person_keys validate constraint person_keys_person_id_fkey');
      } catch (e) {
        if ((e as { code?: unknown }).code !== FOREIGN_KEY_VIOLATION) throw e;
        await rawQuery(trx, 'rollback to savepoint validate_keys');
        await rawQuery(trx, 'delete from person_keys k where not exists (select 1 from persons p where p.id = k.person_id)');
        await rawQuery(trx, 'alter table person_keys validate constraint person_keys_person_id_fkey');
      }
    }
  });
  return true;
}
