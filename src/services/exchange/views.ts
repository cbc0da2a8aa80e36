// How messages are shown: every message with its handling code and
// classification, its attachments, and — for the sending authority — where it
// was delivered, who read it when and who acknowledged it. A recipient sees
// only its own authority's reads and acknowledgements.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';

type Executor = Kysely<Schema> | Transaction<Schema>;

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

export interface MessageView {
  id: string;
  threadId: string;
  kind: string;
  subject: string;
  body: string;
  handlingCode: string;
  classification: string;
  requiresAcknowledgement: boolean;
  payload: Record<string, unknown>;
  sender: { authorityId: string; userId: string; name: string };
  createdAt: string;
  attachments: AttachmentView[];
  /** Per recipient authority; shown to the sending authority only. */
  deliveries?: { authorityId: string; status: string; deliveredAt: string | null; attempts: number; transport: string }[];
  reads: { authorityId: string; userId: string; userName: string; readAt: string }[];
  acknowledgements: { authorityId: string; userId: string; userName: string; note: string | null; acknowledgedAt: string }[];
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function messageViews(db: Executor, messageIds: string[], viewerAuthorityId: string): Promise<MessageView[]> {
  if (messageIds.length === 0) return [];
  const [messages, attachments, outbox, reads, acks] = await Promise.all([
    db.selectFrom('messages').selectAll().where('id', 'in', messageIds).orderBy('seq').execute(),
    db
      .selectFrom('message_attachments')
      .innerJoin('attachments', 'attachments.id', 'message_attachments.attachment_id')
      .select(['message_attachments.message_id', 'message_attachments.position', 'attachments.id', 'attachments.filename', 'attachments.content_type', 'attachments.size_bytes', 'attachments.sha256'])
      .where('message_attachments.message_id', 'in', messageIds)
      .orderBy('message_attachments.position')
      .execute(),
    db.selectFrom('outbox').selectAll().where('message_id', 'in', messageIds).orderBy('recipient_authority_id').execute(),
    db.selectFrom('message_reads').selectAll().where('message_id', 'in', messageIds).orderBy('read_at').execute(),
    db.selectFrom('acknowledgements').selectAll().where('message_id', 'in', messageIds).orderBy('acknowledged_at').execute(),
  ]);
  return messages.map((m) => {
    const mine = m.sender_authority_id === viewerAuthorityId;
    const seen = (authorityId: string) => mine || authorityId === viewerAuthorityId;
    const view: MessageView = {
      id: m.id,
      threadId: m.thread_id,
      kind: m.kind,
      subject: m.subject,
      body: m.body,
      handlingCode: m.handling_code,
      classification: m.classification,
      requiresAcknowledgement: m.requires_ack,
      payload: (m.payload ?? {}) as Record<string, unknown>,
      sender: { authorityId: m.sender_authority_id, userId: m.sender_user_id, name: m.sender_name },
      createdAt: iso(m.created_at)!,
      attachments: attachments
        .filter((a) => a.message_id === m.id)
        .map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, sizeBytes: a.size_bytes, sha256: a.sha256 })),
      reads: reads
        .filter((r) => r.message_id === m.id && seen(r.authority_id))
        .map((r) => ({ authorityId: r.authority_id, userId: r.user_id, userName: r.user_name, readAt: iso(r.read_at)! })),
      acknowledgements: acks
        .filter((a) => a.message_id === m.id && seen(a.authority_id))
        .map((a) => ({ authorityId: a.authority_id, userId: a.user_id, userName: a.user_name, note: a.note, acknowledgedAt: iso(a.acknowledged_at)! })),
    };
    if (mine) {
      view.deliveries = outbox
        .filter((o) => o.message_id === m.id)
        .map((o) => ({ authorityId: o.recipient_authority_id, status: o.status, deliveredAt: iso(o.delivered_at), attempts: o.attempts, transport: o.transport }));
    }
    return view;
  });
}
