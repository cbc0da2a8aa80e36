// Who may see what in the exchange: a thread only its participating
// authorities; a message its sender's authority and the authorities it was
// delivered to. Anyone else is told the thing does not exist (404), so ids
// of other authorities' threads leak nothing.
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { NotFoundError } from '../../domain/errors.ts';

type Executor = Kysely<Schema> | Transaction<Schema>;

export async function requireParticipant(db: Executor, threadId: string, authorityId: string): Promise<{ id: string; kind: string; subject: string; alert_id: string | null; created_at: Date }> {
  const thread = await db
    .selectFrom('threads')
    .innerJoin('thread_participants', 'thread_participants.thread_id', 'threads.id')
    .select(['threads.id', 'threads.kind', 'threads.subject', 'threads.alert_id', 'threads.created_at'])
    .where('threads.id', '=', threadId)
    .where('thread_participants.authority_id', '=', authorityId)
    .executeTakeFirst();
  if (!thread) throw new NotFoundError(`No thread ${threadId} that your authority takes part in.`);
  return thread;
}

export async function threadParticipants(db: Executor, threadId: string): Promise<string[]> {
  const rows = await db.selectFrom('thread_participants').select('authority_id').where('thread_id', '=', threadId).orderBy('authority_id').execute();
  return rows.map((r) => r.authority_id);
}

export interface VisibleMessage {
  id: string;
  thread_id: string;
  kind: string;
  sender_authority_id: string;
  requires_ack: boolean;
  /** Whether the viewer's authority received it (as opposed to sent it). */
  received: boolean;
}

export async function requireVisibleMessage(db: Executor, messageId: string, authorityId: string): Promise<VisibleMessage> {
  const row = await db
    .selectFrom('messages')
    .leftJoin('deliveries', (j) => j.onRef('deliveries.message_id', '=', 'messages.id').on('deliveries.recipient_authority_id', '=', authorityId))
    .select(['messages.id', 'messages.thread_id', 'messages.kind', 'messages.sender_authority_id', 'messages.requires_ack', 'deliveries.delivered_at'])
    .where('messages.id', '=', messageId)
    .executeTakeFirst();
  if (!row || (row.sender_authority_id !== authorityId && !row.delivered_at)) {
    throw new NotFoundError(`No message ${messageId} sent to or by your authority.`);
  }
  return { ...row, received: Boolean(row.delivered_at) };
}
