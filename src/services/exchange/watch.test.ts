// Watch on both engines: a new alert on a person or object searched recently
// under an open case notifies the searcher's authority once, naming the user;
// old searches, closed cases, one shared name key and other subjects do not.
import { beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { actorOf, insertAlert, seedRegistry, testContext, type Seeded } from '../../../test/exchange/fixtures.ts';
import type { Schema } from '../../store/schema.ts';
import { notifyWatchers, sweepWatches } from './watch.ts';
import { closeCase } from './cases.ts';
import { inbox } from './messages.ts';
import { search } from '../search/index.ts';

async function recordSearch(
  db: Kysely<Schema>,
  s: { authorityId: string; actorName: string; caseReference: string; at: Date; keys?: string[]; identifiers?: string[] },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('searches')
    .values({
      id,
      actor_id: `user-${s.actorName}`,
      actor_name: s.actorName,
      authority_id: s.authorityId,
      purpose: 'criminal_investigation',
      case_reference: s.caseReference,
      criteria: JSON.stringify({}),
      keys: s.keys ?? [],
      identifiers: s.identifiers ?? [],
      hit_count: 0,
      alert_hit_count: 0,
      searched_at: s.at,
    })
    .execute();
  return id;
}

describeEachEngine('exchange watch', (getDb) => {
  let node: ReturnType<typeof testContext>;
  let seeded: Seeded;
  let personKeys: string[];

  beforeAll(async () => {
    node = testContext(getDb());
    seeded = await seedRegistry(node.database.db, node.clock.now());
    personKeys = (await node.database.db.selectFrom('person_keys').select('key').where('person_id', '=', seeded.personId).execute()).map((r) => r.key);
    expect(personKeys.length).toBeGreaterThan(2);
  });

  it('tells the searcher of a document number once when an alert on that person appears, naming the user', async () => {
    const db = node.database.db;
    const searchedAt = node.clock.now();
    const docKey = (await db.selectFrom('identity_documents').select('number_key').where('person_id', '=', seeded.personId).executeTakeFirstOrThrow()).number_key;
    const searchId = await recordSearch(db, { authorityId: 'be-police', actorName: 'insp.peeters', caseReference: 'BE-OPEN-1', at: searchedAt, identifiers: [docKey] });
    const unrelated = await recordSearch(db, { authorityId: 'be-police', actorName: 'insp.claes', caseReference: 'BE-OPEN-2', at: searchedAt, identifiers: ['ZZ9999999'], keys: ['n:zz|yy'] });
    node.clock.advance(3 * 86_400_000);
    const alertId = await insertAlert(db, { subject: { person: seeded.personId }, now: node.clock.now() });

    const made = await notifyWatchers(node, alertId);
    expect(made).toEqual([expect.objectContaining({ alertId, searchId, authorityId: 'be-police', userId: 'user-insp.peeters' })]);
    expect(made.some((m) => m.searchId === unrelated)).toBe(false);
    // Idempotent: the call from the alerts area and the sweep never notify twice.
    expect(await notifyWatchers(node, alertId)).toEqual([]);
    expect((await sweepWatches(node)).filter((m) => m.alertId === alertId)).toEqual([]);

    const event = await db.selectFrom('exchange_events').selectAll().where('kind', '=', 'watch_match').where('message_id', '=', made[0]!.messageId).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ authority_id: 'be-police', user_id: 'user-insp.peeters' });
    const be = await inbox(node, actorOf('be-police'), { kind: 'watch_match' });
    expect(be.items).toHaveLength(1);
    expect(be.items[0]!.payload).toMatchObject({ alertId, searchId, userName: 'insp.peeters', caseReference: 'BE-OPEN-1', matchedOn: 'identifier' });
    // The issuing authority does not learn who searched.
    expect((await inbox(node, actorOf('de-bka'), { kind: 'watch_match' })).items).toEqual([]);
  });

  it('matches an object alert by its identifier and a person by two shared name keys, not by one', async () => {
    const db = node.database.db;
    const at = node.clock.now();
    const vin = (await db.selectFrom('objects').select('identifier').where('id', '=', seeded.vehicleId).executeTakeFirstOrThrow()).identifier!;
    const byVin = await recordSearch(db, { authorityId: 'nl-politie', actorName: 'agent.bakker', caseReference: 'NL-OPEN-7', at, identifiers: [`vin:${vin}`] });
    const twoKeys = await recordSearch(db, { authorityId: 'nl-politie', actorName: 'agent.smit', caseReference: 'NL-OPEN-8', at, keys: personKeys.filter((k) => !k.startsWith('doc') && !k.startsWith('dt')).slice(0, 2) });
    const oneKey = await recordSearch(db, { authorityId: 'nl-politie', actorName: 'agent.visser', caseReference: 'NL-OPEN-9', at, keys: [personKeys.find((k) => k.startsWith('n:'))!] });
    node.clock.advance(60_000);
    const vehicleAlert = await insertAlert(db, { subject: { object: seeded.vehicleId }, now: node.clock.now() });
    const personAlert = await insertAlert(db, { subject: { person: seeded.personId }, now: node.clock.now() });
    expect((await notifyWatchers(node, vehicleAlert)).map((m) => m.searchId)).toEqual([byVin]);
    const personMatches = (await notifyWatchers(node, personAlert)).map((m) => m.searchId);
    expect(personMatches).toContain(twoKeys);
    expect(personMatches).not.toContain(oneKey);
  });

  it('stays silent for closed cases, searches older than the window, and inactive alerts', async () => {
    const db = node.database.db;
    const docKey = (await db.selectFrom('identity_documents').select('number_key').where('person_id', '=', seeded.personId).executeTakeFirstOrThrow()).number_key;
    const old = await recordSearch(db, { authorityId: 'nl-politie', actorName: 'agent.old', caseReference: 'NL-OLD-1', at: node.clock.now(), identifiers: [docKey] });
    node.clock.advance(31 * 86_400_000);
    const closed = await recordSearch(db, { authorityId: 'nl-politie', actorName: 'agent.closed', caseReference: 'NL-CLOSED-1', at: node.clock.now(), identifiers: [docKey] });
    await closeCase(node, { ...actorOf('nl-politie'), name: 'agent.closed' }, 'NL-CLOSED-1', { reason: 'suspect convicted' });
    const open = await recordSearch(db, { authorityId: 'nl-politie', actorName: 'agent.open', caseReference: 'NL-OPEN-10', at: node.clock.now(), identifiers: [docKey] });
    node.clock.advance(1_000);
    const proposed = await insertAlert(db, { subject: { person: seeded.personId }, now: node.clock.now(), status: 'proposed' });
    expect(await notifyWatchers(node, proposed)).toEqual([]);
    const active = await insertAlert(db, { subject: { person: seeded.personId }, now: node.clock.now() });
    const found = (await notifyWatchers(node, active)).map((m) => m.searchId);
    expect(found).toContain(open);
    expect(found).not.toContain(closed);
    expect(found).not.toContain(old);
    // A shorter window configured by the operator excludes what the default would include.
    const another = await insertAlert(db, { subject: { person: seeded.personId }, now: node.clock.now() });
    node.clock.advance(2 * 86_400_000);
    expect((await notifyWatchers(node, another, { windowDays: 1 })).map((m) => m.searchId)).not.toContain(open);
  });

  it('matches what the single search recorded: a name with birth date, and a VIN', async () => {
    const officer = { ...actorOf('be-police'), id: 'user-insp.janssens', name: 'insp.janssens' };
    await search(node, officer, { purpose: 'criminal_investigation', caseReference: 'BE-SEARCH-1', person: { names: { given: 'Jan', family: 'Jansen' }, birthDate: '1980-02-03' } });
    await search(node, officer, { purpose: 'criminal_investigation', caseReference: 'BE-SEARCH-2', object: { kind: 'vehicle', value: 'WVWZZZ1JZXW000001' } });
    node.clock.advance(60_000);
    const personAlert = await insertAlert(node.database.db, { subject: { person: seeded.personId }, now: node.clock.now() });
    const vehicleAlert = await insertAlert(node.database.db, { subject: { object: seeded.vehicleId }, now: node.clock.now() });
    const byPerson = (await notifyWatchers(node, personAlert)).filter((m) => m.userId === 'user-insp.janssens');
    const byVehicle = (await notifyWatchers(node, vehicleAlert)).filter((m) => m.userId === 'user-insp.janssens');
    expect(byPerson).toHaveLength(1);
    expect(byVehicle).toHaveLength(1);
    const items = (await inbox(node, actorOf('be-police'), { kind: 'watch_match' })).items.filter((i) => i.payload.userName === 'insp.janssens');
    expect(items.map((i) => [i.payload.caseReference, i.payload.matchedOn]).sort()).toEqual([
      ['BE-SEARCH-1', 'name and birth date'],
      ['BE-SEARCH-2', 'identifier'],
    ]);
  });

  it('counts a proposed alert from its approval, not its creation', async () => {
    const db = node.database.db;
    const docKey = (await db.selectFrom('identity_documents').select('number_key').where('person_id', '=', seeded.personId).executeTakeFirstOrThrow()).number_key;
    const alertId = await insertAlert(db, { subject: { person: seeded.personId }, now: node.clock.now(), status: 'proposed' });
    node.clock.advance(3_600_000);
    const searchId = await recordSearch(db, { authorityId: 'nl-politie', actorName: 'agent.meijer', caseReference: 'NL-OPEN-20', at: node.clock.now(), identifiers: [docKey] });
    node.clock.advance(3_600_000);
    await db.updateTable('alerts').set({ status: 'active' }).where('id', '=', alertId).execute();
    await db
      .insertInto('alert_history')
      .values({ alert_id: alertId, changed_at: node.clock.now(), actor_id: 'u', actor_name: 'reviewer', authority_id: 'de-bka', change: 'approve', changes: JSON.stringify({}), reason: null })
      .execute();
    expect((await notifyWatchers(node, alertId)).map((m) => m.searchId)).toContain(searchId);
  });
});
