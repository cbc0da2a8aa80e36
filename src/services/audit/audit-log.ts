// The append-only, hash-chained audit log. Call appendAudit inside the
// transaction of the write (or right after a read) so the record and its
// audit entry stand or fall together. Appends are serialised by the row lock
// on audit_head: the chain needs one order, and the lock is held until the
// caller's transaction commits.
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

/** Appends one entry and returns its sequence number. */
export async function appendAudit(executor: Kysely<Schema> | Transaction<Schema>, entry: AuditEntryInput): Promise<number> {
  const body = auditBody(entry);
  if (executor.isTransaction) return appendBody(executor as Transaction<Schema>, body);
  return executor.transaction().execute((trx) => appendBody(trx, body));
}

export async function appendBody(trx: Transaction<Schema>, body: string): Promise<number> {
  // One round trip: advance the head (its row lock serialises appends until
  // commit; after waiting, the UPDATE sees the committed head) and insert the
  // entry with the hash the head now holds.
  const r = await sql<{ seq: number }>`
    with head as (
      update audit_head
      set seq = seq + 1, hash = sha256(hash || int8send(seq + 1) || convert_to(${body}, 'UTF8'))
      where id = 1
      returning seq, hash
    )
    insert into audit_log (seq, body, hash) select seq, ${body}, hash from head
    returning seq`.execute(trx);
  const seq = r.rows[0]?.seq;
  if (seq === undefined) throw new Error('the audit head row is missing; the audit migration did not run');
  return seq;
}
