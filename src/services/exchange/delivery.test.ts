// Durable, exactly-once delivery on both engines: two workers at once, a
// crash inside a delivery, a recipient that already has the message (a
// peer's redelivery), retries with backoff, and sent messages that cannot be
// altered.
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { actorOf, seedRegistry, testContext, WANTED, type Seeded } from '../../../test/exchange/fixtures.ts';
import { recordHit } from './hits.ts';
import { deliverPending, localTransport, type Transport } from './delivery.ts';
import { MAX_DELIVERY_ATTEMPTS } from './config.ts';

process.env.PONTIS_DELIVERY_INTERVAL_MS = '0'; // keep sends in the outbox until a test delivers them

describeEachEngine('exchange delivery', (getDb) => {
  let seeded: Seeded;
  let node: ReturnType<typeof testContext>;
  const officer = actorOf('nl-politie');

  beforeAll(async () => {
    node = testContext(getDb());
    seeded = await seedRegistry(node.database.db, node.clock.now());
  });

  beforeEach(async () => {
    // Each test starts with a drained outbox so counts are its own.
    await deliverPending(node);
  });

  async function confirmHit() {
    return recordHit(node, officer, {
      alertId: seeded.personAlertId,
      recordId: seeded.personId,
      action: 'confirm',
      actionTaken: 'Person arrested at Schiphol',
      purpose: 'criminal_investigation',
      caseReference: 'NL-2026-0001',
    });
  }

  async function stateOf(messageId: string) {
    const db = node.database.db;
    const outbox = await db.selectFrom('outbox').selectAll().where('message_id', '=', messageId).execute();
    const deliveries = await db.selectFrom('deliveries').selectAll().where('message_id', '=', messageId).execute();
    const events = await db.selectFrom('exchange_events').select(['authority_id', 'kind']).where('message_id', '=', messageId).orderBy('id').execute();
    return { outbox, deliveries, events };
  }

  it('writes the hit, its notification and one outbox row per recipient together, and delivers nothing yet', async () => {
    const hit = await confirmHit();
    expect(hit.notificationId).toBeTruthy();
    const s = await stateOf(hit.notificationId!);
    expect(s.outbox).toHaveLength(1);
    expect(s.outbox[0]).toMatchObject({ recipient_authority_id: 'de-bka', status: 'pending', transport: 'local', attempts: 0 });
    expect(s.deliveries).toHaveLength(0);
  });

  it('delivers exactly once when two workers run at the same time, with one receipt', async () => {
    const hit = await confirmHit();
    const runs = await Promise.all([deliverPending(node), deliverPending(node), deliverPending(node)]);
    expect(runs.reduce((n, r) => n + r.delivered, 0)).toBe(1);
    const s = await stateOf(hit.notificationId!);
    expect(s.deliveries).toHaveLength(1);
    expect(s.deliveries[0]!.recipient_authority_id).toBe('de-bka');
    expect(s.outbox[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(s.events).toEqual([
      { authority_id: 'de-bka', kind: 'message' },
      { authority_id: 'nl-politie', kind: 'delivery_receipt' },
    ]);
    expect((await deliverPending(node)).delivered).toBe(0);
    const audited = (await node.database.query<{ body: string }>('select body from audit_log order by seq'))
      .map((r) => JSON.parse(r.body))
      .filter((e) => e.action === 'message.deliver' && e.changed.some((c: { id: string }) => c.id === `${hit.notificationId}/de-bka`));
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ outcome: 'ok', actor: { kind: 'system', id: 'system:exchange.deliver' } });
  });

  it('rolls a delivery back completely when the worker dies mid-way, then delivers once', async () => {
    const hit = await confirmHit();
    const dying: Transport = {
      async deliver(trx, n, row, message, at) {
        await localTransport.deliver(trx, n, row, message, at);
        throw new Error('worker killed after writing the inbox row');
      },
    };
    const crashed = await deliverPending(node, { transports: { local: dying } });
    expect(crashed).toEqual({ delivered: 0, retried: 1, failed: 0 });
    let s = await stateOf(hit.notificationId!);
    expect(s.deliveries).toHaveLength(0);
    expect(s.events).toHaveLength(0);
    expect(s.outbox[0]).toMatchObject({ status: 'pending', attempts: 1, last_error: 'worker killed after writing the inbox row' });
    // Backoff: not retried before its time.
    expect((await deliverPending(node)).delivered).toBe(0);
    node.clock.advance(1_000);
    expect((await deliverPending(node)).delivered).toBe(1);
    s = await stateOf(hit.notificationId!);
    expect(s.deliveries).toHaveLength(1);
    expect(s.outbox[0]).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(s.events.map((e) => e.kind)).toEqual(['message', 'delivery_receipt']);
  });

  it('keeps one copy when the recipient already holds the message (a redelivery after a crash)', async () => {
    const hit = await confirmHit();
    const at = node.clock.now();
    await node.database.db.insertInto('deliveries').values({ message_id: hit.notificationId!, recipient_authority_id: 'de-bka', delivered_at: at }).execute();
    expect((await deliverPending(node)).delivered).toBe(1);
    const s = await stateOf(hit.notificationId!);
    expect(s.deliveries).toHaveLength(1);
    expect(s.outbox[0]!.status).toBe('delivered');
    // No second inbox event; the sender still gets its receipt once.
    expect(s.events.map((e) => e.kind)).toEqual(['delivery_receipt']);
  });

  it('gives up after the last attempt and tells the sender', async () => {
    const hit = await confirmHit();
    const broken: Transport = {
      async deliver() {
        throw new Error('peer unreachable');
      },
    };
    expect(MAX_DELIVERY_ATTEMPTS).toBeGreaterThan(3);
    for (let i = 0; i < 3; i++) {
      await deliverPending(node, { transports: { local: broken }, maxAttempts: 3 });
      node.clock.advance(3_600_000);
    }
    const s = await stateOf(hit.notificationId!);
    expect(s.outbox[0]).toMatchObject({ status: 'failed', attempts: 3, last_error: 'peer unreachable' });
    expect(s.deliveries).toHaveLength(0);
    expect(s.events).toEqual([{ authority_id: 'nl-politie', kind: 'delivery_failed' }]);
    expect((await deliverPending(node)).delivered).toBe(0);
  });

  it('refuses to alter or delete a sent message or its delivery', async () => {
    const hit = await confirmHit();
    await deliverPending(node);
    const db = node.database.db;
    await expect(sql`update messages set body = 'changed' where id = ${hit.notificationId}`.execute(db)).rejects.toThrow(/cannot be altered/);
    await expect(sql`delete from messages where id = ${hit.notificationId}`.execute(db)).rejects.toThrow(/cannot be altered/);
    await expect(sql`delete from deliveries where message_id = ${hit.notificationId}`.execute(db)).rejects.toThrow(/cannot be altered/);
    const [row] = (await sql<{ body: string }>`select body from messages where id = ${hit.notificationId}`.execute(db)).rows;
    expect(row!.body).toContain('Person arrested at Schiphol');
    expect(WANTED.ref).toBe('P-1');
  });
});
