// Child process for the crash test: writes person records, each with its
// audit entry in the same transaction, in a loop until it is killed. Prints
// the id of every committed record, one per line.
import { randomUUID } from 'node:crypto';
import { openNode } from '../../src/services/node.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { appendAudit } from '../../src/services/audit/audit-log.ts';
import { systemActor } from '../../src/access/actor.ts';

const [target] = process.argv.slice(2);
if (!target) throw new Error('usage: crash-writer.ts DATA_DIR|POSTGRES_URL');
const node = await openNode(target.startsWith('postgres') ? { databaseUrl: target, logger: silentLogger } : { dataDir: target, logger: silentLogger });
const db = node.database.db;
await node.database.query(`insert into authorities (id, country, name, kind) values ('nl-knp', 'NLD', 'Politie', 'police') on conflict do nothing`);
await node.database.query(`insert into sources (id, authority_id, name, kind) values ('nl-bvh', 'nl-knp', 'BVH', 'police_records') on conflict do nothing`);
const actor = systemActor('crash-writer', 'nl-knp', 'NLD');
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('persons').values({ id, source_id: 'nl-bvh', ref: id, record: JSON.stringify({ ref: id }), display_name: `Person ${i}`, birth_date: null, sex: null, nationalities: [], created_at: new Date(), updated_at: new Date(), deleted_at: null }).execute();
    await appendAudit(trx, { actor, action: 'record.create', outcome: 'ok', changed: [{ type: 'person', id }], details: { i, padding: 'x'.repeat(200) } });
  });
  process.stdout.write(`${id}\n`);
}
