// A partner authority's flag: "not to be executed on our territory". The
// alert stays valid elsewhere; the search shows the flag with every hit.
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { ConflictError, NotFoundError, ValidationError, issuesFromZod } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isoDay } from '../clock.ts';
import type { NodeContext } from '../context.ts';
import { recordAlertChange } from './history.ts';
import { readAlert, type AlertView } from './read.ts';
import { FlagAlertRequest, LinkAlertRequest } from './schemas.ts';

const UUID = /^[0-9a-f-]{36}$/i;

export async function flagAlert(node: NodeContext, actor: Actor | null, alertId: string, input: unknown): Promise<AlertView> {
  authorize(actor, 'alert.flag');
  const parsed = FlagAlertRequest.safeParse(input);
  if (!parsed.success) throw new ValidationError('The flag is not valid.', issuesFromZod(parsed.error));
  const now = node.clock.now();
  return node.database.db.transaction().execute(async (trx) => {
    const a = UUID.test(alertId) ? await trx.selectFrom('alerts').select(['id', 'issuing_authority_id', 'status', 'category']).where('id', '=', alertId).executeTakeFirst() : undefined;
    if (!a) throw new NotFoundError(`No alert with id ${alertId}.`);
    authorize(actor, 'alert.flag', { authorityId: a.issuing_authority_id, alertCategory: a.category });
    if (a.issuing_authority_id === actor.authorityId) {
      throw new ValidationError('The issuing authority does not flag its own alert.', [{ path: '(root)', message: 'change or expire the alert instead' }]);
    }
    if (a.status !== 'active') throw new ConflictError(`The alert is ${a.status}; only active alerts can be flagged.`);
    const known = await trx.selectFrom('authorities').select('id').where('id', '=', actor.authorityId).executeTakeFirst();
    if (!known) throw new ValidationError('Your authority is not registered on this node.', [{ path: '(root)', message: `authority ${actor.authorityId} unknown` }]);
    const inserted = await trx
      .insertInto('alert_flags')
      .values({ alert_id: a.id, authority_id: actor.authorityId, reason: parsed.data.reason, flagged_by: actor.name, flagged_at: now })
      .onConflict((oc) => oc.doNothing())
      .returning('alert_id')
      .execute();
    if (!inserted.length) throw new ConflictError(`Authority ${actor.authorityId} has already flagged this alert.`);
    await recordAlertChange(trx, { alertId: a.id, actor, at: now, change: 'flag', changes: { flag: { from: null, to: actor.authorityId } }, reason: parsed.data.reason });
    await appendAudit(trx, { at: node.clock.now(), actor, action: 'alert.flag', outcome: 'ok', changed: [{ type: 'alert', id: a.id }], details: { reason: parsed.data.reason } });
    return (await readAlert(trx, a.id, isoDay(now)))!;
  });
}

export async function unflagAlert(node: NodeContext, actor: Actor | null, alertId: string): Promise<AlertView> {
  authorize(actor, 'alert.flag');
  const now = node.clock.now();
  return node.database.db.transaction().execute(async (trx) => {
    const removed = UUID.test(alertId)
      ? await trx.deleteFrom('alert_flags').where('alert_id', '=', alertId).where('authority_id', '=', actor.authorityId).returning('alert_id').execute()
      : [];
    if (!removed.length) throw new NotFoundError(`Authority ${actor.authorityId} has no flag on alert ${alertId}.`);
    await recordAlertChange(trx, { alertId, actor, at: now, change: 'unflag', changes: { flag: { from: actor.authorityId, to: null } } });
    await appendAudit(trx, { at: node.clock.now(), actor, action: 'alert.unflag', outcome: 'ok', changed: [{ type: 'alert', id: alertId }] });
    return (await readAlert(trx, alertId, isoDay(now)))!;
  });
}

/** Links two alerts that belong together (a wanted person and their vehicle). */
export async function linkAlerts(node: NodeContext, actor: Actor | null, alertId: string, input: unknown): Promise<AlertView> {
  authorize(actor, 'alert.update');
  const parsed = LinkAlertRequest.safeParse(input);
  if (!parsed.success) throw new ValidationError('The link is not valid.', issuesFromZod(parsed.error));
  const other = parsed.data.alertId;
  const now = node.clock.now();
  return node.database.db.transaction().execute(async (trx) => {
    const a = UUID.test(alertId) ? await trx.selectFrom('alerts').select(['id', 'issuing_authority_id']).where('id', '=', alertId).executeTakeFirst() : undefined;
    if (!a) throw new NotFoundError(`No alert with id ${alertId}.`);
    authorize(actor, 'alert.update', { authorityId: a.issuing_authority_id });
    if (a.issuing_authority_id !== actor.authorityId) throw new ValidationError('Only the issuing authority links its alert.', [{ path: '(root)', message: `alert is issued by ${a.issuing_authority_id}` }]);
    if (other === a.id) throw new ValidationError('An alert cannot be linked to itself.', [{ path: 'alertId', message: 'same as the alert' }]);
    const b = await trx.selectFrom('alerts').select('id').where('id', '=', other).executeTakeFirst();
    if (!b) throw new ValidationError('The alert to link does not exist.', [{ path: 'alertId', message: `no alert with id ${other}` }]);
    const [x, y] = a.id < other ? [a.id, other] : [other, a.id];
    const inserted = await trx.insertInto('alert_links').values({ alert_a: x, alert_b: y, created_by: actor.id, created_at: now }).onConflict((oc) => oc.doNothing()).returning('alert_a').execute();
    if (!inserted.length) throw new ConflictError('The alerts are already linked.');
    await recordAlertChange(trx, { alertId: a.id, actor, at: now, change: 'link', changes: { link: { from: null, to: other } }, reason: parsed.data.reason ?? null });
    await appendAudit(trx, { at: node.clock.now(), actor, action: 'alert.link', outcome: 'ok', changed: [{ type: 'alert', id: a.id }, { type: 'alert', id: other }] });
    return (await readAlert(trx, a.id, isoDay(now)))!;
  });
}
