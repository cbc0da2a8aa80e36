// Threads between authorities after a hit (or a rapid alert, or a watch
// match): writing into a thread, reading it, the inbox, read receipts and
// acknowledgements. Every write commits with its audit entry; every read is
// audited right after it.
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { ConflictError, ValidationError } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import type { NodeContext } from '../context.ts';
import { decodeInlineAttachments, storeInlineAttachments } from './attachments.ts';
import { deliverSoon } from './delivery.ts';
import { parseInput } from './parse-input.ts';
import { insertEvent, wakeSubscribers } from './events.ts';
import { InboxQuery, ThreadMessageInput } from './inputs.ts';
import { writeMessage } from './outbox.ts';
import { messageViews, type MessageView } from './views.ts';
import { requireParticipant, requireVisibleMessage, threadParticipants } from './visibility.ts';

export async function postToThread(node: NodeContext, actor: Actor | null, threadId: string, raw: unknown): Promise<MessageView> {
  authorize(actor, 'message.send', { authorityId: actor?.authorityId });
  const input = parseInput(ThreadMessageInput, raw, 'message');
  const files = decodeInlineAttachments(input.attachments);
  const { db } = node.database;
  const at = node.clock.now();
  const sent = await db.transaction().execute(async (trx) => {
    const thread = await requireParticipant(trx, threadId, actor.authorityId);
    const participants = await threadParticipants(trx, threadId);
    const inlineIds = await storeInlineAttachments(trx, actor, files, at);
    const msg = await writeMessage(trx, actor, {
      threadId,
      kind: 'message',
      subject: thread.subject,
      body: input.body,
      handlingCode: input.handlingCode,
      classification: input.classification,
      requiresAck: false,
      payload: {},
      recipients: participants,
      attachmentIds: [...(input.attachmentIds ?? []), ...inlineIds],
      at,
    });
    await appendAudit(trx, {
      at,
      actor,
      action: 'message.send',
      outcome: 'ok',
      changed: [{ type: 'message', id: msg.id }, ...[...(input.attachmentIds ?? []), ...inlineIds].map((id) => ({ type: 'attachment', id }))],
      details: { threadId, recipients: msg.recipients, handlingCode: input.handlingCode, classification: input.classification },
    });
    return msg;
  });
  await deliverSoon(node, sent.id);
  const [view] = await messageViews(db, [sent.id], actor.authorityId);
  return view!;
}

export interface ThreadView {
  id: string;
  kind: string;
  subject: string;
  alertId: string | null;
  participants: string[];
  createdAt: string;
  messages: MessageView[];
}

export async function getThread(node: NodeContext, actor: Actor | null, threadId: string): Promise<ThreadView> {
  authorize(actor, 'message.read', { authorityId: actor?.authorityId });
  const { db } = node.database;
  const thread = await requireParticipant(db, threadId, actor.authorityId);
  const participants = await threadParticipants(db, threadId);
  // A participant sees what its authority sent and what has been delivered to it.
  const rows = await db
    .selectFrom('messages')
    .leftJoin('deliveries', (j) => j.onRef('deliveries.message_id', '=', 'messages.id').on('deliveries.recipient_authority_id', '=', actor.authorityId))
    .select('messages.id')
    .where('messages.thread_id', '=', threadId)
    .where((eb) => eb.or([eb('messages.sender_authority_id', '=', actor.authorityId), eb('deliveries.message_id', 'is not', null)]))
    .orderBy('messages.seq')
    .execute();
  const messages = await messageViews(db, rows.map((r) => r.id), actor.authorityId);
  await appendAudit(db, {
    at: node.clock.now(),
    actor,
    action: 'thread.read',
    outcome: 'ok',
    returned: [{ type: 'thread', id: threadId }, ...messages.map((m) => ({ type: 'message', id: m.id }))],
  });
  return { id: thread.id, kind: thread.kind, subject: thread.subject, alertId: thread.alert_id, participants, createdAt: new Date(thread.created_at).toISOString(), messages };
}

