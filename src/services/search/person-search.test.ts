import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery } from '../../store/database.ts';
import { MAX_CANDIDATES, personCandidatesSql, type CandidateRow } from './person-search.ts';

describeEachEngine('person candidates', (getDb) => {
  const personId = (n: number) => `00000000-0000-5000-8000-${n.toString(16).padStart(12, '0')}`;

  it('keeps candidates sharing a rare key ahead of a common block when the cap binds', async () => {
    const { db } = getDb();
    await rawQuery(db, `insert into authorities (id, country, name, kind) values ('nl-c', 'NLD', 'C', 'police')`);
    await rawQuery(db, `insert into sources (id, authority_id, name, kind, hit_no_hit) values ('nl-c.p', 'nl-c', 'P', 'persons_index', false)`);
    // A common surname-and-year block far over the cap, and five persons each
    // sharing only an exact name-and-date key with the query.
    const common = MAX_CANDIDATES + 250;
    const rare = 5;
    const ids = Array.from({ length: common + rare }, (_, i) => personId(i + 1));
    await rawQuery(db, `insert into persons (id, source_id, ref, record, display_name) select id, 'nl-c.p', id::text, '{}', 'x' from unnest($1::uuid[]) id`, [ids]);
    await rawQuery(db, `insert into person_keys (key, person_id) select 'sy:COMMON|1990', id from unnest($1::uuid[]) id`, [ids.slice(0, common)]);
    await rawQuery(db, `insert into person_keys (key, person_id) select 'kd:RARE' || ord || '|19900101', id from unnest($1::uuid[]) with ordinality as t(id, ord)`, [ids.slice(common)]);
    const params: unknown[] = [['nl-c.p']];
    const param = (v: unknown) => `$${params.push(v)}`;
    const keys = ['sy:COMMON|1990', ...Array.from({ length: rare }, (_, i) => `kd:RARE${i + 1}|19900101`)];
    const rows = await rawQuery<CandidateRow>(db, personCandidatesSql({ keys, docKeys: [] }, '$1', param), params);
    expect(rows).toHaveLength(MAX_CANDIDATES);
    const got = new Set(rows.map((r) => r.id));
    for (const id of ids.slice(common)) expect(got.has(id)).toBe(true);
  });
});
