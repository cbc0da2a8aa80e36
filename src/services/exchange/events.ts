// The per-authority event log behind the live stream (GET /api/v1/events).
// Events are rows written in the same transaction as what they announce; the
// monotonic row id is the server-sent-event id, so a client that was away asks
// for everything after the last id it saw. Within one process a small bus
// wakes the open streams of an authority right after the commit, so streams
// never poll the database while nothing happens here.
import { EventEmitter } from 'node:events';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { NodeContext } from '../context.ts';
import { jsonb } from './sql-helpers.ts';

export type ExchangeEventKind =
  | 'message' // a message (any kind) reached the authority's inbox
  | 'delivery_receipt' // a message the authority sent reached a recipient
  | 'delivery_failed'
  | 'read_receipt' // someone at a recipient read a message the authority sent
  | 'acknowledgement' // a recipient acknowledged a message the authority sent
  | 'watch_match'; // a new alert matches a search of one of the authority's users

export interface ExchangeEvent {
  id: number;
  authorityId: string;
  kind: ExchangeEventKind;
  userId: string | null;
  messageId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
}

export interface NewEvent {
  authorityId: string;
  kind: ExchangeEventKind;
  userId?: string;
  messageId?: string;
  payload: Record<string, unknown>;
  at: Date;
}

export async function insertEvent(trx: Transaction<Schema> | Kysely<Schema>, e: NewEvent): Promise<void> {
  await trx
    .insertInto('exchange_events')
    .values({
      authority_id: e.authorityId,
      kind: e.kind,
      user_id: e.userId ?? null,
      message_id: e.messageId ?? null,
      payload: jsonb(e.payload),
      created_at: e.at,
    })
    .execute();
}

export async function eventsSince(db: Kysely<Schema>, authorityId: string, afterId: number, limit = 200): Promise<ExchangeEvent[]> {
  const rows = await db
    .selectFrom('exchange_events')
    .selectAll()
    .where('authority_id', '=', authorityId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authorityId: r.authority_id,
    kind: r.kind as ExchangeEventKind,
    userId: r.user_id,
    messageId: r.message_id,
    payload: (r.payload ?? {}) as Record<string, unknown>,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The id of the newest event of an authority (0 when none), for a stream that starts "from now". */
export async function latestEventId(db: Kysely<Schema>, authorityId: string): Promise<number> {
  const row = await db
    .selectFrom('exchange_events')
    .select((eb) => eb.fn.max('id').as('max'))
    .where('authority_id', '=', authorityId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

const buses = new WeakMap<NodeContext, EventEmitter>();

function busOf(node: NodeContext): EventEmitter {
  let bus = buses.get(node);
  if (!bus) {
    bus = new EventEmitter();
    bus.setMaxListeners(0); // one listener per open stream; thousands are fine
    buses.set(node, bus);
  }
  return bus;
}

/** Call after the commit that wrote events for these authorities. */
export function wakeSubscribers(node: NodeContext, authorityIds: Iterable<string>): void {
  const bus = busOf(node);
  for (const id of new Set(authorityIds)) bus.emit(id);
}

/** Returns an unsubscribe function. */
export function onWake(node: NodeContext, authorityId: string, listener: () => void): () => void {
  const bus = busOf(node);
  bus.on(authorityId, listener);
  return () => bus.off(authorityId, listener);
}
