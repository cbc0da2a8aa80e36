// Rapid alerts: an urgent notice broadcast to chosen authorities (or all),
// each of which must acknowledge it. The sender sees, per recipient, whether
// it was delivered and who acknowledged when; a recipient sees its own state.
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { NotFoundError, ValidationError } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { NodeContext } from '../context.ts';
import { RapidAlertInput } from './inputs.ts';
import { acknowledgeMessage } from './messages.ts';
import { deliverSoon } from './delivery.ts';
import { parseInput } from './parse-input.ts';
import { createThread, writeMessage } from './outbox.ts';
import { messageViews, type MessageView } from './views.ts';
import { requireVisibleMessage } from './visibility.ts';

export interface RapidAlertView {
  id: string;
  threadId: string;
  title: string;
  body: string;
  severity: string;
  handlingCode: string;
  classification: string;
  from: { authorityId: string; userId: string; name: string };
  createdAt: string;
  /** Per recipient authority; the sender sees all, a recipient only itself. */
  recipients: { authorityId: string; deliveredAt: string | null; acknowledged: boolean; acknowledgedAt: string | null; acknowledgedBy: string | null }[];
  acknowledgedCount: number;
  pendingCount: number;
}

export async function sendRapidAlert(node: NodeContext, actor: Actor | null, raw: unknown): Promise<RapidAlertView> {
  authorize(actor, 'rapid_alert.send', { authorityId: actor?.authorityId });
  const input = parseInput(RapidAlertInput, raw, 'rapid alert');
  const { db } = node.database;
  const at = node.clock.now();
  const known = await db.selectFrom('authorities').select('id').execute();
  const knownIds = new Set(known.map((k) => k.id));
  let recipients: string[];
  if (input.recipients === 'all') {
    recipients = [...knownIds].filter((id) => id !== actor.authorityId).sort();
  } else {
    const issues = input.recipients.flatMap((id, i) =>
      !knownIds.has(id)
        ? [{ path: `recipients/${i}`, message: `no authority ${id}` }]
        : id === actor.authorityId
          ? [{ path: `recipients/${i}`, message: 'your own authority cannot be a recipient' }]
          : [],
    );
    if (issues.length) throw new ValidationError('A recipient is not valid.', issues);
    recipients = [...new Set(input.recipients)];
  }
  if (recipients.length === 0) throw new ValidationError('A rapid alert needs a recipient.', [{ path: 'recipients', message: 'no other authority is known on this node' }]);
  const sent = await db.transaction().execute(async (trx) => {
    const threadId = await createThread(trx, { kind: 'rapid_alert', subject: input.title, creatorAuthorityId: actor.authorityId, participants: recipients, at });
    const msg = await writeMessage(trx, actor, {
      threadId,
      kind: 'rapid_alert',
      subject: input.title,
      body: input.body,
      handlingCode: input.handlingCode,
      classification: input.classification,
      requiresAck: true,
      payload: { severity: input.severity },
      recipients,
      at,
    });
    await appendAudit(trx, {
      at,
      actor,
      action: 'rapid_alert.send',
      outcome: 'ok',
      changed: [{ type: 'message', id: msg.id }],
      details: { severity: input.severity, recipients, handlingCode: input.handlingCode },
    });
    return msg;
  });
  await deliverSoon(node, sent.id);
  return rapidAlertView(node, actor, sent.id, false);
}

export async function getRapidAlert(node: NodeContext, actor: Actor | null, id: string): Promise<RapidAlertView> {
  authorize(actor, 'rapid_alert.read', { authorityId: actor?.authorityId });
  return rapidAlertView(node, actor, id, true);
}

async function rapidAlertView(node: NodeContext, actor: Actor, id: string, audit: boolean): Promise<RapidAlertView> {
  const { db } = node.database;
  const msg = await requireVisibleMessage(db, id, actor.authorityId);
  if (msg.kind !== 'rapid_alert') throw new NotFoundError(`No rapid alert ${id}.`);
  const [view] = await messageViews(db, [id], actor.authorityId);
  const v = view as MessageView;
  const mine = v.sender.authorityId === actor.authorityId;
  const outbox = await db
    .selectFrom('outbox')
    .leftJoin('acknowledgements', (j) => j.onRef('acknowledgements.message_id', '=', 'outbox.message_id').onRef('acknowledgements.authority_id', '=', 'outbox.recipient_authority_id'))
    .select(['outbox.recipient_authority_id', 'outbox.delivered_at', 'acknowledgements.acknowledged_at', 'acknowledgements.user_name'])
    .where('outbox.message_id', '=', id)
    .$if(!mine, (q) => q.where('outbox.recipient_authority_id', '=', actor.authorityId))
    .orderBy('outbox.recipient_authority_id')
    .execute();
  const recipients = outbox.map((o) => ({
    authorityId: o.recipient_authority_id,
    deliveredAt: o.delivered_at ? new Date(o.delivered_at).toISOString() : null,
    acknowledged: Boolean(o.acknowledged_at),
    acknowledgedAt: o.acknowledged_at ? new Date(o.acknowledged_at).toISOString() : null,
    acknowledgedBy: o.user_name ?? null,
  }));
  if (audit) await appendAudit(db, { at: node.clock.now(), actor, action: 'rapid_alert.read', outcome: 'ok', returned: [{ type: 'message', id }] });
  return {
    id,
    threadId: v.threadId,
    title: v.subject,
    body: v.body,
    severity: String(v.payload.severity ?? ''),
    handlingCode: v.handlingCode,
    classification: v.classification,
    from: v.sender,
    createdAt: v.createdAt,
    recipients,
    acknowledgedCount: recipients.filter((r) => r.acknowledged).length,
    pendingCount: recipients.filter((r) => !r.acknowledged).length,
  };
}

/** Rapid alerts the actor's authority sent or received, newest first. */
export async function listRapidAlerts(node: NodeContext, actor: Actor | null): Promise<RapidAlertView[]> {
  authorize(actor, 'rapid_alert.read', { authorityId: actor?.authorityId });
  const { db } = node.database;
  const rows = await db
    .selectFrom('messages')
    .leftJoin('deliveries', (j) => j.onRef('deliveries.message_id', '=', 'messages.id').on('deliveries.recipient_authority_id', '=', actor.authorityId))
    .select('messages.id')
    .where('messages.kind', '=', 'rapid_alert')
    .where((eb) => eb.or([eb('messages.sender_authority_id', '=', actor.authorityId), eb('deliveries.message_id', 'is not', null)]))
    .orderBy('messages.seq', 'desc')
    .limit(100)
    .execute();
  const views: RapidAlertView[] = [];
  for (const r of rows) views.push(await rapidAlertView(node, actor, r.id, false));
  await appendAudit(db, { at: node.clock.now(), actor, action: 'rapid_alert.read', outcome: 'ok', returned: views.map((v) => ({ type: 'message', id: v.id })) });
  return views;
}

export function acknowledgeRapidAlert(node: NodeContext, actor: Actor | null, id: string, note?: string) {
  return acknowledgeMessage(node, actor, id, note, 'rapid_alert');
}
