// Tamper evidence: the verifier catches chained entries altered, deleted,
// reordered, rewritten with recomputed hashes, and a log cut short — on both
// engines. Appends are chained after commit by the chainer.
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { appendAudit } from './audit-log.ts';
import { chainHash, GENESIS_HASH } from './chain.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { verifyAuditLog } from './verify.ts';
import { chainPending, runChainJob } from './chainer.ts';
import { systemActor } from '../../access/actor.ts';
import { ManualClock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import { generateKeyPairSync } from 'node:crypto';
import { keyId, type NodeKey } from './node-key.ts';
import type { NodeContext } from '../context.ts';
import { openDatabase, type Database } from '../../store/database.ts';
import { listMigrations, runMigrations } from '../../store/migrate.ts';
import { createScratchDatabase } from '../../../test/support/postgres-cluster.ts';
import { describe, inject } from 'vitest';

const actor = systemActor('test', 'nl-knp', 'NLD');
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key: NodeKey = { id: keyId(publicKey), privateKey, publicKey, origin: 'test' };

async function fresh(database: Database, n: number): Promise<NodeContext> {
  for (const t of ['audit_entries', 'audit_pending', 'audit_checkpoints']) await database.query(`alter table ${t} disable trigger user`);
  await database.query('delete from audit_checkpoints');
  await database.query('delete from audit_entries');
  await database.query('delete from audit_pending');
  await database.query(`update audit_head set seq = 0, hash = decode(repeat('00', 32), 'hex')`);
  for (const t of ['audit_entries', 'audit_pending', 'audit_checkpoints']) await database.query(`alter table ${t} enable trigger user`);
  for (let i = 0; i < n; i++) {
    await appendAudit(database.db, { actor, action: 'record.read', outcome: 'ok', purpose: 'border_check', caseReference: `case ${i}`, returned: [{ type: 'person', id: `p-${i}` }], at: new Date(Date.UTC(2026, 0, 1, 0, i)) });
  }
  await chainPending(database.db);
  return { database, clock: new ManualClock('2026-01-01T02:00:00Z'), logger: silentLogger, config: { nodeAuthorityId: 'nl-knp', nodeName: 'test' } };
}

/** What an attacker with database rights does: switch the guard off, edit, switch it on. */
async function tamper(database: Database, sqlText: string, params: unknown[] = [], table = 'audit_entries'): Promise<void> {
  await database.query(`alter table ${table} disable trigger user`);
  try {
    await database.query(sqlText, params);
  } finally {
    await database.query(`alter table ${table} enable trigger user`);
  }
}

describeEachEngine('audit chain', (getDb) => {
  let node: NodeContext;
  beforeEach(async () => {
    node = await fresh(getDb(), 20);
  });

  it('chains each entry onto the one before with SHA-256, as the verifier recomputes it', async () => {
    const rows = await getDb().query<{ seq: number; body: string; hash: Uint8Array }>('select seq, body, hash from audit_log order by seq limit 2');
    expect(Buffer.from(rows[0]!.hash).equals(chainHash(GENESIS_HASH, 1, rows[0]!.body))).toBe(true);
    expect(Buffer.from(rows[1]!.hash).equals(chainHash(rows[0]!.hash, 2, rows[1]!.body))).toBe(true);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({ action: 'record.read', purpose: 'border_check', actor: { id: 'system:test' } });
    const r = await verifyAuditLog(getDb(), { key });
    expect(r).toMatchObject({ ok: true, entriesChecked: 20, lastSeq: 20 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(getDb().query(`update audit_log set body = body where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(getDb().query(`delete from audit_log where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(getDb().query(`update audit_entries set body = body where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(getDb().query(`delete from audit_entries where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(getDb().query(`truncate audit_entries`)).rejects.toThrow(/append-only/);
    await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok' });
    await expect(getDb().query(`update audit_pending set body = body`)).rejects.toThrow(/append-only/);
    await expect(getDb().query(`delete from audit_pending`)).rejects.toThrow(/append-only/);
    await expect(getDb().query(`truncate audit_pending`)).rejects.toThrow(/append-only/);
    // the chainer's permission ends with its transaction
    await chainPending(getDb().db);
    await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok' });
    await expect(getDb().query(`delete from audit_pending`)).rejects.toThrow(/append-only/);
    await writeCheckpoint(node, undefined, undefined, key);
    await expect(getDb().query(`delete from audit_checkpoints`)).rejects.toThrow(/append-only/);
  });

  it('names the altered entry', async () => {
    await tamper(getDb(), `update audit_entries set body = replace(body, 'case 7', 'case 8') where seq = 8`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.ok).toBe(false);
    expect(r.failure?.seq).toBe(8);
  });

  it('names a deleted entry', async () => {
    await tamper(getDb(), `delete from audit_entries where seq = 12`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.failure).toMatchObject({ seq: 12 });
    expect(r.failure!.reason).toMatch(/missing/);
  });

  it('catches the first entry deleted', async () => {
    await writeCheckpoint(node, undefined, 10, key);
    await tamper(getDb(), `delete from audit_entries where seq = 1`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.ok).toBe(false);
    expect(r.failure?.seq).toBe(2);
  });

  it('catches two entries swapped', async () => {
    await tamper(getDb(), `update audit_entries set seq = -5 where seq = 5`);
    await tamper(getDb(), `update audit_entries set seq = 5 where seq = 6`);
    await tamper(getDb(), `update audit_entries set seq = 6 where seq = -5`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.failure?.seq).toBe(5);
  });

  it('catches a rewrite with recomputed hashes through the signed checkpoint', async () => {
    await writeCheckpoint(node, undefined, 15, key);
    // the attacker edits entry 10 and recomputes every hash after it
    await tamper(getDb(), `update audit_entries set body = replace(body, 'case 9', 'case X') where seq = 10`);
    expect((await getDb().query(`select 1 from audit_log where body like '%case X%'`)).length).toBe(1);
    const rows = await getDb().query<{ seq: number; body: string; hash: Uint8Array }>('select seq, body, hash from audit_entries order by seq');
    let prev: Uint8Array = GENESIS_HASH;
    for (const row of rows) {
      const h = chainHash(prev, row.seq, row.body);
      await tamper(getDb(), 'update audit_entries set hash = $1 where seq = $2', [h, row.seq]);
      prev = h;
    }
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.ok).toBe(false);
    expect(r.failure!.reason).toMatch(/checkpoint/);
    expect(r.failure!.seq).toBe(1);
  });

  it('catches the newest entries cut off after a checkpoint', async () => {
    await writeCheckpoint(node, undefined, undefined, key);
    await tamper(getDb(), `delete from audit_entries where seq > 17`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.failure).toMatchObject({ seq: 18 });
  });

  it('catches a forged checkpoint signature', async () => {
    await writeCheckpoint(node, undefined, 10, key);
    await getDb().query('alter table audit_checkpoints disable trigger user');
    await getDb().query(`update audit_checkpoints set signature = decode(repeat('00', 64), 'hex')`);
    await getDb().query('alter table audit_checkpoints enable trigger user');
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.failure).toMatchObject({ seq: 10 });
    expect(r.failure!.reason).toMatch(/signature/);
  });

  it('keeps one unbroken chain under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        getDb().db.transaction().execute(async (trx) => {
          await appendAudit(trx, { actor, action: 'record.read', outcome: 'ok', details: { i } });
          await appendAudit(trx, { actor, action: 'record.read', outcome: 'ok', details: { i, second: true } });
        }),
      ),
    );
    const r = await verifyAuditLog(getDb(), { key });
    expect(r).toMatchObject({ ok: true, entriesChecked: 80, lastSeq: 80 });
  });

  it('verifies from a checkpoint with --from and across batches', async () => {
    await writeCheckpoint(node, undefined, 10, key);
    node.clock.now = () => new Date('2026-03-01T00:00:00Z');
    const r = await verifyAuditLog(getDb(), { key, from: new Date('2026-06-01'), batchSize: 3 });
    expect(r).toMatchObject({ ok: true, anchor: { kind: 'checkpoint', seq: 10 }, entriesChecked: 10 });
  });

  it('shows an entry in audit_log at commit, before it is chained, then chains it in append order', async () => {
    const first = await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok', caseReference: 'late-a', returned: [{ type: 'person', id: 'p-a' }] });
    const second = await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok', caseReference: 'late-b' });
    expect(second).toBeGreaterThan(first);
    const seen = await getDb().query<{ seq: number; hash: Uint8Array | null; case_reference: string; record_ids: string[] }>(
      'select seq, hash, case_reference, record_ids from audit_log where seq > 20 order by seq',
    );
    expect(seen).toEqual([
      { seq: 21, hash: null, case_reference: 'late-a', record_ids: ['p-a'] },
      { seq: 22, hash: null, case_reference: 'late-b', record_ids: [] },
    ]);
    const before = await verifyAuditLog(getDb(), { key, chainFirst: false });
    expect(before).toMatchObject({ ok: true, entriesChecked: 20, pending: 2 });
    expect(await chainPending(getDb().db)).toEqual({ chained: 2, headSeq: 22 });
    const rows = await getDb().query<{ seq: number; body: string; hash: Uint8Array }>('select seq, body, hash from audit_entries where seq >= 20 order by seq');
    expect(rows.map((r) => JSON.parse(r.body).caseReference)).toEqual(['case 19', 'late-a', 'late-b']);
    expect(Buffer.from(rows[1]!.hash).equals(chainHash(rows[0]!.hash, 21, rows[1]!.body))).toBe(true);
    expect(Buffer.from(rows[2]!.hash).equals(chainHash(rows[1]!.hash, 22, rows[2]!.body))).toBe(true);
    expect(await verifyAuditLog(getDb(), { key, chainFirst: false })).toMatchObject({ ok: true, entriesChecked: 22, pending: 0 });
  });

  it('chains in the node job, which leaves nothing pending', async () => {
    for (let i = 0; i < 3; i++) await appendAudit(getDb().db, { actor, action: 'search', outcome: 'ok', details: { i } });
    expect(await runChainJob(getDb())).toEqual({ chained: 3, headSeq: 23 });
    expect(await runChainJob(getDb())).toEqual({ chained: 0, headSeq: 23 });
    expect((await getDb().query<{ n: number }>('select count(*)::int as n from audit_pending'))[0]!.n).toBe(0);
    expect(await verifyAuditLog(getDb(), { key, chainFirst: false })).toMatchObject({ ok: true, entriesChecked: 23, pending: 0 });
  });

  it('rolls an entry back with the transaction it belongs to', async () => {
    await expect(
      getDb().db.transaction().execute(async (trx) => {
        await appendAudit(trx, { actor, action: 'record.create', outcome: 'ok' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect((await getDb().query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n).toBe(20);
    expect(await verifyAuditLog(getDb(), { key })).toMatchObject({ ok: true, entriesChecked: 20, pending: 0 });
  });

  it('cannot see a pending entry deleted before it was chained (the documented window), but sees one deleted after', async () => {
    await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok', caseReference: 'erased while pending' });
    await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok', caseReference: 'kept' });
    await tamper(getDb(), `delete from audit_pending where body like '%erased while pending%'`, [], 'audit_pending');
    expect(await verifyAuditLog(getDb(), { key })).toMatchObject({ ok: true, entriesChecked: 21, pending: 0 });
    await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok', caseReference: 'erased once chained' });
    await appendAudit(getDb().db, { actor, action: 'record.read', outcome: 'ok', caseReference: 'after it' });
    await chainPending(getDb().db);
    await tamper(getDb(), `delete from audit_entries where body like '%erased once chained%'`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.failure).toMatchObject({ seq: 22, reason: expect.stringMatching(/missing/) });
  });
});

describe('audit chain, dedicated PostgreSQL reader of the CLI', () => {
  it('verifies an intact log and names altered and deleted entries', async () => {
    const scratch = await createScratchDatabase(inject('postgresUrl'));
    const database = await openDatabase({ url: scratch.url, poolSize: 2 });
    try {
      await fresh(database, 12);
      const intact = await verifyAuditLog(database, { key, postgresUrl: scratch.url, batchSize: 5 });
      expect(intact).toMatchObject({ ok: true, entriesChecked: 12 });
      expect(intact.lastHash).toBe((await verifyAuditLog(database, { key })).lastHash);
      await tamper(database, `update audit_entries set body = replace(body, 'case 3', 'case 9') where seq = 4`);
      expect((await verifyAuditLog(database, { key, postgresUrl: scratch.url })).failure?.seq).toBe(4);
      await tamper(database, `delete from audit_entries where seq = 2`);
      expect((await verifyAuditLog(database, { key, postgresUrl: scratch.url })).failure?.seq).toBe(2);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});

describe('audit chainer on PostgreSQL, with writers in parallel', () => {
  it('never makes a writer wait for another, and chains a late commit after the entries committed before it', async () => {
    const scratch = await createScratchDatabase(inject('postgresUrl'));
    const database = await openDatabase({ url: scratch.url, poolSize: 4 });
    try {
      await fresh(database, 3);
      let releaseSlow!: () => void;
      const slowMayCommit = new Promise<void>((r) => (releaseSlow = r));
      let slowAppended!: () => void;
      const slowHasAppended = new Promise<void>((r) => (slowAppended = r));
      const slow = database.db.transaction().execute(async (trx) => {
        const id = await appendAudit(trx, { actor, action: 'record.create', outcome: 'ok', caseReference: 'slow' });
        slowAppended();
        await slowMayCommit;
        return id;
      });
      await slowHasAppended;
      // With the old head lock this append would wait for the slow transaction and the test would hang.
      const fastId = await database.db.transaction().execute((trx) => appendAudit(trx, { actor, action: 'record.create', outcome: 'ok', caseReference: 'fast' }));
      expect(await chainPending(database.db)).toEqual({ chained: 1, headSeq: 4 });
      releaseSlow();
      const slowId = await slow;
      expect(slowId).toBeLessThan(fastId);
      expect(await chainPending(database.db)).toEqual({ chained: 1, headSeq: 5 });
      const order = await database.query<{ seq: number; case_reference: string }>('select seq, case_reference from audit_entries where seq > 3 order by seq');
      expect(order).toEqual([{ seq: 4, case_reference: 'fast' }, { seq: 5, case_reference: 'slow' }]);
      expect(await verifyAuditLog(database, { key, postgresUrl: scratch.url })).toMatchObject({ ok: true, entriesChecked: 5, pending: 0 });
    } finally {
      await database.close();
      await scratch.drop();
    }
  });

  it('runs one chainer at a time: concurrent chainers and writers leave one unbroken chain', async () => {
    const scratch = await createScratchDatabase(inject('postgresUrl'));
    const database = await openDatabase({ url: scratch.url, poolSize: 6 });
    try {
      await fresh(database, 0);
      const writers = Array.from({ length: 4 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 25; i++) await appendAudit(database.db, { actor, action: 'record.read', outcome: 'ok', details: { w, i } });
        })(),
      );
      const chainers = Array.from({ length: 2 }, async () => {
        let total = 0;
        for (let i = 0; i < 10; i++) total += (await chainPending(database.db, 7)).chained;
        return total;
      });
      await Promise.all(writers);
      const chainedMeanwhile = (await Promise.all(chainers)).reduce((a, b) => a + b, 0);
      const rest = (await chainPending(database.db)).chained;
      expect(chainedMeanwhile + rest).toBe(100);
      expect(await verifyAuditLog(database, { key, postgresUrl: scratch.url })).toMatchObject({ ok: true, entriesChecked: 100, lastSeq: 100, pending: 0 });
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});

describe('audit chain across the upgrade to chaining after commit (0007)', () => {
  it('keeps the entries chained the old way and continues their chain', async () => {
    const database = await openDatabase({ migrate: false });
    try {
      await runMigrations(database, listMigrations().filter((m) => m.version < '0007'));
      // The append of 0003, which chained inside the writer's transaction.
      for (let i = 0; i < 4; i++) {
        await database.query(
          `with head as (update audit_head set seq = seq + 1, hash = sha256(hash || int8send(seq + 1) || convert_to($1, 'UTF8')) where id = 1 returning seq, hash)
           insert into audit_log (seq, body, hash) select seq, $1, hash from head`,
          [JSON.stringify({ v: 1, action: 'search', outcome: 'ok', old: i })],
        );
      }
      expect(await runMigrations(database)).toContain('0007_audit_chainer');
      await appendAudit(database.db, { actor, action: 'search', outcome: 'ok', details: { upgraded: true } });
      expect(await chainPending(database.db)).toEqual({ chained: 1, headSeq: 5 });
      const r = await verifyAuditLog(database, { key });
      expect(r).toMatchObject({ ok: true, entriesChecked: 5, lastSeq: 5, pending: 0 });
      const rows = await database.query<{ seq: number; action: string }>('select seq, action from audit_log order by seq');
      expect(rows.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5]);
    } finally {
      await database.close();
    }
  }, 60_000);
});
