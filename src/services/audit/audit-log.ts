// The append-only, hash-chained audit log. Call appendAudit inside the
// transaction of the write (or right after a read) so the record and its
// audit entry stand or fall together. An append only inserts the entry into
// audit_pending: no lock and no shared row, so concurrent writers never wait
// on each other. The chainer (chainer.ts) links committed entries into the
// hash chain within about a second.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { Actor } from '../../access/actor.ts';
import { canonicalJson } from './canonical-json.ts';

export interface AuditEntryInput {
  actor: Actor;
  /** `search`, `record.read`, `alert.create`, `hit.confirm`, `link.resolve`, `message.send`, `login` … */
  action: string;
  outcome: 'ok' | 'denied' | 'error';
  purpose?: string;
  caseReference?: string;
  /** What was asked (search criteria, request summary). Never passwords or tokens. */
  query?: unknown;
  /** Records returned (shown) to the actor. */
  returned?: { type: string; id: string }[];
  /** Records created, changed or deleted. */
  changed?: { type: string; id: string }[];
  /** Free-form details: reason given, counts, error message. */
  details?: Record<string, unknown>;
  /** When it happened; defaults to the system time. Pass the node clock's time where you have it. */
  at?: Date;
  /** The HTTP request id, to join the audit trail with the logs. */
  requestId?: string;
}

/** Version of the entry body layout, so a future layout still verifies old entries. */
export const AUDIT_BODY_VERSION = 1;

export function auditBody(entry: AuditEntryInput): string {
  const a = entry.actor;
  return canonicalJson({
    v: AUDIT_BODY_VERSION,
    at: (entry.at ?? new Date()).toISOString(),
    actor: { kind: a.kind, id: a.id, name: a.name, authorityId: a.authorityId, country: a.country, roles: a.roles },
    action: entry.action,
    outcome: entry.outcome,
    purpose: entry.purpose,
    caseReference: entry.caseReference,
    query: entry.query,
    returned: entry.returned?.map((r) => ({ type: r.type, id: r.id })),
    changed: entry.changed?.map((r) => ({ type: r.type, id: r.id })),
    details: entry.details,
    requestId: entry.requestId,
  });
}

/**
 * Appends one entry and returns its pending id: a number that grows with each
 * append, not its chain position (`seq`), which the chainer assigns after
 * commit. The entry is visible in `audit_log` as soon as the caller commits.
 */
export async function appendAudit(executor: Kysely<Schema> | Transaction<Schema>, entry: AuditEntryInput): Promise<number> {
  // Outside a transaction the insert is its own transaction already.
  return appendBody(executor, auditBody(entry));
}

export async function appendBody(executor: Kysely<Schema> | Transaction<Schema>, body: string): Promise<number> {
  const r = await sql<{ id: number }>`insert into audit_pending (body) values (${body}) returning id`.execute(executor);
  return r.rows[0]!.id;
}

/**
 * One statement that runs `write` (an INSERT/UPDATE/DELETE, as a CTE) and
 * appends an audit entry whose body is bound at `bodyParam`. A single
 * statement is atomic by itself, so a hot path (the search writes its
 * `searches` row) pays one round trip for the write and its audit entry, with
 * no BEGIN/COMMIT around them; PostgreSQL runs a data-modifying CTE to
 * completion whether or not the outer statement reads it.
 */
export function withAuditAppend(write: string, bodyParam: string): string {
  return `with audited_write as (${write}) insert into audit_pending (body) values (${bodyParam})`;
}
