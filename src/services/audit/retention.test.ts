// Retention removes what its rules say, logs every deletion in the audit
// trail, and leaves the audit chain verifiable after old entries are gone.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { ManualClock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import type { NodeContext } from '../context.ts';
import { appendAudit } from './audit-log.ts';
import { runRetention } from './retention.ts';
import { RetentionRules } from './retention-rules.ts';
import { verifyAuditLog } from './verify.ts';
import { nodeKey } from './node-key.ts';
import { systemActor } from '../../access/actor.ts';

const P = (n: number) => `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`;
const A = (n: number) => `00000000-0000-5000-9000-${String(n).padStart(12, '0')}`;

describeEachEngine('retention', (getDb) => {
  let node: NodeContext;
  const clock = new ManualClock('2026-06-01T00:00:00Z');
  beforeAll(async () => {
    const database = getDb();
    node = { database, clock, logger: silentLogger, config: { nodeAuthorityId: 'nl-knp', nodeName: 'test' } };
    await database.query(`insert into authorities (id, country, name, kind) values ('nl-knp', 'NLD', 'Politie', 'police')`);
    await database.query(`insert into sources (id, authority_id, name, kind) values ('nl-bvh', 'nl-knp', 'BVH', 'police_records'), ('nl-pnr', 'nl-knp', 'PNR', 'passenger_data')`);
    const person = (n: number, source: string, created: string, deleted: string | null) =>
      database.query(`insert into persons (id, source_id, ref, record, display_name, created_at, deleted_at) values ($1, $2, $3, '{}', 'X', $4, $5)`, [P(n), source, `r${n}`, created, deleted]);
    await person(1, 'nl-bvh', '2025-01-01', '2026-01-01'); // deleted long ago → purge
    await person(2, 'nl-bvh', '2025-01-01', '2026-05-25'); // deleted recently → keep
    await person(3, 'nl-bvh', '2020-01-01', null); // old, not deleted → keep
    await person(4, 'nl-pnr', '2025-01-01', null); // passenger data older than 180 days → purge
    await person(5, 'nl-pnr', '2026-05-01', null); // recent passenger data → keep
    await person(6, 'nl-bvh', '2025-01-01', '2026-01-01'); // deleted, but an alert still points at it → keep
    const alert = (n: number, category: string, status: string, updated: string, personN: number) =>
      database.query(
        `insert into alerts (id, source_id, ref, subject_type, person_id, category, action, issuing_authority_id, expires_at, status, record, updated_at)
         values ($1, 'nl-bvh', $2, 'person', $3, $4, 'arrest', 'nl-knp', '2025-01-01', $5, '{}', $6)`,
        [A(n), `a${n}`, P(personN), category, status, updated],
      );
    await alert(1, 'arrest', 'expired', '2025-01-01', 3); // ended 17 months ago → purge (365 days)
    await alert(2, 'missing', 'expired', '2025-01-01', 3); // missing kept 10 years → keep
    await alert(3, 'arrest', 'active', '2025-01-01', 3); // active → keep
    await alert(4, 'arrest', 'expired', '2026-05-01', 6); // ended recently → keep
    const actor = systemActor('test', 'nl-knp', 'NLD');
    for (let i = 0; i < 10; i++) await appendAudit(database.db, { actor, action: 'search', outcome: 'ok', at: new Date(Date.UTC(2019, 0, 1 + i)) });
    for (let i = 0; i < 5; i++) await appendAudit(database.db, { actor, action: 'search', outcome: 'ok', at: new Date(Date.UTC(2026, 0, 1 + i)) });
  });

  it('deletes by rule, logs each deletion, and the chain still verifies', async () => {
    const rules = RetentionRules.parse({ alerts: { byCategory: { missing: 3650 } }, records: { maxAgeBySourceKind: { passenger_data: 180 } }, audit: { keepDays: 5 * 365 } });
    const s = await runRetention(node, rules);
    expect(s.errors).toEqual([]);
    expect(s).toMatchObject({ alerts: 1, persons: 2, auditEntries: 10 });
    const persons = await getDb().query<{ id: string }>('select id::text as id from persons order by id');
    expect(persons.map((p) => p.id)).toEqual([P(2), P(3), P(5), P(6)]);
    const alerts = await getDb().query<{ id: string }>('select id::text as id from alerts order by id');
    expect(alerts.map((a) => a.id)).toEqual([A(2), A(3), A(4)]);

    const logged = await getDb().query<{ body: string }>(`select body from audit_log where action = 'retention.delete' order by seq`);
    const changed = logged.flatMap((r) => (JSON.parse(r.body) as { changed?: { type: string; id: string }[] }).changed ?? []);
    expect(changed).toEqual(expect.arrayContaining([{ type: 'alert', id: A(1) }, { type: 'person', id: P(1) }, { type: 'person', id: P(4) }]));
    expect(changed).toHaveLength(3);
    expect(logged.some((r) => (JSON.parse(r.body) as { details: { auditEntriesUpTo?: number } }).details.auditEntriesUpTo === 10)).toBe(true);

    const min = await getDb().query<{ min: number }>('select min(seq) as min from audit_log');
    expect(min[0]!.min).toBe(11);
    const v = await verifyAuditLog(getDb(), { key: nodeKey(node) });
    expect(v).toMatchObject({ ok: true, anchor: { kind: 'checkpoint', seq: 10 } });
  });

  it('is the only way to delete audit entries', async () => {
    await expect(getDb().query('delete from audit_log where seq = 11')).rejects.toThrow(/append-only/);
  });
});
