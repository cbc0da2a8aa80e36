// PLACEHOLDER with the final signature; the audit area replaces it with the
// hash-chained, append-only log. Call it inside the transaction of the write
// (or right after a read) so the record and its audit entry stand or fall together.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { Actor } from '../../access/actor.ts';

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
}

export async function appendAudit(_executor: Kysely<Schema> | Transaction<Schema>, _entry: AuditEntryInput): Promise<void> {}
