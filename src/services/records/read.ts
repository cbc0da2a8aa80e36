// Reads persons, objects and sources back as the API shows them: the stored
// record plus its source, normalised identifiers and the alerts on it.
import type { Kysely } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';

export interface SourceSummary {
  id: string;
  name: string;
  kind: string;
  authorityId: string;
  authorityName: string;
  country: string;
  hitNoHit: boolean;
}

export interface AlertOnRecord {
  id: string;
  ref: string;
  category: string;
  status: string;
  action: string;
  expiresAt: string;
  issuingAuthorityId: string;
}

export interface PersonView {
  id: string;
  ref: string;
  source: SourceSummary;
  displayName: string;
  record: unknown;
  documents: { type: string; number: string; issuingCountry: string; expiry: string | null }[];
  alerts: AlertOnRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface ObjectView {
  id: string;
  ref: string;
  kind: string;
  source: SourceSummary;
  displayName: string;
  identifier: string | null;
  identifier2: string | null;
  country: string | null;
  record: unknown;
  alerts: AlertOnRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface SourceWithCounts extends SourceSummary {
  persons: number;
  objects: number;
  alerts: number;
}

const SOURCE_COLUMNS = `s.id as source_id, s.name as source_name, s.kind as source_kind, s.authority_id, a.name as authority_name, a.country, s.hit_no_hit`;

interface SourceRow {
  source_id: string;
  source_name: string;
  source_kind: string;
  authority_id: string;
  authority_name: string;
  country: string;
  hit_no_hit: boolean;
}

function sourceOf(r: SourceRow): SourceSummary {
  return { id: r.source_id, name: r.source_name, kind: r.source_kind, authorityId: r.authority_id, authorityName: r.authority_name, country: r.country, hitNoHit: r.hit_no_hit };
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));

async function alertsOn(db: Kysely<Schema>, column: 'person_id' | 'object_id', id: string): Promise<AlertOnRecord[]> {
  const rows = await rawQuery<{ id: string; ref: string; category: string; status: string; action: string; expires_at: string; issuing_authority_id: string }>(
    db,
    `select id::text as id, ref, category, status, action, expires_at, issuing_authority_id from alerts where ${column} = $1 and status <> 'deleted' order by expires_at desc, id`,
    [id],
  );
  return rows.map((r) => ({ id: r.id, ref: r.ref, category: r.category, status: r.status, action: r.action, expiresAt: r.expires_at, issuingAuthorityId: r.issuing_authority_id }));
}

export async function getPerson(db: Kysely<Schema>, id: string): Promise<PersonView | undefined> {
  const rows = await rawQuery<SourceRow & { id: string; ref: string; display_name: string; record: unknown; created_at: Date; updated_at: Date }>(
    db,
    `select p.id::text as id, p.ref, p.display_name, p.record, p.created_at, p.updated_at, ${SOURCE_COLUMNS}
     from persons p join sources s on s.id = p.source_id join authorities a on a.id = s.authority_id
     where p.id = $1 and p.deleted_at is null`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  const docs = await rawQuery<{ doc_type: string; number: string; issuing_country: string; expiry: string | null }>(
    db,
    'select doc_type, number, issuing_country, expiry from identity_documents where person_id = $1 order by position',
    [id],
  );
  return {
    id: r.id,
    ref: r.ref,
    source: sourceOf(r),
    displayName: r.display_name,
    record: r.record,
    documents: docs.map((d) => ({ type: d.doc_type, number: d.number, issuingCountry: d.issuing_country, expiry: d.expiry })),
    alerts: await alertsOn(db, 'person_id', id),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function getObject(db: Kysely<Schema>, id: string): Promise<ObjectView | undefined> {
  const rows = await rawQuery<
    SourceRow & { id: string; ref: string; kind: string; display_name: string; identifier: string | null; identifier2: string | null; obj_country: string | null; record: unknown; created_at: Date; updated_at: Date }
  >(
    db,
    `select o.id::text as id, o.ref, o.kind, o.display_name, o.identifier, o.identifier2, o.country as obj_country, o.record, o.created_at, o.updated_at, ${SOURCE_COLUMNS}
     from objects o join sources s on s.id = o.source_id join authorities a on a.id = s.authority_id
     where o.id = $1 and o.deleted_at is null`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    ref: r.ref,
    kind: r.kind,
    source: sourceOf(r),
    displayName: r.display_name,
    identifier: r.identifier,
    identifier2: r.identifier2,
    country: r.obj_country,
    record: r.record,
    alerts: await alertsOn(db, 'object_id', id),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The source a record belongs to, for access decisions before the record itself is read. */
export async function sourceOfRecord(db: Kysely<Schema>, type: 'person' | 'object', id: string): Promise<SourceSummary | undefined> {
  const table = type === 'person' ? 'persons' : 'objects';
  const rows = await rawQuery<SourceRow>(
    db,
    `select ${SOURCE_COLUMNS} from ${table} r join sources s on s.id = r.source_id join authorities a on a.id = s.authority_id where r.id = $1 and r.deleted_at is null`,
    [id],
  );
  return rows[0] && sourceOf(rows[0]);
}

export async function listSources(db: Kysely<Schema>): Promise<SourceWithCounts[]> {
  const rows = await rawQuery<SourceRow & { persons: number; objects: number; alerts: number }>(
    db,
    `select ${SOURCE_COLUMNS},
       coalesce(p.n, 0)::int as persons, coalesce(o.n, 0)::int as objects, coalesce(al.n, 0)::int as alerts
     from sources s join authorities a on a.id = s.authority_id
     left join (select source_id, count(*) as n from persons where deleted_at is null group by source_id) p on p.source_id = s.id
     left join (select source_id, count(*) as n from objects where deleted_at is null group by source_id) o on o.source_id = s.id
     left join (select source_id, count(*) as n from alerts where status <> 'deleted' group by source_id) al on al.source_id = s.id
     order by s.id`,
  );
  return rows.map((r) => ({ ...sourceOf(r), persons: r.persons, objects: r.objects, alerts: r.alerts }));
}