export async function getMessage(node: NodeContext, actor: Actor | null, messageId: string): Promise<MessageView> {
  authorize(actor, 'message.read', { authorityId: actor?.authorityId });
  const { db } = node.database;
  await requireVisibleMessage(db, messageId, actor.authorityId);
  const [view] = await messageViews(db, [messageId], actor.authorityId);
  await appendAudit(db, { at: node.clock.now(), actor, action: 'message.read', outcome: 'ok', returned: [{ type: 'message', id: messageId }] });
  return view!;
}

export interface InboxItem {
  id: string;
  threadId: string;
  kind: string;
  subject: string;
  from: { authorityId: string; name: string };
  handlingCode: string;
  classification: string;
  requiresAcknowledgement: boolean;
  createdAt: string;
  deliveredAt: string;
  /** When the asking user read it; null = unread. */
  readAt: string | null;
  /** When the asking user's authority acknowledged it. */
  acknowledgedAt: string | null;
  payload: Record<string, unknown>;
}

/** Messages delivered to the actor's authority: unread (by this user) first, newest first within each group. */
export async function inbox(node: NodeContext, actor: Actor | null, rawQuery: unknown): Promise<{ items: InboxItem[]; unread: number }> {
  authorize(actor, 'message.read', { authorityId: actor?.authorityId });
  const q = parseInput(InboxQuery, rawQuery, 'inbox query');
  const { db } = node.database;
  let query = db
    .selectFrom('deliveries')
    .innerJoin('messages', 'messages.id', 'deliveries.message_id')
    .leftJoin('message_reads', (j) => j.onRef('message_reads.message_id', '=', 'messages.id').on('message_reads.user_id', '=', actor.id))
    .leftJoin('acknowledgements', (j) => j.onRef('acknowledgements.message_id', '=', 'messages.id').on('acknowledgements.authority_id', '=', actor.authorityId))
    .select([
      'messages.id',
      'messages.thread_id',
      'messages.kind',
      'messages.subject',
      'messages.sender_authority_id',
      'messages.sender_name',
      'messages.handling_code',
      'messages.classification',
      'messages.requires_ack',
      'messages.created_at',
      'messages.payload',
      'deliveries.delivered_at',
      'message_reads.read_at',
      'acknowledgements.acknowledged_at',
    ])
    .where('deliveries.recipient_authority_id', '=', actor.authorityId);
  if (q.kind) query = query.where('messages.kind', '=', q.kind);
  const rows = await query
    .orderBy((eb) => eb.case().when('message_reads.read_at', 'is', null).then(0).else(1).end())
    .orderBy('messages.seq', 'desc')
    .limit(q.limit)
    .execute();
  const unreadRow = await db
    .selectFrom('deliveries')
    .innerJoin('messages', 'messages.id', 'deliveries.message_id')
    .leftJoin('message_reads', (j) => j.onRef('message_reads.message_id', '=', 'messages.id').on('message_reads.user_id', '=', actor.id))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('deliveries.recipient_authority_id', '=', actor.authorityId)
    .where('message_reads.read_at', 'is', null)
    .$if(Boolean(q.kind), (b) => b.where('messages.kind', '=', q.kind!))
    .executeTakeFirst();
  const items = rows.map((r) => ({
    id: r.id,
    threadId: r.thread_id,
    kind: r.kind,
    subject: r.subject,
    from: { authorityId: r.sender_authority_id, name: r.sender_name },
    handlingCode: r.handling_code,
    classification: r.classification,
    requiresAcknowledgement: r.requires_ack,
    createdAt: new Date(r.created_at).toISOString(),
    deliveredAt: new Date(r.delivered_at).toISOString(),
    readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
    payload: (r.payload ?? {}) as Record<string, unknown>,
  }));
  await appendAudit(db, { at: node.clock.now(), actor, action: 'inbox.read', outcome: 'ok', returned: items.map((i) => ({ type: 'message', id: i.id })), details: { kind: q.kind ?? null } });
  return { items, unread: Number(unreadRow?.n ?? 0) };
}

