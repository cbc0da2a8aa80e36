// Validity over time: alerts past their expiry date are marked expired (the
// search already ignores them by date), and alerts expired, deleted or
// rejected longer than the retention period are removed. Their history rows
// stay, so the supervisor can still see what existed and who changed it.
import { nodeActor } from '../access/system-actor.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isoDay } from '../clock.ts';
import type { NodeContext } from '../context.ts';

export const DEFAULT_ALERT_RETENTION_DAYS = 365;

export function alertRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.PONTIS_ALERT_RETENTION_DAYS);
  return Number.isFinite(v) && v >= 0 ? v : DEFAULT_ALERT_RETENTION_DAYS;
}

export async function expireAndPurgeAlerts(node: NodeContext, opts: { retentionDays?: number } = {}): Promise<{ expired: number; purged: number }> {
  const now = node.clock.now();
  const today = isoDay(now);
  const retention = opts.retentionDays ?? alertRetentionDays();
  const actor = await nodeActor(node, 'alert-expiry');
  const cutoff = new Date(now.getTime() - retention * 86_400_000);
  return node.database.db.transaction().execute(async (trx) => {
    const expired = await trx
      .selectFrom('alerts')
      .select(['id', 'status'])
      .where('status', 'in', ['active', 'proposed'])
      .where('expires_at', '<=', today)
      .forUpdate()
      .execute();
    if (expired.length) {
      await trx.updateTable('alerts').set({ status: 'expired', updated_at: now }).where('id', 'in', expired.map((e) => e.id)).execute();
      await trx
        .insertInto('alert_history')
        .values(expired.map((e) => ({ alert_id: e.id, changed_at: now, actor_id: actor.id, actor_name: actor.name, authority_id: actor.authorityId, change: 'expire', changes: JSON.stringify({ status: { from: e.status, to: 'expired' } }), reason: 'expiry date reached' })))
        .execute();
    }
    const purgeable = await trx
      .selectFrom('alerts')
      .select('id')
      .where('status', 'in', ['expired', 'deleted', 'rejected'])
      .where('updated_at', '<', cutoff)
      .execute();
    const ids = purgeable.map((p) => p.id);
    if (ids.length) {
      await trx.deleteFrom('alerts').where('id', 'in', ids).execute();
      await trx
        .insertInto('alert_history')
        .values(ids.map((id) => ({ alert_id: id, changed_at: now, actor_id: actor.id, actor_name: actor.name, authority_id: actor.authorityId, change: 'purge', changes: '{}', reason: `retention of ${retention} days after expiry or deletion` })))
        .execute();
    }
    if (expired.length || ids.length) {
      await appendAudit(trx, {
        at: node.clock.now(),
        actor,
        action: 'alert.expire_purge',
        outcome: 'ok',
        changed: [...expired.map((e) => ({ type: 'alert', id: e.id })), ...ids.map((id) => ({ type: 'alert', id }))],
        details: { expired: expired.length, purged: ids.length, retentionDays: retention },
      });
    }
    return { expired: expired.length, purged: ids.length };
  });
}
