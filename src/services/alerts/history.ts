// Every change to an alert leaves a row: who, when, what changed (field by
// field, from → to) and why.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import type { Schema } from '../../store/schema.ts';

type Executor = Kysely<Schema> | Transaction<Schema>;

export type FieldChanges = Record<string, { from: unknown; to: unknown }>;

/** The fields whose value differs between two versions of an alert. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChanges {
  const out: FieldChanges = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[k] ?? null;
    const b = after[k] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = { from: a, to: b };
  }
  return out;
}

export async function recordAlertChange(
  db: Executor,
  entry: { alertId: string; actor: Actor; at: Date; change: string; changes?: FieldChanges; reason?: string | null },
): Promise<void> {
  await db
    .insertInto('alert_history')
    .values({
      alert_id: entry.alertId,
      changed_at: entry.at,
      actor_id: entry.actor.id,
      actor_name: entry.actor.name,
      authority_id: entry.actor.authorityId,
      change: entry.change,
      changes: JSON.stringify(entry.changes ?? {}),
      reason: entry.reason ?? null,
    })
    .execute();
}
