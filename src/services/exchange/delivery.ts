// The delivery worker: moves outbox rows into the recipients' inboxes.
// A batch of rows is handled in one transaction that locks them (SKIP LOCKED,
// so two workers never take the same row), lets each row's transport deliver,
// and marks them delivered together with the senders' delivery receipts. A crash anywhere
// rolls the whole step back and the row is simply taken again. The recipient
// side is idempotent on its own — `deliveries` is unique per (message,
// recipient) — so a transport that cannot share the transaction (a peer node
// over the network) may redeliver after a crash without a second copy.
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { NodeContext } from '../context.ts';
import { insertEvent, wakeSubscribers } from './events.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { nodeActor } from '../access/system-actor.ts';
import { exchangeSettings, MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './config.ts';

export interface OutboxRow {
  id: number;
  message_id: string;
  recipient_authority_id: string;
  transport: string;
  attempts: number;
}

export interface MessageSummary {
  id: string;
  thread_id: string;
  kind: string;
  subject: string;
  sender_authority_id: string;
  handling_code: string;
  classification: string;
  requires_ack: boolean;
  payload: unknown;
}

export interface Transport {
  /** Puts the message into the recipient's inbox; `fresh` is false when it was already there. */
  deliver(trx: Transaction<Schema>, node: NodeContext, row: OutboxRow, message: MessageSummary, at: Date): Promise<{ fresh: boolean }>;
}

/** The recipient authority lives on this node: its inbox is a row in our own database. */
export const localTransport: Transport = {
  async deliver(trx, _node, row, message, at) {
    const inserted = await trx
      .insertInto('deliveries')
      .values({ message_id: row.message_id, recipient_authority_id: row.recipient_authority_id, delivered_at: at })
      .onConflict((oc) => oc.columns(['message_id', 'recipient_authority_id']).doNothing())
      .returning('message_id')
      .execute();
    if (inserted.length === 0) return { fresh: false };
    const payload = (message.payload ?? {}) as Record<string, unknown>;
    await insertEvent(trx, {
      authorityId: row.recipient_authority_id,
      kind: 'message',
      messageId: message.id,
      payload: {
        messageId: message.id,
        threadId: message.thread_id,
        messageKind: message.kind,
        subject: message.subject,
        from: message.sender_authority_id,
        handlingCode: message.handling_code,
        classification: message.classification,
        requiresAcknowledgement: message.requires_ack,
        ...(typeof payload.severity === 'string' ? { severity: payload.severity } : {}),
      },
      at,
    });
    return { fresh: true };
  },
};

export const DEFAULT_TRANSPORTS: Record<string, Transport> = { local: localTransport };

export interface DeliveryRun {
  delivered: number;
  retried: number;
  failed: number;
}

export interface DeliverOptions {
  /** Only this message's rows (the immediate attempt right after sending). */
  messageId?: string;
  limit?: number;
  transports?: Record<string, Transport>;
  /** Attempts before a row is given up (default MAX_DELIVERY_ATTEMPTS). */
  maxAttempts?: number;
}

/** Rows delivered per transaction: fewer commits, same guarantees (the whole batch commits or none of it). */
const BATCH = 50;

export async function deliverPending(node: NodeContext, opts: DeliverOptions = {}): Promise<DeliveryRun> {
  const { db } = node.database;
  const transports = opts.transports ?? DEFAULT_TRANSPORTS;
  const run: DeliveryRun = { delivered: 0, retried: 0, failed: 0 };
  let q = db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', node.clock.now())
    .orderBy('id')
    .limit(opts.limit ?? 500);
  if (opts.messageId) q = q.where('message_id', '=', opts.messageId);
  const due = (await q.execute()).map((r) => r.id);
  for (let i = 0; i < due.length; i += BATCH) {
    const chunk = due.slice(i, i + BATCH);
    try {
      await deliverBatch(node, transports, chunk, run);
    } catch {
      // Something in the batch failed and the batch rolled back: go row by
      // row, so only the failing row waits for its retry.
      for (const id of chunk) {
        try {
          await deliverBatch(node, transports, [id], run);
        } catch (err) {
          const outcome = await recordFailure(node, id, err, node.clock.now(), opts.maxAttempts ?? MAX_DELIVERY_ATTEMPTS);
          if (outcome === 'failed') run.failed++;
          else if (outcome === 'retry') run.retried++;
        }
      }
    }
  }
  return run;
}

async function deliverBatch(node: NodeContext, transports: Record<string, Transport>, ids: number[], run: DeliveryRun): Promise<void> {
  const at = node.clock.now();
  const actor = await nodeActor(node, 'exchange.deliver');
  const woken = await node.database.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select(['id', 'message_id', 'recipient_authority_id', 'transport', 'attempts'])
      .where('id', 'in', ids)
      .where('status', '=', 'pending')
      .orderBy('id')
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return { count: 0, authorities: [] as string[] }; // other workers have them, or had them
    const messages = await trx
      .selectFrom('messages')
      .select(['id', 'thread_id', 'kind', 'subject', 'sender_authority_id', 'handling_code', 'classification', 'requires_ack', 'payload'])
      .where('id', 'in', [...new Set(rows.map((r) => r.message_id))])
      .execute();
    const byId = new Map(messages.map((m) => [m.id, m]));
    const authorities: string[] = [];
    for (const row of rows) {
      const transport = transports[row.transport];
      if (!transport) throw new Error(`no transport ${row.transport}`);
      const message = byId.get(row.message_id)!;
      await transport.deliver(trx, node, row, message, at);
      authorities.push(message.sender_authority_id, row.recipient_authority_id);
    }
    await trx
      .updateTable('outbox')
      .set((eb) => ({ status: 'delivered', delivered_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
      .where('id', 'in', rows.map((r) => r.id))
      .execute();
    for (const row of rows) {
      const message = byId.get(row.message_id)!;
      await insertEvent(trx, {
        authorityId: message.sender_authority_id,
        kind: 'delivery_receipt',
        messageId: message.id,
        payload: { messageId: message.id, threadId: message.thread_id, recipient: row.recipient_authority_id, deliveredAt: at.toISOString() },
        at,
      });
    }
    await appendAudit(trx, {
      at,
      actor,
      action: 'message.deliver',
      outcome: 'ok',
      changed: rows.map((r) => ({ type: 'delivery', id: `${r.message_id}/${r.recipient_authority_id}` })),
      details: { transports: [...new Set(rows.map((r) => r.transport))] },
    });
    return { count: rows.length, authorities };
  });
  run.delivered += woken.count;
  if (woken.count) wakeSubscribers(node, woken.authorities);
}

async function recordFailure(node: NodeContext, id: number, err: unknown, at: Date, maxAttempts: number): Promise<'retry' | 'failed' | 'none'> {
  const message = err instanceof Error ? err.message : String(err);
  node.logger.warn('message delivery failed', { outboxId: id, err: message });
  const { db } = node.database;
  const actor = await nodeActor(node, 'exchange.deliver');
  const result = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('outbox')
      .innerJoin('messages', 'messages.id', 'outbox.message_id')
      .select(['outbox.attempts', 'outbox.message_id', 'outbox.recipient_authority_id', 'messages.sender_authority_id', 'messages.thread_id'])
      .where('outbox.id', '=', id)
      .where('outbox.status', '=', 'pending')
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { outcome: 'none' as const };
    const attempts = row.attempts + 1;
    const failed = attempts >= maxAttempts;
    await trx
      .updateTable('outbox')
      .set({
        attempts,
        last_error: message.slice(0, 1000),
        status: failed ? 'failed' : 'pending',
        next_attempt_at: new Date(at.getTime() + retryDelayMs(attempts)),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      at,
      actor,
      action: 'message.deliver',
      outcome: 'error',
      changed: [{ type: 'delivery', id: `${row.message_id}/${row.recipient_authority_id}` }],
      details: { attempts, gaveUp: failed, error: message.slice(0, 200) },
    });
    if (failed) {
      await insertEvent(trx, {
        authorityId: row.sender_authority_id,
        kind: 'delivery_failed',
        messageId: row.message_id,
        payload: { messageId: row.message_id, threadId: row.thread_id, recipient: row.recipient_authority_id, attempts, error: message.slice(0, 200) },
        at,
      });
    }
    return { outcome: failed ? ('failed' as const) : ('retry' as const), sender: row.sender_authority_id };
  });
  if (result.outcome === 'failed' && result.sender) wakeSubscribers(node, [result.sender]);
  return result.outcome;
}

/**
 * Right after a send commits, try to deliver it at once so the recipient sees
 * it without waiting for the worker. A failure is left to the worker; with
 * delivery switched off (interval 0) nothing is attempted here either.
 */
export async function deliverSoon(node: NodeContext, messageId: string): Promise<void> {
  if (exchangeSettings().deliveryIntervalMs === 0) return;
  try {
    await deliverPending(node, { messageId });
  } catch (err) {
    node.logger.warn('immediate delivery failed; the worker will retry', { messageId, err });
  }
}
