import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery } from '../../store/database.ts';
import { dropBulkLoadIndexes, ensureBulkLoadIndexes } from './key-indexes.ts';

describeEachEngine('indexes around a bulk load', (getDb) => {
  const state = async () =>
    (
      await rawQuery<{ pkey: boolean; person: boolean; fkey: boolean; others: number; uniques: number }>(
        getDb().db,
        `select exists (select 1 from pg_constraint where conname = 'person_keys_pkey') as pkey,
                exists (select 1 from pg_indexes where indexname = 'person_keys_person') as person,
                exists (select 1 from pg_constraint where conname = 'person_keys_person_id_fkey' and convalidated) as fkey,
                (select count(*)::int from pg_indexes where tablename in ('persons', 'identity_documents', 'objects', 'alerts') and indexname not like '%_pkey') as others,
                (select count(*)::int from pg_constraint where contype = 'u' and conrelid in ('persons'::regclass, 'objects'::regclass, 'alerts'::regclass)) as uniques`,
      )
    )[0];

  it('drops the secondary indexes of persons, documents, objects and alerts and builds them back, unique constraints included', async () => {
    const { db } = getDb();
    const before = await state();
    expect(before).toMatchObject({ others: 10, uniques: 3 });
    await dropBulkLoadIndexes(db);
    expect(await state()).toMatchObject({ others: 0, uniques: 0 });
    // A build cut short after one unique index, before its constraint.
    await rawQuery(db, 'create unique index persons_source_id_ref_key on persons (source_id, ref)');
    expect(await ensureBulkLoadIndexes(db)).toBe(true);
    expect(await state()).toEqual(before);
    expect(await ensureBulkLoadIndexes(db)).toBe(false);
    const [def] = await rawQuery<{ indexdef: string }>(db, `select indexdef from pg_indexes where indexname = 'alerts_person'`);
    expect(def!.indexdef).toMatch(/\(person_id\) WHERE \(person_id IS NOT NULL\)$/);
  });

  it('rebuilds them, removing keys of persons deleted while the foreign key was off', async () => {
    const { db } = getDb();
    await rawQuery(db, `insert into authorities (id, country, name, kind) values ('nl-k', 'NLD', 'K', 'police')`);
    await rawQuery(db, `insert into sources (id, authority_id, name, kind, hit_no_hit) values ('nl-k.p', 'nl-k', 'P', 'persons_index', false)`);
    const kept = '00000000-0000-5000-8000-000000000001';
    const gone = '00000000-0000-5000-8000-000000000002';
    for (const id of [kept, gone]) await rawQuery(db, `insert into persons (id, source_id, ref, record, display_name) values ($1::uuid, 'nl-k.p', $2, '{}', 'x')`, [id, id]);
    await dropBulkLoadIndexes(db);
    expect(await state()).toMatchObject({ pkey: false, person: false, fkey: false });
    await rawQuery(db, `insert into person_keys (key, person_id) values ('sy:a|1990', $1), ('sy:a|1990', $2), ('n:a|b', $2)`, [kept, gone]);
    await rawQuery(db, 'delete from persons where id = $1', [gone]); // no cascade while the foreign key is off
    expect(await ensureBulkLoadIndexes(db)).toBe(true);
    expect(await state()).toEqual({ pkey: true, person: true, fkey: true, others: 10, uniques: 3 });
    expect(await rawQuery(db, 'select key, person_id::text from person_keys order by key')).toEqual([{ key: 'sy:a|1990', person_id: kept }]);
    expect(await ensureBulkLoadIndexes(db)).toBe(false);
  });
});

describeEachEngine('person_keys index build on the engine', (getDb) => {
  const constraints = async () =>
    (
      await rawQuery<{ pkey: boolean; person: boolean; fkey: boolean; unique_index: boolean }>(
        getDb().db,
        `select exists (select 1 from pg_constraint where conname = 'person_keys_pkey' and contype = 'p') as pkey,
                exists (select 1 from pg_indexes where indexname = 'person_keys_person') as person,
                exists (select 1 from pg_constraint where conname = 'person_keys_person_id_fkey' and convalidated) as fkey,
                exists (select 1 from pg_indexes where indexname = 'person_keys_pkey') as unique_index`,
      )
    )[0];

  it('runs the work given alongside, finishes a build cut short after its unique index, and enforces the primary key', async () => {
    const database = getDb();
    const { db } = database;
    await rawQuery(db, `insert into authorities (id, country, name, kind) values ('nl-b', 'NLD', 'B', 'police')`);
    await rawQuery(db, `insert into sources (id, authority_id, name, kind, hit_no_hit) values ('nl-b.p', 'nl-b', 'P', 'persons_index', false)`);
    const id = '00000000-0000-5000-8000-0000000000b1';
    await rawQuery(db, `insert into persons (id, source_id, ref, record, display_name) values ($1::uuid, 'nl-b.p', 'B1', '{}', 'x')`, [id]);
    await dropBulkLoadIndexes(db);
    await rawQuery(db, `insert into person_keys (key, person_id) values ('n:b|c', $1), ('sy:b|1980', $1)`, [id]);
    // What a crash between the unique index and the constraint leaves.
    await rawQuery(db, 'create unique index person_keys_pkey on person_keys (key, person_id)');
    expect(await constraints()).toEqual({ pkey: false, person: false, fkey: false, unique_index: true });
    let ranAlongside = false;
    expect(await ensureBulkLoadIndexes(db, { engine: database.engine, alongside: async () => void (ranAlongside = true) })).toBe(true);
    expect(ranAlongside).toBe(true);
    expect(await constraints()).toEqual({ pkey: true, person: true, fkey: true, unique_index: true });
    await expect(rawQuery(db, `insert into person_keys (key, person_id) values ('n:b|c', $1)`, [id])).rejects.toMatchObject({ code: '23505' });
    // Dropping for the next bulk load removes the index with the constraint.
    await dropBulkLoadIndexes(db);
    expect(await constraints()).toEqual({ pkey: false, person: false, fkey: false, unique_index: false });
  });

  it('reports a failure of the work alongside only after the indexes and foreign key are back', async () => {
    const database = getDb();
    await dropBulkLoadIndexes(database.db);
    await expect(ensureBulkLoadIndexes(database.db, { engine: database.engine, alongside: () => Promise.reject(new Error('broken references')) })).rejects.toThrow('broken references');
    expect(await constraints()).toEqual({ pkey: true, person: true, fkey: true, unique_index: true });
  });
});
