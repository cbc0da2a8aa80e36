// Tamper evidence: the verifier catches entries altered, deleted, reordered,
// rewritten with recomputed hashes, and a log cut short — on both engines.
import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { appendAudit } from './audit-log.ts';
import { chainHash, GENESIS_HASH } from './chain.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { verifyAuditLog } from './verify.ts';
import { systemActor } from '../../access/actor.ts';
import { ManualClock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import { generateKeyPairSync } from 'node:crypto';
import { keyId, type NodeKey } from './node-key.ts';
import type { NodeContext } from '../context.ts';
import { openDatabase, type Database } from '../../store/database.ts';
import { createScratchDatabase } from '../../../test/support/postgres-cluster.ts';
import { describe, inject } from 'vitest';

const actor = systemActor('test', 'nl-knp', 'NLD');
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key: NodeKey = { id: keyId(publicKey), privateKey, publicKey, origin: 'test' };

async function fresh(database: Database, n: number): Promise<NodeContext> {
  await database.query('alter table audit_log disable trigger user');
  await database.query('alter table audit_checkpoints disable trigger user');
  await database.query('delete from audit_checkpoints');
  await database.query('delete from audit_log');
  await database.query(`update audit_head set seq = 0, hash = decode(repeat('00', 32), 'hex')`);
  await database.query('alter table audit_log enable trigger user');
  await database.query('alter table audit_checkpoints enable trigger user');
  for (let i = 0; i < n; i++) {
    await appendAudit(database.db, { actor, action: 'record.read', outcome: 'ok', purpose: 'border_check', caseReference: `case ${i}`, returned: [{ type: 'person', id: `p-${i}` }], at: new Date(Date.UTC(2026, 0, 1, 0, i)) });
  }
  return { database, clock: new ManualClock('2026-01-01T02:00:00Z'), logger: silentLogger, config: { nodeAuthorityId: 'nl-knp', nodeName: 'test' } };
}

/** What an attacker with database rights does: switch the guard off, edit, switch it on. */
async function tamper(database: Database, sqlText: string, params: unknown[] = []): Promise<void> {
  await database.query('alter table audit_log disable trigger user');
  try {
    await database.query(sqlText, params);
  } finally {
    await database.query('alter table audit_log enable trigger user');
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
    await expect(getDb().query(`truncate audit_log`)).rejects.toThrow(/append-only/);
    await writeCheckpoint(node, undefined, undefined, key);
    await expect(getDb().query(`delete from audit_checkpoints`)).rejects.toThrow(/append-only/);
  });

  it('names the altered entry', async () => {
    await tamper(getDb(), `update audit_log set body = replace(body, 'case 7', 'case 8') where seq = 8`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.ok).toBe(false);
    expect(r.failure?.seq).toBe(8);
  });

  it('names a deleted entry', async () => {
    await tamper(getDb(), `delete from audit_log where seq = 12`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.failure).toMatchObject({ seq: 12 });
    expect(r.failure!.reason).toMatch(/missing/);
  });

  it('catches the first entry deleted', async () => {
    await writeCheckpoint(node, undefined, 10, key);
    await tamper(getDb(), `delete from audit_log where seq = 1`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.ok).toBe(false);
    expect(r.failure?.seq).toBe(2);
  });

  it('catches two entries swapped', async () => {
    await tamper(getDb(), `update audit_log set seq = -5 where seq = 5`);
    await tamper(getDb(), `update audit_log set seq = 5 where seq = 6`);
    await tamper(getDb(), `update audit_log set seq = 6 where seq = -5`);
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.failure?.seq).toBe(5);
  });

  it('catches a rewrite with recomputed hashes through the signed checkpoint', async () => {
    await writeCheckpoint(node, undefined, 15, key);
    // the attacker edits entry 10 and recomputes every hash after it
    await tamper(getDb(), `update audit_log set body = replace(body, 'case 9', 'case X') where seq = 10`);
    expect((await getDb().query(`select 1 from audit_log where body like '%case X%'`)).length).toBe(1);
    const rows = await getDb().query<{ seq: number; body: string; hash: Uint8Array }>('select seq, body, hash from audit_log order by seq');
    let prev: Uint8Array = GENESIS_HASH;
    for (const row of rows) {
      const h = chainHash(prev, row.seq, row.body);
      await tamper(getDb(), 'update audit_log set hash = $1 where seq = $2', [h, row.seq]);
      prev = h;
    }
    const r = await verifyAuditLog(getDb(), { key });
    expect(r.ok).toBe(false);
    expect(r.failure!.reason).toMatch(/checkpoint/);
    expect(r.failure!.seq).toBe(1);
  });

  it('catches the newest entries cut off after a checkpoint', async () => {
    await writeCheckpoint(node, undefined, undefined, key);
    await tamper(getDb(), `delete from audit_log where seq > 17`);
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
      await tamper(database, `update audit_log set body = replace(body, 'case 3', 'case 9') where seq = 4`);
      expect((await verifyAuditLog(database, { key, postgresUrl: scratch.url })).failure?.seq).toBe(4);
      await tamper(database, `delete from audit_log where seq = 2`);
      expect((await verifyAuditLog(database, { key, postgresUrl: scratch.url })).failure?.seq).toBe(2);
    } finally {
      await database.close();
      await scratch.drop();
    }
  });
});
