// Multiple-identity detection and resolution on both engines.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../support/databases.ts';
import { NL, actorOf, addPerson, seedRegistry } from '../support/search-fixtures.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { silentLogger } from '../../src/services/logger.ts';
import type { NodeContext } from '../../src/services/context.ts';
import { detectMultipleIdentities, detectNewMultipleIdentities, getCluster, listLinks, resolveLink } from '../../src/services/identity/index.ts';

const analyst = actorOf(NL, ['analyst'], 'analyst');
const officer = actorOf(NL, ['police_officer']);

describeEachEngine('multiple identities', (getDb) => {
  let node: NodeContext;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    node = { database: getDb(), clock: new ManualClock('2026-06-01T09:00:00Z'), logger: silentLogger, config: { nodeAuthorityId: NL.id, nodeName: 'test' } };
    await seedRegistry(node.database);
    ids.a = await addPerson(node.database, 'nl-persons', { ref: 'A', names: [{ given: 'Μαρία', family: 'Παπαδοπούλου' }], birthDate: '1990-05-17', sex: 'F' });
    ids.b = await addPerson(node.database, 'de-persons', { ref: 'B', names: [{ given: 'Maria', family: 'Papadopoulou' }], birthDate: '1990-05-17', sex: 'F' });
    ids.c = await addPerson(node.database, 'pl-records', { ref: 'C', names: [{ given: 'Maria', family: 'Papadopoulou' }], birthDate: '1990-05-17', sex: 'F' });
    ids.x = await addPerson(node.database, 'de-persons', { ref: 'X', names: [{ given: 'Maria', family: 'Papadopoulou' }], birthDate: '1958-11-02', sex: 'F' });
  });

  it('links the same person across three sources and forms one cluster', async () => {
    const run = await detectMultipleIdentities(node, analyst, {});
    expect(run.examined).toBe(4);
    const { items } = await listLinks(node, analyst, { status: 'yellow', limit: 50, offset: 0 });
    const pairs = items.map((l) => [l.a.id, l.b.id].sort().join('|')).sort();
    expect(pairs).toEqual([[ids.a, ids.b], [ids.a, ids.c], [ids.b, ids.c]].map((p) => p.sort().join('|')).sort());
    // The analyst may not read police records (and C's source is hit/no-hit): C shows only where to ask.
    const c = items.flatMap((l) => [l.a, l.b]).find((p) => p.id === ids.c)!;
    expect(c).toEqual({ id: ids.c, source: 'pl-records', ref: '', display: 'record in pl-records: ask pl-sg', record: null });
    expect(items.flatMap((l) => [l.a, l.b]).find((p) => p.id === ids.b)!.record?.ref).toBe('B');
    const resolved = await resolveLink(node, officer, items[0].id, { status: 'white', reason: 'Greek and German registrations of one woman' });
    expect(resolved).toMatchObject({ status: 'white', decidedBy: officer.id });
    const cluster = await getCluster(node, officer, ids.a);
    expect(cluster.persons.map((p) => p.id).sort()).toEqual([ids.a, ids.b, ids.c].sort());
    await resolveLink(node, officer, items[1].id, { status: 'green', reason: 'different fathers named' });
    await resolveLink(node, officer, items[2].id, { status: 'green', reason: 'different fathers named' });
    const alone = await getCluster(node, officer, ids.x);
    expect(alone.persons.map((p) => p.id)).toEqual([ids.x]);
  });

  it('the background run examines only what changed since the previous one', async () => {
    const first = await detectNewMultipleIdentities(node);
    expect(first.examined).toBe(4);
    const second = await detectNewMultipleIdentities(node);
    expect(second.examined).toBe(0);
  });
});
