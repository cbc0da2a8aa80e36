// An officer's decision on a hit. A confirmed hit tells the alert's issuing
// authority at once: the hit row, a new thread, the hit notification, its
// outbox row and the audit entry commit together or not at all.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { NodeContext } from '../context.ts';
import { HitInput } from './inputs.ts';
import { deliverSoon } from './delivery.ts';
import { parseInput } from './parse-input.ts';
import { createThread, writeMessage } from './outbox.ts';

export interface HitView {
  id: string;
  alertId: string;
  searchId: string | null;
  recordId: string;
  action: 'confirm' | 'dismiss';
  actionTaken: string | null;
  reason: string | null;
  purpose: string;
  caseReference: string;
  officer: { id: string; name: string; authorityId: string };
  threadId: string | null;
  notificationId: string | null;
  createdAt: string;
}

export async function recordHit(node: NodeContext, actor: Actor | null, raw: unknown): Promise<HitView> {
  authorize(actor, 'hit.confirm', { authorityId: actor?.authorityId });
  const input = parseInput(HitInput, raw, 'hit');
  const { db } = node.database;
  const at = node.clock.now();
  const alert = await db
    .selectFrom('alerts')
    .innerJoin('authorities', 'authorities.id', 'alerts.issuing_authority_id')
    .select(['alerts.id', 'alerts.ref', 'alerts.category', 'alerts.action', 'alerts.handling_code', 'alerts.issuing_authority_id', 'alerts.person_id', 'alerts.object_id', 'alerts.status'])
    .where('alerts.id', '=', input.alertId)
    .executeTakeFirst();
  if (!alert) throw new ValidationError('The hit names an unknown alert.', [{ path: 'alertId', message: `no alert ${input.alertId}` }]);
  authorize(actor, 'hit.confirm', { alertCategory: alert.category, purpose: input.purpose });
  if (alert.status !== 'active') {
    throw new ValidationError('The alert is not active.', [{ path: 'alertId', message: `the alert is ${alert.status}; only an active alert can be hit` }]);
  }
  const record = await db
    .selectFrom('persons')
    .select('id')
    .where('id', '=', input.recordId)
    .unionAll(db.selectFrom('objects').select('id').where('id', '=', input.recordId))
    .executeTakeFirst();
  if (!record) throw new ValidationError('The hit names an unknown record.', [{ path: 'recordId', message: `no person or object ${input.recordId}` }]);

  const hitId = randomUUID();
  const result = await db.transaction().execute(async (trx) => {
    let threadId: string | null = null;
    let messageId: string | null = null;
    if (input.action === 'confirm') {
      const subject = `Hit on alert ${alert.ref} (${alert.category})`;
      threadId = await createThread(trx, {
        kind: 'hit',
        subject,
        alertId: alert.id,
        creatorAuthorityId: actor.authorityId,
        participants: [alert.issuing_authority_id],
        at,
      });
      const msg = await writeMessage(trx, actor, {
        threadId,
        kind: 'hit_notification',
        subject,
        body: `${actor.name} (${actor.authorityId}) confirmed a hit on your alert ${alert.ref}. Action taken: ${input.actionTaken}`,
        handlingCode: alert.handling_code,
        classification: 'restricted',
        requiresAck: true,
        payload: {
          hitId,
          alertId: alert.id,
          alertRef: alert.ref,
          alertCategory: alert.category,
          requestedAction: alert.action,
          actionTaken: input.actionTaken,
          recordId: input.recordId,
          caseReference: input.caseReference,
          purpose: input.purpose,
        },
        recipients: [alert.issuing_authority_id],
        at,
      });
      messageId = msg.id;
    }
    await trx
      .insertInto('hits')
      .values({
        id: hitId,
        alert_id: alert.id,
        search_id: input.searchId ?? null,
        record_id: input.recordId,
        decision: input.action,
        action_taken: input.actionTaken ?? null,
        reason: input.reason ?? null,
        purpose: input.purpose,
        case_reference: input.caseReference,
        officer_id: actor.id,
        officer_name: actor.name,
        authority_id: actor.authorityId,
        thread_id: threadId,
        message_id: messageId,
        created_at: at,
      })
      .execute();
    await appendAudit(trx, {
      at,
      actor,
      action: input.action === 'confirm' ? 'hit.confirm' : 'hit.dismiss',
      outcome: 'ok',
      purpose: input.purpose,
      caseReference: input.caseReference,
      query: { alertId: alert.id, recordId: input.recordId, searchId: input.searchId ?? null },
      changed: [{ type: 'hit', id: hitId }, ...(messageId ? [{ type: 'message', id: messageId }] : [])],
      details: input.action === 'confirm' ? { actionTaken: input.actionTaken, notified: alert.issuing_authority_id } : { reason: input.reason },
    });
    return { threadId, messageId };
  });
  if (result.messageId) await deliverSoon(node, result.messageId);
  return {
    id: hitId,
    alertId: alert.id,
    searchId: input.searchId ?? null,
    recordId: input.recordId,
    action: input.action,
    actionTaken: input.actionTaken ?? null,
    reason: input.reason ?? null,
    purpose: input.purpose,
    caseReference: input.caseReference,
    officer: { id: actor.id, name: actor.name, authorityId: actor.authorityId },
    threadId: result.threadId,
    notificationId: result.messageId,
    createdAt: at.toISOString(),
  };
}

/**
 * Hits of an alert, for its detail screen: the issuing authority sees every
 * hit on its alert; any other authority only the hits its own officers made.
 */
export async function listHits(node: NodeContext, actor: Actor | null, alertId: string): Promise<HitView[]> {
  authorize(actor, 'hit.read', { authorityId: actor?.authorityId });
  const { db } = node.database;
  const alert = await db.selectFrom('alerts').select(['id', 'issuing_authority_id']).where('id', '=', alertId).executeTakeFirst();
  if (!alert) throw new NotFoundError(`No alert ${alertId}.`);
  let q = db.selectFrom('hits').selectAll().where('alert_id', '=', alertId);
  if (alert.issuing_authority_id !== actor.authorityId) q = q.where('authority_id', '=', actor.authorityId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
  await appendAudit(db, { at: node.clock.now(), actor, action: 'hit.read', outcome: 'ok', query: { alertId }, returned: rows.map((r) => ({ type: 'hit', id: r.id })) });
  return rows.map((r) => ({
    id: r.id,
    alertId: r.alert_id,
    searchId: r.search_id,
    recordId: r.record_id,
    action: r.decision,
    actionTaken: r.action_taken,
    reason: r.reason,
    purpose: r.purpose,
    caseReference: r.case_reference,
    officer: { id: r.officer_id, name: r.officer_name, authorityId: r.authority_id },
    threadId: r.thread_id,
    notificationId: r.message_id,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
