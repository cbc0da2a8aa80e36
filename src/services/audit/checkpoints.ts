// Signed checkpoints of the audit chain: (seq, hash, time) signed with the
// node key. A checkpoint pins everything up to seq: rewriting those entries,
// even with recomputed hashes, or cutting the log short, no longer verifies.
import type { Kysely, Transaction } from 'kysely';
import type { NodeContext } from '../context.ts';
import type { Schema } from '../../store/schema.ts';
import { nodeKey, signMessage, type NodeKey } from './node-key.ts';
import { chainPending } from './chainer.ts';

export interface Checkpoint {
  seq: number;
  hash: Buffer;
  at: Date;
  keyId: string;
  signature: Buffer;
}

export function checkpointMessage(seq: number, hash: Uint8Array, at: Date): string {
  return `pontis-audit-checkpoint:v1:${seq}:${Buffer.from(hash).toString('hex')}:${at.toISOString()}`;
}

/**
 * Signs the entry at chain position `seq` unless already signed; returns the
 * checkpoint or null on an empty log. Without `seq` it chains the pending
 * entries first and signs the newest.
 */
export async function writeCheckpoint(
  node: NodeContext,
  executor: Kysely<Schema> | Transaction<Schema> = node.database.db,
  seq?: number,
  key: NodeKey = nodeKey(node),
): Promise<Checkpoint | null> {
  if (seq === undefined) await chainPending(executor);
  let q = executor.selectFrom('audit_entries').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1);
  if (seq !== undefined) q = q.where('seq', '=', seq);
  const head = await q.executeTakeFirst();
  if (!head) return null;
  const existing = await executor.selectFrom('audit_checkpoints').selectAll().where('seq', '=', head.seq).executeTakeFirst();
  if (existing) return toCheckpoint(existing);
  const at = node.clock.now();
  const hash = Buffer.from(head.hash);
  const cp: Checkpoint = { seq: head.seq, hash, at, keyId: key.id, signature: signMessage(key, checkpointMessage(head.seq, hash, at)) };
  await executor.insertInto('audit_checkpoints').values({ seq: cp.seq, hash: cp.hash, at: cp.at, key_id: cp.keyId, signature: cp.signature }).execute();
  return cp;
}

export async function listCheckpoints(executor: Kysely<Schema> | Transaction<Schema>): Promise<Checkpoint[]> {
  const rows = await executor.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  return rows.map(toCheckpoint);
}

function toCheckpoint(r: { seq: number; hash: Uint8Array; at: Date; key_id: string; signature: Uint8Array }): Checkpoint {
  return { seq: r.seq, hash: Buffer.from(r.hash), at: new Date(r.at), keyId: r.key_id, signature: Buffer.from(r.signature) };
}
