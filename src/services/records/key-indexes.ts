// The indexes an initial load goes without. Keys are most of the rows an
// import writes (about ten per person), and checking their foreign key and
// maintaining their two B-trees row by row costs more than writing the rows.
// Measured on PGlite for 14,500 persons (126,000 keys), CPU time: keys with
// constraints 1.75 s + nothing to build, without the foreign key and the
// indexes 0.65 s + 0.52 s to build them once. The same holds for the other
// tables' secondary indexes (see DEFERRED). So a large load into an empty
// store drops them and builds them once at the end; the foreign key comes
// back validated in one set-based pass.
import type { Kysely } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { Engine } from '../../store/database.ts';
import { rawQuery } from '../../store/database.ts';
import { timePhase } from './phase-timings.ts';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * Secondary indexes of the other tables that a bulk load builds at its end.
 * Nothing reads them during the load, and a record's id is derived from its
 * (source, ref), so the primary key alone already refuses a repeated
 * (source, ref) while the unique constraint is away. Measured on PGlite, COPY
 * of 300,000 persons 6.4 s with the (source, ref) index, 3.0 s without;
 * 300,000 identity documents 3.8 s with the number index, 1.6 s without;
 * building both afterwards 0.9 s.
 */
interface DeferredIndex {
  name: string;
  table: string;
  columns: string;
  /** A unique constraint (built as a unique index, then attached). */
  unique?: boolean;
  where?: string;
}

const DEFERRED: readonly DeferredIndex[] = [
  { name: 'persons_source_id_ref_key', table: 'persons', columns: 'source_id, ref', unique: true },
  { name: 'identity_documents_number_key', table: 'identity_documents', columns: 'number_key' },
  { name: 'objects_source_id_ref_key', table: 'objects', columns: 'source_id, ref', unique: true },
  { name: 'objects_identifier', table: 'objects', columns: 'identifier' },
  { name: 'objects_identifier_key', table: 'objects', columns: 'identifier_key' },
  { name: 'objects_identifier2_key', table: 'objects', columns: 'identifier2_key' },
  { name: 'alerts_source_id_ref_key', table: 'alerts', columns: 'source_id, ref', unique: true },
  { name: 'alerts_person', table: 'alerts', columns: 'person_id', where: 'person_id is not null' },
  { name: 'alerts_object', table: 'alerts', columns: 'object_id', where: 'object_id is not null' },
  { name: 'alerts_status_expiry', table: 'alerts', columns: 'status, expires_at' },
];

const DEFERRED_NAMES = DEFERRED.map((d) => d.name);

/** Drops what a bulk load goes without: the person_keys indexes and foreign key, and the DEFERRED indexes. */
export async function dropBulkLoadIndexes(db: Kysely<Schema>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const d of DEFERRED) {
      if (d.unique) await rawQuery(trx, `alter table ${d.table} drop constraint if exists ${d.name}`);
      await rawQuery(trx, `drop index if exists ${d.name}`);
    }
    await rawQuery(trx, 'alter table person_keys drop constraint if exists person_keys_person_id_fkey');
    await rawQuery(trx, 'alter table person_keys drop constraint if exists person_keys_pkey');
    // A build cut short between its unique index and making it the primary key leaves the index alone.
    await rawQuery(trx, 'drop index if exists person_keys_pkey');
    await rawQuery(trx, 'drop index if exists person_keys_person');
  });
}

interface KeyIndexState {
  pkey: boolean;
  person: boolean;
  fkey: boolean;
  /** DEFERRED indexes that exist, and DEFERRED unique constraints that exist. */
  indexes: string[];
  constraints: string[];
}

async function keyIndexState(db: Kysely<Schema>): Promise<KeyIndexState> {
  const [state] = await rawQuery<KeyIndexState>(
    db,
    `select exists (select 1 from pg_constraint where conname = 'person_keys_pkey') as pkey,
            exists (select 1 from pg_indexes where indexname = 'person_keys_person') as person,
            exists (select 1 from pg_constraint where conname = 'person_keys_person_id_fkey') as fkey,
            array(select indexname::text from pg_indexes where schemaname = current_schema() and indexname = any($1::text[])) as indexes,
            array(select conname::text from pg_constraint where conname = any($1::text[])) as constraints`,
    [DEFERRED_NAMES],
  );
  return { ...state!, indexes: state!.indexes ?? [], constraints: state!.constraints ?? [] };
}

function deferredComplete(state: KeyIndexState): boolean {
  return DEFERRED.every((d) => state.indexes.includes(d.name) && (!d.unique || state.constraints.includes(d.name)));
}

