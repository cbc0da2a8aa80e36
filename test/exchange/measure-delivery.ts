// Measures the exchange's write path on a fresh store: confirming hits
// (hit, thread, notification, outbox row and audit entry in one transaction),
// then delivering them all, then reading the recipient's inbox.
//   node bin/run-ts.js test/exchange/measure-delivery.ts [count] [postgres | postgres-url]
// `postgres` starts a throwaway cluster from the machine's PostgreSQL binaries.
import { openDatabase } from '../../src/store/database.ts';
import { startPostgresCluster } from '../support/postgres-cluster.ts';
import { actorOf, seedRegistry, testContext } from './fixtures.ts';
import { deliverPending, inbox, recordHit } from '../../src/services/exchange/index.ts';

process.env.PONTIS_DELIVERY_INTERVAL_MS = '0'; // hold everything in the outbox until measured
const count = Number(process.argv[2] ?? 500);
const target = process.argv[3];
const cluster = target === 'postgres' ? await startPostgresCluster() : undefined;
const url = cluster?.url ?? target;
const database = await openDatabase(url ? { url } : {});
const node = testContext(database);
const seeded = await seedRegistry(database.db, node.clock.now());
const officer = actorOf('nl-politie');

let t = performance.now();
for (let i = 0; i < count; i++) {
  await recordHit(node, officer, { alertId: seeded.personAlertId, recordId: seeded.personId, action: 'confirm', actionTaken: 'held', purpose: 'police_check', caseReference: `NL-${i}` });
}
const acceptMs = performance.now() - t;
t = performance.now();
const run = await deliverPending(node, { limit: count });
const deliverMs = performance.now() - t;
t = performance.now();
const box = await inbox(node, actorOf('de-bka'), { limit: 50 });
const inboxMs = performance.now() - t;
console.log(
  JSON.stringify({
    engine: database.engine,
    hits: count,
    confirmMsEach: +(acceptMs / count).toFixed(2),
    delivered: run.delivered,
    deliveriesPerSecond: Math.round(run.delivered / (deliverMs / 1000)),
    inboxFirstPageMs: +inboxMs.toFixed(1),
    unread: box.unread,
  }),
);
await database.close();
await cluster?.stop();
