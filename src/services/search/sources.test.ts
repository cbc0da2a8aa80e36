// The search keeps the source register between searches; a change to it
// (a new source, a hit/no-hit flag, an authority's name) must count from the
// very next search, whichever way the rows were written.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { NL, PL, actorOf, addAuthority, addPerson, addSource, seedRegistry } from '../../../test/support/search-fixtures.ts';
import { ManualClock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import type { NodeContext } from '../context.ts';
import { search } from './search.ts';
import { isRecordHit } from './types.ts';

const officer = actorOf(NL);
const ctx = { purpose: 'police_check', caseReference: 'SRC-2026-1' } as const;
const query = { ...ctx, person: { names: { given: 'Olena', family: 'Kovalenko' }, birthDate: '1979-03-14' } };

describeEachEngine('search source register', (getDb) => {
  let node: NodeContext;
  beforeAll(async () => {
    const database = getDb();
    node = { database, clock: new ManualClock('2026-06-01T09:00:00Z'), logger: silentLogger, config: { nodeAuthorityId: NL.id, nodeName: 'test' } };
    await seedRegistry(database);
  });

  it('searches a source added after the last search, and honours its flags and names at once', async () => {
    const before = await search(node, officer, query);
    expect(before.sources.searched.map((s) => s.id)).not.toContain('ua-persons');
    expect(before.hits).toEqual([]);

    await addAuthority(node.database, { id: 'ua-npu', country: 'UKR', name: 'National Police of Ukraine' });
    await addSource(node.database, { id: 'ua-persons', authorityId: 'ua-npu', name: 'UA persons index' });
    const id = await addPerson(node.database, 'ua-persons', { ref: 'UA-1', names: [{ given: 'Olena', family: 'Kovalenko' }], birthDate: '1979-03-14', sex: 'F' });
    const added = await search(node, officer, query);
    expect(added.sources.searched).toContainEqual({ id: 'ua-persons', name: 'UA persons index', authorityId: 'ua-npu', hitNoHit: false });
    expect(added.hits.filter(isRecordHit).map((h) => h.recordId)).toEqual([id]);

    await node.database.query(`update sources set hit_no_hit = true where id = 'ua-persons'`);
    const flagged = await search(node, officer, query);
    expect(flagged.hits).toEqual([{ source: 'ua-persons', hit: true, contact: { authorityId: 'ua-npu', name: 'National Police of Ukraine', country: 'UKR' } }]);
    expect(JSON.stringify(flagged)).not.toContain('UA-1');

    await node.database.query(`update authorities set name = 'Національна поліція України' where id = 'ua-npu'`);
    const renamed = await search(node, officer, query);
    expect(renamed.hits).toEqual([{ source: 'ua-persons', hit: true, contact: { authorityId: 'ua-npu', name: 'Національна поліція України', country: 'UKR' } }]);

    await addSource(node.database, { id: 'ua-empty', authorityId: 'ua-npu', name: 'UA empty register' });
    expect((await search(node, officer, query)).sources.searched.map((s) => s.id)).toContain('ua-empty');
    await node.database.query(`delete from sources where id = 'ua-empty'`);
    const removed = await search(node, officer, query);
    expect([...removed.sources.searched, ...removed.sources.notSearched].map((s) => s.id)).not.toContain('ua-empty');
  });

  it('does not search a source the purpose closes, even one added since the last search', async () => {
    await addSource(node.database, { id: 'pl-records-2', authorityId: PL.id, name: 'PL records 2', kind: 'police_records', hitNoHit: true });
    const guard = actorOf(NL, ['border_guard'], 'guard');
    const r = await search(node, guard, { purpose: 'border_check', caseReference: 'BX-78', person: { names: { given: 'Olena', family: 'Kovalenko' } } });
    expect(r.sources.notSearched.map((s) => s.id)).toEqual(expect.arrayContaining(['pl-records', 'pl-records-2']));
  });
});