/** Builds the missing DEFERRED indexes, one after the other (each commits on its own). */
async function buildDeferred(db: Kysely<Schema>, state: KeyIndexState, memory: string, parallel: boolean): Promise<void> {
  for (const d of DEFERRED) {
    if (!state.indexes.includes(d.name)) {
      const where = d.where ? ` where ${d.where}` : '';
      await buildIndex(db, memory, `create ${d.unique ? 'unique ' : ''}index if not exists ${d.name} on ${d.table} (${d.columns})${where}`, parallel, `index: ${d.name}`);
    }
    if (d.unique && !state.constraints.includes(d.name)) await rawQuery(db, `alter table ${d.table} add constraint ${d.name} unique using index ${d.name}`);
  }
}

export interface KeyIndexBuild {
  /**
   * On PostgreSQL the two indexes are built side by side on two connections
   * (a server process each, so both cores sort at once); the embedded
   * engine's one connection runs one statement at a time. Default embedded.
   */
  engine?: Engine;
  /**
   * Work to run beside the index builds (the set-wise reference check of a
   * bulk load: it reads other tables, so it takes no lock the builds need).
   */
  alongside?: () => Promise<void>;
}

// Sorting millions of keys in memory instead of in temporary files; local to
// the build's transaction. A PostgreSQL server has memory to spare for it;
// in PGlite it is memory of the node process itself, so less.
const SORT_MEMORY = { postgres: { pkey: '1GB', person: '512MB' }, embedded: { pkey: '256MB', person: '256MB' } };

async function buildIndex(db: Kysely<Schema>, memory: string, sql: string, parallel: boolean, phase: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await rawQuery(trx, `set local maintenance_work_mem = '${memory}'`);
    // Two builds already occupy the two cores; parallel sort workers would only contend with them.
    if (parallel) await rawQuery(trx, 'set local max_parallel_maintenance_workers = 0');
    await timePhase(phase, () => rawQuery(trx, sql));
  });
}

/**
 * Builds the person_keys indexes and foreign key and the DEFERRED indexes
 * if missing (after a bulk load, or one cut short by a crash). Cheap when they exist. Each step
 * commits on its own and is skipped when already done, so a crash between
 * steps is finished by the next call.
 */
export async function ensureBulkLoadIndexes(db: Kysely<Schema>, opts: KeyIndexBuild = {}): Promise<boolean> {
  const state = await keyIndexState(db);
  if (state.pkey && state.person && state.fkey && deferredComplete(state)) {
    await opts.alongside?.();
    return false;
  }
  const parallel = opts.engine === 'postgres';
  const memory = SORT_MEMORY[opts.engine ?? 'embedded'];
  // The primary key's index is built as a plain unique index (a SHARE lock,
  // which a second CREATE INDEX can share) and then made the primary key, a
  // catalogue change only.
  const pkey = async () => {
    if (state.pkey) return;
    await buildIndex(db, memory.pkey, 'create unique index if not exists person_keys_pkey on person_keys (key, person_id)', parallel, 'index: person_keys primary key');
    await rawQuery(db, 'alter table person_keys add constraint person_keys_pkey primary key using index person_keys_pkey');
  };
  const person = async () => {
    if (!state.person) await buildIndex(db, memory.person, 'create index if not exists person_keys_person on person_keys (person_id)', parallel, 'index: person_keys (person_id)');
  };
  const others = () => buildDeferred(db, state, memory.person, parallel);
  if (parallel) {
    let alongsideFailure: { error: unknown } | undefined;
    const sides = await Promise.allSettled([
      pkey(),
      person().then(others).then(() => opts.alongside?.().catch((error: unknown) => void (alongsideFailure = { error }))),
    ]);
    // Both sides have ended before an error leaves: no statement is left running behind the caller.
    for (const side of sides) if (side.status === 'rejected') throw side.reason;
    if (!state.fkey) await addKeyForeignKey(db);
    if (alongsideFailure) throw alongsideFailure.error;
  } else {
    await pkey();
    await person();
    await others();
    if (!state.fkey) await addKeyForeignKey(db);
    await opts.alongside?.();
  }
  return true;
}

async function addKeyForeignKey(db: Kysely<Schema>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await rawQuery(trx, 'alter table person_keys add constraint person_keys_person_id_fkey foreign key (person_id) references persons (id) on delete cascade not valid');
    // Keys of persons deleted during the load (no cascade without the foreign
    // key) fail the validation; they are only then looked for and removed,
    // since that search is a second pass over every key.
    await rawQuery(trx, 'savepoint validate_keys');
    try {
      await timePhase('index: validate person_keys foreign key', () => rawQuery(trx, 'alter table person_keys validate constraint person_keys_person_id_fkey'));
    } catch (e) {
      if ((e as { code?: unknown }).code !== FOREIGN_KEY_VIOLATION) throw e;
      await rawQuery(trx, 'rollback to savepoint validate_keys');
      await rawQuery(trx, 'delete from person_keys k where not exists (select 1 from persons p where p.id = k.person_id)');
      await rawQuery(trx, 'alter table person_keys validate constraint person_keys_person_id_fkey');
    }
  });
}
