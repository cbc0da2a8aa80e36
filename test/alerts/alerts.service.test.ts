// The alerts service on both engines: lifecycle, review, flags, expiry and purge.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../support/databases.ts';
import { DE, NL, actorOf, addPerson, countRows, seedRegistry } from '../support/search-fixtures.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { silentLogger } from '../../src/services/logger.ts';
import type { NodeContext } from '../../src/services/context.ts';
import {
  approveAlert, createAlert, deleteAlert, expireAlert, expireAndPurgeAlerts, extendAlert, flagAlert, getAlertHistory, rejectAlert, reviewQueue, updateAlert,
} from '../../src/services/alerts/index.ts';
import { AccessDeniedError, ConflictError, ValidationError } from '../../src/domain/errors.ts';

const officer = actorOf(NL, ['police_officer']);
const spoc = actorOf(NL, ['spoc'], 'spoc');
const partner = actorOf(DE, ['police_officer']);

describeEachEngine('alerts service', (getDb) => {
  let node: NodeContext;
  const clock = new ManualClock('2026-06-01T09:00:00Z');
  beforeAll(async () => {
    node = { database: getDb(), clock, logger: silentLogger, config: { nodeAuthorityId: NL.id, nodeName: 'test' } };
    await seedRegistry(node.database);
    await addPerson(node.database, 'nl-persons', { ref: 'P-1', names: [{ given: 'Eva', family: 'Visser' }], birthDate: '1979-03-03' });
  });
  const base = { source: 'nl-alerts', action: 'Locate and report', expiresAt: '2026-12-31', subject: { type: 'person', source: 'nl-persons', ref: 'P-1' } };

  it('runs an alert through change, extension, expiry and deletion with history', async () => {
    const a = await createAlert(node, officer, { ...base, ref: 'S-1', category: 'judicial_procedure', legalBasis: 'Summons 2026/1' });
    await updateAlert(node, officer, a.id, { changes: { action: 'Serve the summons' }, reason: 'clearer wording' });
    await expect(extendAlert(node, officer, a.id, { expiresAt: '2026-11-30', reason: 'shorter' })).rejects.toBeInstanceOf(ValidationError);
    await expect(expireAlert(node, partner, a.id, { reason: 'not mine' })).rejects.toBeInstanceOf(AccessDeniedError);
    await extendAlert(node, officer, a.id, { expiresAt: '2027-12-31', reason: 'still needed' });
    await expireAlert(node, officer, a.id, { reason: 'served' });
    await expect(expireAlert(node, officer, a.id, { reason: 'again' })).rejects.toBeInstanceOf(ConflictError);
    const d = await deleteAlert(node, officer, a.id, { reason: 'case closed' });
    expect(d.status).toBe('deleted');
    const h = await getAlertHistory(node, officer, a.id);
    expect(h.map((e) => e.change)).toEqual(['create', 'update', 'extend', 'expire', 'delete']);
    expect(h[1].changes).toEqual({ action: { from: 'Locate and report', to: 'Serve the summons' } });
  });

  it('reviews proposed alerts and refuses incomplete approval without a trace', async () => {
    const p = await createAlert(node, officer, { ...base, ref: 'S-2', category: 'arrest', status: 'proposed' });
    const r = await createAlert(node, officer, { ...base, ref: 'S-3', category: 'arrest', status: 'proposed' });
    expect((await reviewQueue(node, spoc)).map((x) => x.id).sort()).toEqual([p.id, r.id].sort());
    const before = await countRows(node.database, ['alert_history', 'alerts']);
    await expect(approveAlert(node, spoc, p.id, { reason: 'checked' })).rejects.toMatchObject({ issues: [{ path: 'legalBasis' }] });
    expect(await countRows(node.database, ['alert_history', 'alerts'])).toEqual(before);
    expect((await approveAlert(node, spoc, p.id, { reason: 'checked', changes: { legalBasis: 'EAW 77' } })).status).toBe('active');
    expect((await rejectAlert(node, spoc, r.id, { reason: 'unreliable' })).status).toBe('rejected');
  });

  it('flags, then expires by date and purges after retention', async () => {
    const a = await createAlert(node, officer, { ...base, ref: 'S-4', category: 'discreet_check', reason: 'Known associate', expiresAt: '2026-06-10' });
    expect((await flagAlert(node, partner, a.id, { reason: 'not here' })).flags[0].authorityId).toBe(DE.id);
    clock.set('2026-06-10T00:30:00Z');
    expect((await expireAndPurgeAlerts(node, { retentionDays: 10 })).expired).toBeGreaterThanOrEqual(1);
    clock.set('2026-06-25T00:00:00Z');
    expect((await expireAndPurgeAlerts(node, { retentionDays: 10 })).purged).toBeGreaterThanOrEqual(1);
    const [{ n }] = await node.database.query<{ n: number }>('select count(*)::int as n from alerts where id = $1', [a.id]);
    expect(n).toBe(0);
    expect((await getAlertHistory(node, officer, a.id)).map((e) => e.change)).toEqual(['create', 'flag', 'expire', 'purge']);
    clock.set('2026-06-01T09:00:00Z');
  });
});