/** A read receipt of the actor for a message delivered to their authority. Idempotent per user. */
export async function markRead(node: NodeContext, actor: Actor | null, messageId: string): Promise<{ messageId: string; readAt: string; alreadyRead: boolean }> {
  authorize(actor, 'message.read', { authorityId: actor?.authorityId });
  const { db } = node.database;
  const at = node.clock.now();
  const result = await db.transaction().execute(async (trx) => {
    const msg = await requireVisibleMessage(trx, messageId, actor.authorityId);
    if (!msg.received) throw new ValidationError('Only a recipient can mark a message as read.', [{ path: 'id', message: 'your authority sent this message' }]);
    const inserted = await trx
      .insertInto('message_reads')
      .values({ message_id: messageId, authority_id: actor.authorityId, user_id: actor.id, user_name: actor.name, read_at: at })
      .onConflict((oc) => oc.columns(['message_id', 'user_id']).doNothing())
      .returning('read_at')
      .execute();
    if (inserted.length === 0) {
      const existing = await trx.selectFrom('message_reads').select('read_at').where('message_id', '=', messageId).where('user_id', '=', actor.id).executeTakeFirstOrThrow();
      return { readAt: new Date(existing.read_at), alreadyRead: true, sender: msg.sender_authority_id };
    }
    await insertEvent(trx, {
      authorityId: msg.sender_authority_id,
      kind: 'read_receipt',
      messageId,
      payload: { messageId, threadId: msg.thread_id, authorityId: actor.authorityId, userId: actor.id, userName: actor.name, readAt: at.toISOString() },
      at,
    });
    await appendAudit(trx, { at, actor, action: 'message.mark_read', outcome: 'ok', changed: [{ type: 'message_read', id: messageId }] });
    return { readAt: at, alreadyRead: false, sender: msg.sender_authority_id };
  });
  if (!result.alreadyRead) wakeSubscribers(node, [result.sender]);
  return { messageId, readAt: result.readAt.toISOString(), alreadyRead: result.alreadyRead };
}

/** The recipient authority acknowledges a hit notification or rapid alert (once per authority). */
export async function acknowledgeMessage(
  node: NodeContext,
  actor: Actor | null,
  messageId: string,
  note: string | undefined,
  expectKind?: 'rapid_alert',
): Promise<{ messageId: string; authorityId: string; acknowledgedAt: string }> {
  authorize(actor, expectKind === 'rapid_alert' ? 'rapid_alert.acknowledge' : 'message.acknowledge', { authorityId: actor?.authorityId });
  const { db } = node.database;
  const at = node.clock.now();
  const sender = await db.transaction().execute(async (trx) => {
    const msg = await requireVisibleMessage(trx, messageId, actor.authorityId);
    if (expectKind && msg.kind !== expectKind) {
      throw new ValidationError('This message is not a rapid alert.', [{ path: 'id', message: `a ${msg.kind}, not a rapid alert` }]);
    }
    if (!msg.received) throw new ValidationError('Only a recipient can acknowledge a message.', [{ path: 'id', message: 'your authority sent this message' }]);
    if (!msg.requires_ack) throw new ValidationError('This message does not ask for acknowledgement.', [{ path: 'id', message: `a ${msg.kind} needs no acknowledgement` }]);
    const inserted = await trx
      .insertInto('acknowledgements')
      .values({ message_id: messageId, authority_id: actor.authorityId, user_id: actor.id, user_name: actor.name, note: note ?? null, acknowledged_at: at })
      .onConflict((oc) => oc.columns(['message_id', 'authority_id']).doNothing())
      .returning('message_id')
      .execute();
    if (inserted.length === 0) throw new ConflictError('Your authority has already acknowledged this message.');
    await insertEvent(trx, {
      authorityId: msg.sender_authority_id,
      kind: 'acknowledgement',
      messageId,
      payload: { messageId, threadId: msg.thread_id, messageKind: msg.kind, authorityId: actor.authorityId, userId: actor.id, userName: actor.name, acknowledgedAt: at.toISOString() },
      at,
    });
    await appendAudit(trx, { at, actor, action: `${msg.kind}.acknowledge`, outcome: 'ok', changed: [{ type: 'acknowledgement', id: messageId }], details: note ? { note } : {} });
    return msg.sender_authority_id;
  });
  wakeSubscribers(node, [sender]);
  return { messageId, authorityId: actor.authorityId, acknowledgedAt: at.toISOString() };
}
