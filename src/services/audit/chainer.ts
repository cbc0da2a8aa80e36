// The chainer links committed pending audit entries into the hash chain.
// Only one runs at a time across all processes on a database: each batch
// holds the row lock of audit_head (the chain's position and hash) until it
// commits. Within a batch, one statement moves the entries from
// audit_pending into audit_entries with their positions and hashes and
// advances the head, so an entry is either pending or chained, never both or
// neither. The order is the pending id order among the entries committed when
// the batch reads them; a lower id that commits later is chained later.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import type { Database } from '../../store/database.ts';
import { chainHash } from './chain.ts';

/**
 * Entries per chaining transaction: small enough that on the embedded engine,
 * where a chaining transaction holds the only connection, requests wait at
 * most a fraction of a second behind a backlog.
 */
export const CHAIN_BATCH = 1000;

export interface ChainResult {
  /** Entries chained by this call. */
  chained: number;
  /** The chain position of the newest entry afterwards. */
  headSeq: number;
}

/**
 * Chains every pending entry committed so far. Given a transaction, chains
 * inside it (the caller commits); otherwise one transaction per batch.
 */
export async function chainPending(executor: Kysely<Schema> | Transaction<Schema>, batch = CHAIN_BATCH): Promise<ChainResult> {
  const result: ChainResult = { chained: 0, headSeq: 0 };
  if (!executor.isTransaction && !(await hasPending(executor))) {
    result.headSeq = (await sql<{ seq: number }>`select seq from audit_head where id = 1`.execute(executor)).rows[0]?.seq ?? 0;
    return result;
  }
  for (;;) {
    const n = executor.isTransaction
      ? await chainBatch(executor as Transaction<Schema>, batch, result)
      : await executor.transaction().execute((trx) => chainBatch(trx, batch, result));
    if (n < batch) return result;
  }
}

async function chainBatch(trx: Transaction<Schema>, batch: number, result: ChainResult): Promise<number> {
  // The lock comes first: after waiting for another chainer, the next
  // statements see what it committed (read committed takes a fresh snapshot).
  const head = (await sql<{ seq: number; hash: Buffer }>`select seq, hash, set_config('pontis.audit_chainer', 'on', true) from audit_head where id = 1 for update`.execute(trx)).rows[0];
  if (!head) throw new Error('the audit head row is missing; the audit migrations did not run');
  result.headSeq = head.seq;
  try {
    const pending = (await sql<{ id: number; body: string }>`select id, body from audit_pending order by id limit ${batch}`.execute(trx)).rows;
    if (pending.length === 0) return 0;
    const ids: number[] = [];
    const seqs: number[] = [];
    const hashes: Buffer[] = [];
    let prev: Buffer = Buffer.from(head.hash);
    let seq = head.seq;
    for (const p of pending) {
      seq++;
      prev = chainHash(prev, seq, p.body);
      ids.push(p.id);
      seqs.push(seq);
      hashes.push(prev);
    }
    // The bodies stay in the database: the delete hands them to the insert.
    const r = await sql<{ moved: number }>`
      with link as (select * from unnest(${ids}::bigint[], ${seqs}::bigint[], ${hashes}::bytea[]) as l(id, seq, hash)),
      moved as (delete from audit_pending p using link where p.id = link.id returning link.seq, p.body, link.hash),
      chained as (insert into audit_entries (seq, body, hash) select seq, body, hash from moved returning 1),
      head as (update audit_head set seq = ${seq}, hash = ${prev} where id = 1 returning 1)
      select (select count(*) from chained)::int as moved, (select count(*) from head)::int as head`.execute(trx);
    if (r.rows[0]?.moved !== pending.length) throw new Error(`the chainer moved ${r.rows[0]?.moved} of ${pending.length} pending audit entries; rolled back`);
    result.chained += pending.length;
    result.headSeq = seq;
    return pending.length;
  } finally {
    // In a caller's transaction the permission must not outlive the chaining.
    await sql`select set_config('pontis.audit_chainer', 'off', true)`.execute(trx).catch(() => {});
  }
}

/** True when entries wait to be chained (cheap; lets an idle node skip the lock). */
export async function hasPending(executor: Kysely<Schema> | Transaction<Schema>): Promise<boolean> {
  const r = await sql<{ any: boolean }>`select exists (select 1 from audit_pending) as any`.execute(executor);
  return r.rows[0]?.any === true;
}

/**
 * One run of the node's audit-chain job. The embedded engine has no
 * autovacuum, so it vacuums the pending table itself after moving entries
 * out: otherwise every append ever made would stay behind as a dead row that
 * each look at the table reads past.
 */
export async function runChainJob(database: Database): Promise<ChainResult> {
  const r = await chainPending(database.db);
  if (r.chained > 0 && database.engine === 'embedded') await database.query('vacuum audit_pending');
  return r;
}
