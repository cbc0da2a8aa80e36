// Writes authorities and sources. They are few (one line each per file), so
// one statement per row is plenty.
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import { countUpserts, RETURNING_UPSERT, type UpsertedRow, type WriteCounts } from './counts.ts';
import type { PreparedAuthority, PreparedSource } from './prepared.ts';

export async function writeAuthorities(trx: Transaction<Schema>, rows: PreparedAuthority[]): Promise<WriteCounts> {
  const out: UpsertedRow[] = [];
  for (const a of rows) {
    out.push(
      ...(await rawQuery<UpsertedRow>(
        trx,
        `insert into authorities (id, country, name, kind) values ($1, $2, $3, $4)
         on conflict (id) do update set country = excluded.country, name = excluded.name, kind = excluded.kind
         where (authorities.country, authorities.name, authorities.kind) is distinct from (excluded.country, excluded.name, excluded.kind)
         ${RETURNING_UPSERT}`,
        [a.id, a.country, a.name, a.kind],
      )),
    );
  }
  return countUpserts(out, rows.length);
}

export async function writeSources(trx: Transaction<Schema>, rows: PreparedSource[]): Promise<WriteCounts> {
  const out: UpsertedRow[] = [];
  for (const s of rows) {
    out.push(
      ...(await rawQuery<UpsertedRow>(
        trx,
        `insert into sources (id, authority_id, name, kind, hit_no_hit) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set authority_id = excluded.authority_id, name = excluded.name, kind = excluded.kind, hit_no_hit = excluded.hit_no_hit
         where (sources.authority_id, sources.name, sources.kind, sources.hit_no_hit)
               is distinct from (excluded.authority_id, excluded.name, excluded.kind, excluded.hit_no_hit)
         ${RETURNING_UPSERT}`,
        [s.id, s.authorityId, s.name, s.kind, s.hitNoHit],
      )),
    );
  }
  return countUpserts(out, rows.length);
}
