import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery } from '../../store/database.ts';
import { dropPersonKeyIndexes, ensurePersonKeyIndexes } from './key-indexes.ts';

describeEachEngine('person_keys indexes around a bulk load', (getDb) => {
  const state = async () =>
    (
      await rawQuery<{ pkey: boolean; person: boolean; fkey: boolean }>(
        getDb().db,
        `select exists (select 1 from pg_constraint where conname = 'person_keys_pkey') as pkey,
                exists (select 1 from pg_indexes where indexname = 'person_keys_person') as person,
                exists (select 1 from pg_constraint where conname = 'person_keys_person_id_fkey' and convalidated) as fkey`,
      )
    )[0];

  it('rebuilds them, removing keys of persons deleted while the foreign key was off', async () => {
    const { db } = getDb();
    await rawQuery(db, `insert into authorities (id, country, name, kind) values ('nl-k', 'NLD', 'K', 'police')`);
    await rawQuery(db, `insert into sources (id, authority_id, name, kind, hit_no_hit) values ('nl-k.p', 'nl-k', 'P', 'persons_index', false)`);
    const kept = '00000000-0000-5000-8000-000000000001';
    const gone = '00000000-0000-5000-8000-000000000002';
    for (const id of [kept, gone]) await rawQuery(db, `insert into persons (id, source_id, ref, record, display_name) values ($1::uuid, 'nl-k.p', $2, '{}', 'x')`, [id, id]);
    await dropPersonKeyIndexes(db);
    expect(await state()).toEqual({ pkey: false, person: false, fkey: false });
    await rawQuery(db, `insert into person_keys (key, person_id) values ('sy:a|1990', $1), ('sy:a|1990', $2), ('n:a|b', $2)`, [kept, gone]);
    await rawQuery(db, 'delete from persons where id = $1', [gone]); // no cascade while the foreign key is off
    expect(await ensurePersonKeyIndexes(db)).toBe(true);
    expect(await state()).toEqual({ pkey: true, person: true, fkey: true });
    expect(await rawQuery(db, 'select key, person_id::text from person_keys order by key')).toEqual([{ key: 'sy:a|1990', person_id: kept }]);
    expect(await ensurePersonKeyIndexes(db)).toBe(false);
  });
});
