// The retention job: removes what its rules say has been kept long enough,
// and logs every deletion in the audit trail in the same transaction.
// Removing old audit entries first chains the pending ones, signs a
// checkpoint at the boundary, appends its own entry, then deletes chained
// entries under the session setting the append-only trigger accepts (set
// local, so it ends with the transaction).
import { sql, type Transaction } from 'kysely';
import type { NodeContext } from '../context.ts';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import type { Actor } from '../../access/actor.ts';
import { nodeActor } from '../access/system-actor.ts';
import { appendAudit } from './audit-log.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { chainPending } from './chainer.ts';
import { retentionRules, type RetentionRules } from './retention-rules.ts';

const DAY = 86_400_000;
const BATCH = 1000;

export interface RetentionSummary {
  alerts: number;
  persons: number;
  objects: number;
  auditEntries: number;
  sessions: number;
  errors: string[];
}

export async function runRetention(node: NodeContext, rules: RetentionRules = retentionRules(), by?: Actor): Promise<RetentionSummary> {
  const actor = by ?? (await nodeActor(node, 'retention'));
  const now = node.clock.now();
  const summary: RetentionSummary = { alerts: 0, persons: 0, objects: 0, auditEntries: 0, sessions: 0, errors: [] };
  const step = async (name: string, f: () => Promise<void>) => {
    try {
      await f();
    } catch (err) {
      const message = `${name}: ${(err as Error).message}`;
      summary.errors.push(message);
      node.logger.error('retention step failed', { step: name, err });
      await appendAudit(node.database.db, { actor, action: 'retention.delete', outcome: 'error', details: { step: name, error: (err as Error).message }, at: now }).catch(() => {});
    }
  };

  await step('alerts', async () => {
    const categories = Object.entries(rules.alerts.byCategory) as [string, number][];
    const special = categories.map(([c]) => c);
    const groups: { label: string; days: number; where: string; params: unknown[] }[] = [
      ...categories.map(([c, days]) => ({ label: `category ${c}`, days, where: 'category = $2', params: [c] })),
      { label: 'default', days: rules.alerts.afterEndDays, where: 'not (category = any($2::text[]))', params: [special] },
    ];
    for (const g of groups) {
      const cutoff = new Date(now.getTime() - g.days * DAY);
      summary.alerts += await deleteInBatches(node, actor, 'alert', `alerts: ended more than ${g.days} days ago (${g.label})`, (trx) =>
        ids(trx, `select id::text as id from alerts where status in ('expired', 'deleted', 'rejected') and updated_at < $1 and ${g.where} limit ${BATCH}`, [cutoff, ...g.params]),
        (trx, list) => exec(trx, 'delete from alerts where id = any($1::uuid[])', [list]),
      );
    }
  });

  for (const table of ['persons', 'objects'] as const) {
    const kind = table === 'persons' ? 'person' : 'object';
    const fk = table === 'persons' ? 'person_id' : 'object_id';
    // A record an alert still points at stays until the alert is gone.
    const unreferenced = `not exists (select 1 from alerts a where a.${fk} = r.id)`;
    await step(`${table} deleted`, async () => {
      const cutoff = new Date(now.getTime() - rules.records.afterDeletionDays * DAY);
      summary[table] += await deleteInBatches(node, actor, kind, `${table} marked deleted more than ${rules.records.afterDeletionDays} days ago`, (trx) =>
        ids(trx, `select r.id::text as id from ${table} r where r.deleted_at < $1 and ${unreferenced} limit ${BATCH}`, [cutoff]),
        (trx, list) => exec(trx, `delete from ${table} where id = any($1::uuid[])`, [list]),
      );
    });
    for (const [sourceKind, days] of Object.entries(rules.records.maxAgeBySourceKind) as [string, number][]) {
      await step(`${table} of ${sourceKind}`, async () => {
        const cutoff = new Date(now.getTime() - days * DAY);
        summary[table] += await deleteInBatches(node, actor, kind, `${table} of ${sourceKind} sources older than ${days} days`, (trx) =>
          ids(trx, `select r.id::text as id from ${table} r join sources s on s.id = r.source_id where s.kind = $2 and r.created_at < $1 and ${unreferenced} limit ${BATCH}`, [cutoff, sourceKind]),
          (trx, list) => exec(trx, `delete from ${table} where id = any($1::uuid[])`, [list]),
        );
      });
    }
  }

  await step('sessions', async () => {
    const r = await node.database.db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    summary.sessions = Number(r.numDeletedRows ?? 0);
  });

  await step('audit', async () => {
    summary.auditEntries = await purgeAudit(node, actor, rules.audit.keepDays);
  });
  return summary;
}

async function ids(trx: Transaction<Schema>, text: string, params: unknown[]): Promise<string[]> {
  return (await rawQuery<{ id: string }>(trx, text, params)).map((x) => x.id);
}

async function exec(trx: Transaction<Schema>, text: string, params: unknown[]): Promise<void> {
  await rawQuery(trx, text, params);
}

/** Deletes batch by batch; each batch and its audit entry commit together. */
async function deleteInBatches(
  node: NodeContext,
  actor: Actor,
  type: string,
  rule: string,
  select: (trx: Transaction<Schema>) => Promise<string[]>,
  remove: (trx: Transaction<Schema>, ids: string[]) => Promise<void>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await node.database.db.transaction().execute(async (trx) => {
      const list = await select(trx);
      if (!list.length) return 0;
      await remove(trx, list);
      await appendAudit(trx, { actor, action: 'retention.delete', outcome: 'ok', changed: list.map((id) => ({ type, id })), details: { rule, count: list.length }, at: node.clock.now() });
      return list.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

async function purgeAudit(node: NodeContext, actor: Actor, keepDays: number): Promise<number> {
  const cutoff = new Date(node.clock.now().getTime() - keepDays * DAY).toISOString();
  return node.database.db.transaction().execute(async (trx) => {
    // Chain what is pending first; the chainer's lock on the head then stays
    // held to commit, so no other chainer moves the head past the boundary
    // checkpoint meanwhile. Only chained entries are ever removed.
    await chainPending(trx);
    await sql`select seq from audit_head where id = 1 for update`.execute(trx);
    const r = await sql<{ boundary: number | null; n: number }>`select max(seq) as boundary, count(*)::int as n from audit_entries where at < ${cutoff}`.execute(trx);
    const boundary = r.rows[0]?.boundary ?? null;
    const count = r.rows[0]?.n ?? 0;
    if (boundary === null) return 0;
    // The entries after the boundary stay verifiable from this signed checkpoint.
    await writeCheckpoint(node, trx, boundary);
    await appendAudit(trx, {
      actor,
      action: 'retention.delete',
      outcome: 'ok',
      details: { rule: `audit entries older than ${keepDays} days`, auditEntriesUpTo: boundary, count, before: cutoff },
      at: node.clock.now(),
    });
    await sql`select set_config('pontis.audit_retention', 'on', true)`.execute(trx);
    await sql`delete from audit_entries where seq <= ${boundary}`.execute(trx);
    await sql`select set_config('pontis.audit_retention', 'off', true)`.execute(trx);
    return count;
  });
}
