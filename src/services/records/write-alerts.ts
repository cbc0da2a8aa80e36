// Writes a batch of alerts. An alert on a person or object that is not
// stored is refused (returned, not written): an alert nobody can hit is a
// data error the importer must hear about. The issuing authority is the
// authority owning the alert's source.
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import { countUpserts, RETURNING_UPSERT, recordChanged, type UpsertedRow, type WriteCounts } from './counts.ts';
import type { PreparedAlert } from './prepared.ts';
import { textColumn, unnestColumns } from './columns.ts';
import { copyIfAllNew } from './copy-fresh.ts';
import type { WriteOptions } from './write-options.ts';

const UPSERT_ALERTS = `
insert into alerts (id, source_id, ref, subject_type, person_id, object_id, category, crime_area, action, handling_code,
                    issuing_authority_id, valid_from, expires_at, review_at, status, record)
select t.id::uuid, t.source_id, t.ref, t.subject_type,
       case when t.subject_type = 'person' then t.subject_id::uuid end,
       case when t.subject_type = 'object' then t.subject_id::uuid end,
       t.category, t.crime_area, t.action, t.handling_code, s.authority_id, t.valid_from::date, t.expires_at::date, t.review_at::date, t.status, t.record::json
from ${unnestColumns(14)} as t(id, source_id, ref, subject_type, subject_id, category, crime_area, action, handling_code, valid_from, expires_at, review_at, status, record)
join sources s on s.id = t.source_id
on conflict (id) do update set
  subject_type = excluded.subject_type, person_id = excluded.person_id, object_id = excluded.object_id,
  category = excluded.category, crime_area = excluded.crime_area, action = excluded.action,
  handling_code = excluded.handling_code, issuing_authority_id = excluded.issuing_authority_id,
  valid_from = excluded.valid_from, expires_at = excluded.expires_at, review_at = excluded.review_at,
  status = excluded.status, record = excluded.record, updated_at = now()
where ${recordChanged('alerts')}
${RETURNING_UPSERT}`;

export interface AlertWriteResult extends WriteCounts {
  /** Alerts not written because their subject is not stored. */
  missingSubject: PreparedAlert[];
}

/** Alerts must have distinct ids within one call; their subjects must be written before (same transaction is fine). */
const ALERT_COLUMNS = [
  'id', 'source_id', 'ref', 'subject_type', 'person_id', 'object_id', 'category', 'crime_area', 'action', 'handling_code',
  'issuing_authority_id', 'valid_from', 'expires_at', 'review_at', 'status', 'record',
];

export async function writeAlerts(trx: Transaction<Schema>, alerts: PreparedAlert[], opts: WriteOptions = {}): Promise<AlertWriteResult> {
  if (!alerts.length) return { inserted: 0, updated: 0, unchanged: 0, missingSubject: [] };
  const personIds = alerts.filter((a) => a.subjectType === 'person').map((a) => a.subjectId);
  const objectIds = alerts.filter((a) => a.subjectType === 'object').map((a) => a.subjectId);
  const found = await rawQuery<{ id: string }>(
    trx,
    `select id::text as id from persons where id = any($1::uuid[]) and deleted_at is null
     union all select id::text from objects where id = any($2::uuid[]) and deleted_at is null`,
    [personIds, objectIds],
  );
  const present = new Set(found.map((r) => r.id));
  const ok: PreparedAlert[] = [];
  const missingSubject: PreparedAlert[] = [];
  for (const a of alerts) (present.has(a.subjectId) ? ok : missingSubject).push(a);
  if (!ok.length) return { inserted: 0, updated: 0, unchanged: 0, missingSubject };
  if (opts.fresh && (await copyNewAlerts(trx, ok))) return { inserted: ok.length, updated: 0, unchanged: 0, missingSubject };
  const r = ok.map((a) => a.record);
  const rows = await rawQuery<UpsertedRow>(trx, UPSERT_ALERTS, [
    ok.length,
    ...[
    ok.map((a) => a.id),
    ok.map((a) => a.sourceId),
    ok.map((a) => a.ref),
    ok.map((a) => a.subjectType),
    ok.map((a) => a.subjectId),
    r.map((x) => x.category),
    r.map((x) => x.crimeArea ?? null),
    r.map((x) => x.action),
    r.map((x) => x.handlingCode),
    r.map((x) => x.validFrom ?? null),
    r.map((x) => x.expiresAt),
    r.map((x) => x.reviewAt ?? null),
    r.map((x) => x.status),
    ok.map((a) => a.recordJson),
    ].map(textColumn),
  ]);
  return { ...countUpserts(rows, ok.length), missingSubject };
}

/** Alerts by COPY when none is stored yet; the issuing authority is the one owning the source, as in the upsert. */
async function copyNewAlerts(trx: Transaction<Schema>, alerts: PreparedAlert[]): Promise<boolean> {
  const sourceIds = [...new Set(alerts.map((a) => a.sourceId))];
  const owners = new Map((await rawQuery<{ id: string; authority_id: string }>(trx, 'select id, authority_id from sources where id = any($1::text[])', [sourceIds])).map((s) => [s.id, s.authority_id]));
  const rows = alerts.map((a) => {
    const x = a.record;
    return [
      a.id, a.sourceId, a.ref, a.subjectType,
      a.subjectType === 'person' ? a.subjectId : null,
      a.subjectType === 'object' ? a.subjectId : null,
      x.category, x.crimeArea ?? null, x.action, x.handlingCode,
      // Callers check sources first; an unknown one would fail NOT NULL and be refused, never stored half-made.
      owners.get(a.sourceId) ?? null,
      x.validFrom ?? null, x.expiresAt, x.reviewAt ?? null, x.status, a.recordJson,
    ];
  });
  return copyIfAllNew(trx, 'alerts', ALERT_COLUMNS, rows);
}
