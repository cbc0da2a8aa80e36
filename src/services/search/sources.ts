// The source register as the search sees it. A search must honour a source
// added or changed a moment ago (searched at once, a hit/no-hit flag obeyed),
// yet reading the register costs a round trip per search. So the register is
// kept per database with a fingerprint of its rows, and every candidate
// lookup returns the current fingerprint in the same statement: when it
// differs, the search reloads the register and looks up again.
import type { SourceInfo } from '../../access/policy.ts';
import type { Database } from '../../store/database.ts';

export interface SourceRow extends SourceInfo {
  name: string;
  authorityName: string;
  country: string;
}

export interface SourceRegister {
  rows: SourceRow[];
  version: string;
}

/**
 * A scalar SQL expression that changes whenever a source or an authority is
 * added, changed or removed: the transaction ids of their row versions (an
 * update writes a new version). Two small scans, far cheaper to plan and run
 * than hashing the content, on every search.
 */
export const SOURCES_VERSION_SQL = `((select coalesce(string_agg(xmin::text, ','), '') from sources) || '/' || (select coalesce(string_agg(xmin::text, ','), '') from authorities))`;

const registers = new WeakMap<Database, SourceRegister>();

/** The register as last read (possibly stale: check its version against a lookup's), or read now. */
export async function knownSources(database: Database): Promise<SourceRegister> {
  return registers.get(database) ?? readSources(database);
}

/** Reads the register and its fingerprint in one statement, and keeps it. */
export async function readSources(database: Database): Promise<SourceRegister> {
  const [row] = await database.query<{ version: string; rows: { id: string; kind: string; authority_id: string; hit_no_hit: boolean; name: string; authority_name: string; country: string }[] | null }>(
    `select ${SOURCES_VERSION_SQL} as version,
       (select json_agg(json_build_object('id', s.id, 'kind', s.kind, 'authority_id', s.authority_id, 'hit_no_hit', s.hit_no_hit, 'name', s.name, 'authority_name', a.name, 'country', a.country) order by s.id)
          from sources s join authorities a on a.id = s.authority_id) as rows`,
  );
  const register: SourceRegister = {
    version: row!.version,
    rows: (row!.rows ?? []).map((r) => ({ id: r.id, kind: r.kind, authorityId: r.authority_id, hitNoHit: r.hit_no_hit, name: r.name, authorityName: r.authority_name, country: r.country })),
  };
  registers.set(database, register);
  return register;
}
