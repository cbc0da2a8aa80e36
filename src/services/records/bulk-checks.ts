// Foreign-key checks during an initial load. Row by row, PostgreSQL runs one
// lookup per reference (persons → sources, documents → persons, alerts →
// sources, authorities, persons, objects): about a fifth of the write cost of
// a load on PGlite. The importer already guarantees every reference (sources
// and authorities are checked against the registry, documents and keys are
// written with their person, an alert's subject is looked up in the same
// transaction), so a bulk load turns the per-row checks off, as pg_restore
// does for data, and checks every reference once, set-wise, at the end.
import type { Kysely } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { Database } from '../../store/database.ts';
import { rawQuery } from '../../store/database.ts';
import { timePhase } from './phase-timings.ts';

/** Whether this connection may turn the row checks off (PGlite always; PostgreSQL as a superuser). */
export async function canSkipRowChecks(database: Database): Promise<boolean> {
  if (database.engine === 'embedded') return true;
  const [r] = await database.query<{ ok: boolean }>('select rolsuper as ok from pg_roles where rolname = current_user');
  return r?.ok === true;
}

/** Inside a batch's transaction: foreign keys (and other non-ALWAYS triggers) off until it ends. */
export async function skipRowChecksInTransaction(trx: Kysely<Schema>): Promise<void> {
  await rawQuery(trx, 'set local session_replication_role = replica');
}

const DANGLING: readonly { what: string; sql: string }[] = [
  { what: 'persons without their source', sql: 'select count(*)::int as n from persons x where not exists (select 1 from sources s where s.id = x.source_id)' },
  { what: 'objects without their source', sql: 'select count(*)::int as n from objects x where not exists (select 1 from sources s where s.id = x.source_id)' },
  { what: 'identity documents without their person', sql: 'select count(*)::int as n from identity_documents x where not exists (select 1 from persons p where p.id = x.person_id)' },
  {
    what: 'alerts without their source, issuing authority or subject',
    sql: `select count(*)::int as n from alerts x
          where not exists (select 1 from sources s where s.id = x.source_id)
             or not exists (select 1 from authorities a where a.id = x.issuing_authority_id)
             or (x.person_id is not null and not exists (select 1 from persons p where p.id = x.person_id))
             or (x.object_id is not null and not exists (select 1 from objects o where o.id = x.object_id))`,
  },
];

/** After a load written without row checks: every reference must resolve, or the load is reported broken. */
export async function verifyReferences(db: Kysely<Schema>): Promise<void> {
  const broken: string[] = [];
  for (const d of DANGLING) {
    const [r] = await timePhase(`verify: ${d.what}`, () => rawQuery<{ n: number }>(db, d.sql));
    if (r && r.n > 0) broken.push(`${r.n} ${d.what}`);
  }
  if (broken.length) throw new Error(`the bulk load left broken references: ${broken.join('; ')}`);
}
