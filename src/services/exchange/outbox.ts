// Writing a message: the message row, its attachments and one outbox row per
// recipient authority, all inside the caller's transaction — so a message is
// either accepted with everything needed to deliver it, or not at all.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { Actor } from '../../access/actor.ts';
import { ValidationError } from '../../domain/errors.ts';
import { jsonb } from './sql-helpers.ts';
import { MAX_MESSAGE_ATTACHMENT_BYTES } from './attachment-check.ts';

export type MessageKind = 'hit_notification' | 'message' | 'rapid_alert' | 'watch_match';
export type ThreadKind = 'hit' | 'rapid_alert' | 'watch' | 'general';

/**
 * How a message reaches an authority. Every authority on this node is
 * `local`; an authority served by a partner node will be `peer` once the node
 * transport exists (the outbox row keeps the choice, so a change of route
 * never touches messages already queued).
 */
export function transportFor(_recipientAuthorityId: string): 'local' | 'peer' {
  return 'local';
}

export async function createThread(
  trx: Transaction<Schema>,
  t: { kind: ThreadKind; subject: string; alertId?: string; creatorAuthorityId: string; participants: string[]; at: Date },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('threads')
    .values({ id, kind: t.kind, subject: t.subject, alert_id: t.alertId ?? null, created_by_authority_id: t.creatorAuthorityId, created_at: t.at })
    .execute();
  const participants = [...new Set([t.creatorAuthorityId, ...t.participants])];
  await trx
    .insertInto('thread_participants')
    .values(participants.map((a) => ({ thread_id: id, authority_id: a })))
    .execute();
  return id;
}

export interface OutgoingMessage {
  threadId: string;
  kind: MessageKind;
  subject: string;
  body: string;
  handlingCode: string;
  classification: string;
  requiresAck: boolean;
  payload: Record<string, unknown>;
  recipients: string[];
  attachmentIds?: string[];
  /** A node's own notice to an authority (a watch match) is addressed to the sender's own authority. */
  toOwnAuthority?: boolean;
  at: Date;
}

export async function writeMessage(trx: Transaction<Schema>, sender: Actor, m: OutgoingMessage): Promise<{ id: string; recipients: string[] }> {
  const id = randomUUID();
  await trx
    .insertInto('messages')
    .values({
      id,
      thread_id: m.threadId,
      kind: m.kind,
      sender_authority_id: sender.authorityId,
      sender_user_id: sender.id,
      sender_name: sender.name,
      subject: m.subject,
      body: m.body,
      handling_code: m.handlingCode,
      classification: m.classification,
      requires_ack: m.requiresAck,
      payload: jsonb(m.payload),
      created_at: m.at,
    })
    .execute();
  await linkAttachments(trx, sender, id, m.attachmentIds ?? []);
  const recipients = [...new Set(m.recipients)].filter((a) => m.toOwnAuthority || a !== sender.authorityId);
  if (recipients.length > 0) {
    await trx
      .insertInto('outbox')
      .values(
        recipients.map((r) => ({
          message_id: id,
          recipient_authority_id: r,
          transport: transportFor(r),
          next_attempt_at: m.at,
          created_at: m.at,
        })),
      )
      .execute();
  }
  return { id, recipients };
}

async function linkAttachments(trx: Transaction<Schema>, sender: Actor, messageId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  if (new Set(ids).size !== ids.length) throw new ValidationError('An attachment is listed twice.', [{ path: 'attachmentIds', message: 'each attachment once' }]);
  const rows = await trx
    .selectFrom('attachments')
    .leftJoin('message_attachments', 'message_attachments.attachment_id', 'attachments.id')
    .select(['attachments.id', 'attachments.authority_id', 'attachments.size_bytes', 'message_attachments.message_id'])
    .where('attachments.id', 'in', ids)
    .execute();
  const issues = ids.flatMap((aid, i) => {
    const row = rows.find((r) => r.id === aid);
    if (!row || row.authority_id !== sender.authorityId) return [{ path: `attachmentIds/${i}`, message: 'no attachment with this id was uploaded by your authority' }];
    if (row.message_id) return [{ path: `attachmentIds/${i}`, message: 'this attachment is already part of another message' }];
    return [];
  });
  if (issues.length) throw new ValidationError('An attachment cannot be used.', issues);
  const total = rows.reduce((n, r) => n + r.size_bytes, 0);
  if (total > MAX_MESSAGE_ATTACHMENT_BYTES) {
    throw new ValidationError('The attachments are too large together.', [
      { path: 'attachmentIds', message: `together ${total} bytes; a message carries at most ${MAX_MESSAGE_ATTACHMENT_BYTES}` },
    ]);
  }
  await trx
    .insertInto('message_attachments')
    .values(ids.map((aid, position) => ({ message_id: messageId, attachment_id: aid, position })))
    .execute();
}
