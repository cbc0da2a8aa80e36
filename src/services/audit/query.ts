// The data-protection officer's view of the audit log: filter by person
// (with their identity cluster and the alerts on them), by user, by case, by
// action and by period; page with a cursor; export as JSON Lines or CSV.
import { z } from 'zod';
import type { Database } from '../../store/database.ts';
import { ValidationError, issuesFromZod } from '../../domain/errors.ts';
import { alertIdsOn, identityCluster } from './cluster.ts';

const Instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(new Date(s).getTime()), 'expected an ISO date or date-time such as 2026-06-01 or 2026-06-01T09:00:00Z')
  .transform((s) => new Date(s));

export const AuditFilter = z.object({
  person: z.string().uuid('a person id is a UUID').optional(),
  record: z.string().min(1).max(100).optional(),
  user: z.string().min(1).max(100).optional(),
  case: z.string().min(1).max(64).optional(),
  action: z.string().regex(/^[a-z_]+(\.[a-z_]+)?$/, 'an action such as search or record.read').max(64).optional(),
  authority: z.string().min(1).max(63).optional(),
  outcome: z.enum(['ok', 'denied', 'error']).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;
export type AuditFilterInput = z.input<typeof AuditFilter>;

export interface AuditEntry {
  /** Chain position; provisional (after the chain head) while the entry is not yet chained. */
  seq: number;
  /** Chain hash (hex); empty while the entry is not yet chained (at most a second or so after commit). */
  hash: string;
  at: string;
  actor: { kind: string; id: string; name: string; authorityId: string; country: string; roles: string[] };
  action: string;
  outcome: string;
  purpose?: string;
  caseReference?: string;
  query?: unknown;
  returned?: { type: string; id: string }[];
  changed?: { type: string; id: string }[];
  details?: Record<string, unknown>;
  requestId?: string;
}

export function parseAuditFilter(input: unknown): AuditFilter {
  const r = AuditFilter.safeParse(input);
  if (!r.success) throw new ValidationError('The audit filter is not valid.', issuesFromZod(r.error));
  return r.data;
}

/** The filter as SQL conditions over audit_log; person filters expand to the cluster first. */
export async function filterSql(database: Database, f: AuditFilter): Promise<{ where: string[]; params: unknown[] }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.person) {
    const cluster = await identityCluster(database, f.person);
    const ids = [...cluster, ...(await alertIdsOn(database, cluster))];
    where.push(`record_ids && ${p(ids)}::text[]`);
  }
  if (f.record) where.push(`record_ids && ${p([f.record])}::text[]`);
  if (f.user) {
    const u = await database.query<{ id: string }>('select id::text as id from users where username = $1', [f.user.toLowerCase()]);
    where.push(`actor_id = ${p(u[0]?.id ?? f.user)}`);
  }
  if (f.case) where.push(`case_reference = ${p(f.case)}`);
  if (f.action) where.push(f.action.includes('.') ? `action = ${p(f.action)}` : `(action = ${p(f.action)} or action like ${p(f.action + '.%')})`);
  if (f.authority) where.push(`authority_id = ${p(f.authority)}`);
  if (f.outcome) where.push(`outcome = ${p(f.outcome)}`);
  if (f.from) where.push(`at >= ${p(f.from.toISOString())}`);
  if (f.to) where.push(`at < ${p(f.to.toISOString())}`);
  return { where, params };
}

export function toEntry(row: { seq: number; body: string; hash: Uint8Array | null }): AuditEntry {
  return { seq: row.seq, hash: row.hash ? Buffer.from(row.hash).toString('hex') : '', ...(JSON.parse(row.body) as Omit<AuditEntry, 'seq' | 'hash'>) };
}

/** One page, newest first; `before` is the cursor (the last seq of the previous page). */
export async function queryAudit(database: Database, f: AuditFilter, page: { limit: number; before?: number }): Promise<{ entries: AuditEntry[]; next: number | null }> {
  const { where, params } = await filterSql(database, f);
  if (page.before !== undefined) where.push(`seq < $${params.push(page.before)}`);
  const rows = await database.query<{ seq: number; body: string; hash: Uint8Array | null }>(
    `select seq, body, hash from audit_log ${where.length ? 'where ' + where.join(' and ') : ''} order by seq desc limit $${params.push(page.limit + 1)}`,
    params,
  );
  const more = rows.length > page.limit;
  const entries = rows.slice(0, page.limit).map(toEntry);
  return { entries, next: more ? entries[entries.length - 1]!.seq : null };
}

/** All matching entries, oldest first, in batches (for exports of any size). */
export async function* streamAudit(database: Database, f: AuditFilter, batch = 5000): AsyncGenerator<AuditEntry[]> {
  const { where, params } = await filterSql(database, f);
  let after = 0;
  for (;;) {
    const ps = [...params, after, batch];
    const rows = await database.query<{ seq: number; body: string; hash: Uint8Array | null }>(
      `select seq, body, hash from audit_log where ${[...where, `seq > $${ps.length - 1}`].join(' and ')} order by seq limit $${ps.length}`,
      ps,
    );
    if (rows.length === 0) return;
    yield rows.map(toEntry);
    after = rows[rows.length - 1]!.seq;
    if (rows.length < batch) return;
  }
}

export const CSV_COLUMNS = ['seq', 'at', 'actor_kind', 'actor_id', 'actor_name', 'authority_id', 'country', 'roles', 'action', 'outcome', 'purpose', 'case_reference', 'returned', 'changed', 'query', 'details', 'request_id', 'hash'] as const;

function csvCell(v: string): string {
  // A leading = + - @ would make a spreadsheet evaluate the cell; prefix a quote.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvRow(e: AuditEntry): string {
  const refs = (l?: { type: string; id: string }[]) => (l ?? []).map((r) => `${r.type}:${r.id}`).join(' ');
  const cells = [
    String(e.seq), e.at, e.actor.kind, e.actor.id, e.actor.name, e.actor.authorityId, e.actor.country, e.actor.roles.join(' '), e.action, e.outcome,
    e.purpose ?? '', e.caseReference ?? '', refs(e.returned), refs(e.changed),
    e.query === undefined ? '' : JSON.stringify(e.query), e.details === undefined ? '' : JSON.stringify(e.details), e.requestId ?? '', e.hash,
  ];
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\r\n';
}
