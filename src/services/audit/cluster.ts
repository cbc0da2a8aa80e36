// A person's identity cluster: the record itself and every record an officer
// confirmed to be the same person (white or red links, followed transitively).
// The identity tables come from another area; without them the cluster is
// the record alone.
import type { Database } from '../../store/database.ts';

const MAX_CLUSTER = 500;

export async function identityCluster(database: Database, personId: string): Promise<string[]> {
  const [t] = await database.query<{ ok: boolean }>(`select to_regclass('identity_links') is not null as ok`);
  if (!t?.ok) return [personId];
  const rows = await database.query<{ id: string }>(
    `with recursive cluster(id) as (
       select $1::uuid
       union
       select case when l.person_a = c.id then l.person_b else l.person_a end
       from cluster c join identity_links l on (l.person_a = c.id or l.person_b = c.id) and l.status in ('white', 'red')
     )
     select id::text as id from cluster limit ${MAX_CLUSTER}`,
    [personId],
  );
  return rows.map((r) => r.id);
}

/** Ids of the alerts issued on any of the persons. */
export async function alertIdsOn(database: Database, personIds: string[]): Promise<string[]> {
  const rows = await database.query<{ id: string }>(`select id::text as id from alerts where person_id = any($1::uuid[])`, [personIds]);
  return rows.map((r) => r.id);
}
