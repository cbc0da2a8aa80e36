// Reading alerts: one alert with its subject, flags and links; lists; and
// the active alerts on a set of records, which the search attaches to hits.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { AccessDeniedError, NotFoundError } from '../../domain/errors.ts';
import type { Schema } from '../../store/schema.ts';
import { prepared, rawQuery } from '../../store/database.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isoDay } from '../clock.ts';
import type { NodeContext } from '../context.ts';
import type { ListAlertsQuery } from './schemas.ts';

type Executor = Kysely<Schema> | Transaction<Schema>;

export interface AlertFlag {
  authorityId: string;
  authorityName: string;
  country: string;
  reason: string;
  flaggedBy: string;
  flaggedAt: string;
}

export interface AlertView {
  id: string;
  source: string;
  ref: string;
  status: string;
  /** Active and not past its expiry: would produce hits today. */
  effective: boolean;
  category: string;
  crimeArea: string | null;
  action: string;
  reason: string | null;
  legalBasis: string | null;
  protectiveMeasures: string | null;
  handlingCode: string;
  issuingAuthority: { id: string; name: string; country: string };
  validFrom: string | null;
  expiresAt: string;
  reviewAt: string | null;
  subject: { type: 'person' | 'object'; id: string; source: string; ref: string; display: string; objectKind?: string };
  flags: AlertFlag[];
  links: { id: string; category: string; status: string; subjectType: string; display: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface AlertHistoryEntry {
  changedAt: string;
  actor: { id: string; name: string; authorityId: string };
  change: string;
  changes: Record<string, { from: unknown; to: unknown }>;
  reason: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

interface AlertRow {
  id: string;
  source_id: string;
  ref: string;
  status: string;
  category: string;
  crime_area: string | null;
  action: string;
  handling_code: string;
  issuing_authority_id: string;
  authority_name: string;
  authority_country: string;
  valid_from: string | null;
  expires_at: string;
  review_at: string | null;
  subject_type: 'person' | 'object';
  person_id: string | null;
  object_id: string | null;
  subject_source: string;
  subject_ref: string;
  subject_display: string;
  object_kind: string | null;
  record: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('alerts as a')
    .innerJoin('authorities as au', 'au.id', 'a.issuing_authority_id')
    .leftJoin('persons as p', 'p.id', 'a.person_id')
    .leftJoin('objects as o', 'o.id', 'a.object_id')
    .select([
      'a.id', 'a.source_id', 'a.ref', 'a.status', 'a.category', 'a.crime_area', 'a.action', 'a.handling_code', 'a.issuing_authority_id',
      'au.name as authority_name', 'au.country as authority_country', 'a.valid_from', 'a.expires_at', 'a.review_at', 'a.subject_type',
      'a.person_id', 'a.object_id', 'a.record', 'a.created_at', 'a.updated_at', 'o.kind as object_kind',
      sql<string>`coalesce(p.source_id, o.source_id)`.as('subject_source'),
      sql<string>`coalesce(p.ref, o.ref)`.as('subject_ref'),
      sql<string>`coalesce(p.display_name, o.display_name)`.as('subject_display'),
    ]);
}

export async function loadFlags(db: Executor, alertIds: string[]): Promise<Map<string, AlertFlag[]>> {
  const out = new Map<string, AlertFlag[]>();
  if (!alertIds.length) return out;
  const rows = await db
    .selectFrom('alert_flags as f')
    .innerJoin('authorities as au', 'au.id', 'f.authority_id')
    .select(['f.alert_id', 'f.authority_id', 'au.name', 'au.country', 'f.reason', 'f.flagged_by', 'f.flagged_at'])
    .where('f.alert_id', 'in', alertIds)
    .orderBy('f.flagged_at')
    .execute();
  for (const r of rows) {
    const list = out.get(r.alert_id) ?? [];
    list.push({ authorityId: r.authority_id, authorityName: r.name, country: r.country, reason: r.reason, flaggedBy: r.flagged_by, flaggedAt: iso(r.flagged_at) });
    out.set(r.alert_id, list);
  }
  return out;
}

async function loadLinks(db: Executor, alertId: string): Promise<AlertView['links']> {
  const rows = await db
    .selectFrom('alert_links as l')
    .innerJoin('alerts as a', (j) => j.on(sql<boolean>`a.id = case when l.alert_a = ${alertId}::uuid then l.alert_b else l.alert_a end`))
    .leftJoin('persons as p', 'p.id', 'a.person_id')
    .leftJoin('objects as o', 'o.id', 'a.object_id')
    .select(['a.id', 'a.category', 'a.status', 'a.subject_type', sql<string>`coalesce(p.display_name, o.display_name)`.as('display')])
    .where((w) => w.or([w('l.alert_a', '=', alertId), w('l.alert_b', '=', alertId)]))
    .execute();
  return rows.map((r) => ({ id: r.id, category: r.category, status: r.status, subjectType: r.subject_type, display: r.display }));
}

function toView(r: AlertRow, today: string, flags: AlertFlag[], links: AlertView['links']): AlertView {
  const rec = (typeof r.record === 'string' ? JSON.parse(r.record) : r.record) as Record<string, unknown>;
  return {
    id: r.id,
    source: r.source_id,
    ref: r.ref,
    status: r.status,
    effective: r.status === 'active' && r.expires_at > today && (!r.valid_from || r.valid_from <= today),
    category: r.category,
    crimeArea: r.crime_area,
    action: r.action,
    reason: str(rec.reason),
    legalBasis: str(rec.legalBasis),
    protectiveMeasures: str(rec.protectiveMeasures),
    handlingCode: r.handling_code,
    issuingAuthority: { id: r.issuing_authority_id, name: r.authority_name, country: r.authority_country },
    validFrom: r.valid_from,
    expiresAt: r.expires_at,
    reviewAt: r.review_at,
    subject: {
      type: r.subject_type,
      id: (r.person_id ?? r.object_id)!,
      source: r.subject_source,
      ref: r.subject_ref,
      display: r.subject_display,
      ...(r.object_kind ? { objectKind: r.object_kind } : {}),
    },
    flags,
    links,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One alert as stored, without audit or access checks (for services in a transaction). */
export async function readAlert(db: Executor, id: string, today: string): Promise<AlertView | undefined> {
  const row = (await baseQuery(db).where('a.id', '=', id).executeTakeFirst()) as AlertRow | undefined;
  if (!row) return undefined;
  const flags = await loadFlags(db, [id]);
  return toView(row, today, flags.get(id) ?? [], await loadLinks(db, id));
}

/**
 * One alert with subject, flags and links, for an actor allowed to read it;
 * the read is audited. Stable for the exchange area (hit confirmation).
 */
export async function getAlert(node: NodeContext, actor: Actor | null, id: string): Promise<AlertView> {
  authorize(actor, 'alert.read');
  const db = node.database.db;
  const view = /^[0-9a-f-]{36}$/i.test(id) ? await readAlert(db, id, isoDay(node.clock.now())) : undefined;
  if (!view) throw new NotFoundError(`No alert with id ${id}.`);
  const source = await db.selectFrom('sources').select(['kind', 'hit_no_hit']).where('id', '=', view.source).executeTakeFirst();
  authorize(actor, 'alert.read', { sourceId: view.source, sourceKind: source?.kind, authorityId: view.issuingAuthority.id, alertCategory: view.category });
  if (source?.hit_no_hit && actor.authorityId !== view.issuingAuthority.id) {
    throw new AccessDeniedError(`Alert ${id} is in a hit/no-hit source: ask ${view.issuingAuthority.name} for its content.`);
  }
  await appendAudit(db, { at: node.clock.now(), actor, action: 'alert.read', outcome: 'ok', returned: [{ type: 'alert', id }] });
  return view;
}

export async function listAlerts(node: NodeContext, actor: Actor | null, q: ListAlertsQuery): Promise<{ items: AlertView[]; total: number }> {
  authorize(actor, 'alert.read');
  const db = node.database.db;
  const today = isoDay(node.clock.now());
  let query = baseQuery(db);
  let count = db.selectFrom('alerts as a').select(sql<number>`count(*)::int`.as('n'));
  if (q.status) {
    query = query.where('a.status', '=', q.status);
    count = count.where('a.status', '=', q.status);
  }
  if (q.category) {
    query = query.where('a.category', '=', q.category);
    count = count.where('a.category', '=', q.category);
  }
  if (q.source) {
    query = query.where('a.source_id', '=', q.source);
    count = count.where('a.source_id', '=', q.source);
  }
  if (q.subjectType) {
    query = query.where('a.subject_type', '=', q.subjectType);
    count = count.where('a.subject_type', '=', q.subjectType);
  }
  const rows = (await query.orderBy('a.created_at', 'desc').orderBy('a.id').limit(q.limit).offset(q.offset).execute()) as AlertRow[];
  const flags = await loadFlags(db, rows.map((r) => r.id));
  const total = (await count.executeTakeFirstOrThrow()).n;
  const items = rows.map((r) => toView(r, today, flags.get(r.id) ?? [], []));
  await appendAudit(db, { at: node.clock.now(), actor, action: 'alert.list', outcome: 'ok', query: q, returned: items.map((i) => ({ type: 'alert', id: i.id })) });
  return { items, total };
}

export async function getAlertHistory(node: NodeContext, actor: Actor | null, id: string): Promise<AlertHistoryEntry[]> {
  authorize(actor, 'alert.read');
  const db = node.database.db;
  const rows = /^[0-9a-f-]{36}$/i.test(id) ? await db.selectFrom('alert_history').selectAll().where('alert_id', '=', id).orderBy('id').execute() : [];
  // A purged alert keeps its history; an imported one has none yet — an empty history, not a 404.
  if (!rows.length && !(/^[0-9a-f-]{36}$/i.test(id) && (await db.selectFrom('alerts').select('id').where('id', '=', id).executeTakeFirst())))
    throw new NotFoundError(`No alert with id ${id}.`);
  await appendAudit(db, { at: node.clock.now(), actor, action: 'alert.history', outcome: 'ok', returned: [{ type: 'alert', id }] });
  return rows.map((r) => ({
    changedAt: iso(r.changed_at),
    actor: { id: r.actor_id, name: r.actor_name, authorityId: r.authority_id },
    change: r.change,
    changes: (typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes) as AlertHistoryEntry['changes'],
    reason: r.reason,
  }));
}

/** What a search hit shows of each alert on a record. */
export interface HitAlert {
  id: string;
  /** The source (alerts register) the alert belongs to. */
  source: string;
  category: string;
  action: string;
  issuingAuthority: { id: string; name: string; country: string };
  expiresAt: string;
  handlingCode: string;
  flags: AlertFlag[];
}

/** One effective alert as the SQL of effectiveAlertsSql returns it. */
export interface HitAlertRow {
  id: string;
  source_id: string;
  subject_id: string;
  category: string;
  action: string;
  expires_at: string;
  handling_code: string;
  issuing_authority_id: string;
  name: string;
  country: string;
  flags: AlertFlag[] | string;
}

/**
 * A scalar SQL expression: the JSON array (HitAlertRow, oldest first) of the
 * alerts producing hits on `today` on the persons and objects the two uuid[]
 * expressions name — active, valid from that day or earlier, not yet expired:
 * checked on the date, not only on the status, so an alert stops producing
 * hits the day it expires even if the expiry job has not run yet — with their
 * flags folded in, of the sources a text[] expression names (all when null).
 * The search folds it into the statement that finds its candidates.
 */
export function effectiveAlertsSql(personIdsSql: string, objectIdsSql: string, todaySql: string, sourceIdsSql: string): string {
  return `(select coalesce(json_agg(json_build_object(
         'id', a.id, 'source_id', a.source_id, 'subject_id', coalesce(a.person_id, a.object_id), 'category', a.category, 'action', a.action,
         'expires_at', a.expires_at, 'handling_code', a.handling_code, 'issuing_authority_id', a.issuing_authority_id, 'name', au.name, 'country', au.country,
         'flags', coalesce((select json_agg(json_build_object(
             'authorityId', f.authority_id, 'authorityName', fa.name, 'country', fa.country, 'reason', f.reason, 'flaggedBy', f.flagged_by,
             'flaggedAt', to_char(f.flagged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by f.flagged_at)
           from alert_flags f join authorities fa on fa.id = f.authority_id where f.alert_id = a.id), '[]'::json))
         order by a.created_at, a.id), '[]'::json)
       from alerts a join authorities au on au.id = a.issuing_authority_id
      where (a.person_id = any(${personIdsSql}) or a.object_id = any(${objectIdsSql}))
        and a.status = 'active' and a.expires_at > ${todaySql} and (a.valid_from is null or a.valid_from <= ${todaySql})
        and (${sourceIdsSql} is null or a.source_id = any(${sourceIdsSql})))`;
}

/** The alerts of effectiveAlertsSql per person or object id, in its order. */
export function hitAlertsBySubject(rows: HitAlertRow[]): Map<string, HitAlert[]> {
  const out = new Map<string, HitAlert[]>();
  for (const r of rows) {
    const list = out.get(r.subject_id) ?? [];
    list.push({
      id: r.id,
      source: r.source_id,
      category: r.category,
      action: r.action,
      issuingAuthority: { id: r.issuing_authority_id, name: r.name, country: r.country },
      expiresAt: r.expires_at,
      handlingCode: r.handling_code,
      flags: typeof r.flags === 'string' ? (JSON.parse(r.flags) as AlertFlag[]) : r.flags,
    });
    out.set(r.subject_id, list);
  }
  return out;
}

// Named: the single search asks it once per search (src/services/search/search.ts).
const EFFECTIVE_ALERTS_ON = prepared(`select ${effectiveAlertsSql('$1::uuid[]', '$2::uuid[]', '$3::date', '$4::text[]')} as alerts`);

/** The alerts producing hits today on these persons/objects (see effectiveAlertsSql). */
export async function effectiveAlertsOn(
  db: Executor,
  personIds: string[],
  objectIds: string[],
  today: string,
  /** Only alerts of these sources (the searcher's permitted ones); all when absent. */
  sourceIds?: string[],
): Promise<Map<string, HitAlert[]>> {
  if (!personIds.length && !objectIds.length) return new Map();
  const [row] = await rawQuery<{ alerts: HitAlertRow[] | string }>(db, EFFECTIVE_ALERTS_ON, [personIds, objectIds, today, sourceIds ?? null]);
  const alerts = row?.alerts ?? [];
  return hitAlertsBySubject(typeof alerts === 'string' ? (JSON.parse(alerts) as HitAlertRow[]) : alerts);
}
