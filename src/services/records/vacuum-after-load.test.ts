import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery } from '../../store/database.ts';
import { vacuumAfterLoad } from './vacuum-after-load.ts';

describeEachEngine('vacuum after a bulk load', (getDb) => {
  it('marks the loaded pages all-visible on the embedded engine (index-only scans need no heap reads), and leaves PostgreSQL to autovacuum', async () => {
    const database = getDb();
    const { db } = database;
    await rawQuery(db, `insert into authorities (id, country, name, kind) values ('nl-v', 'NLD', 'V', 'police')`);
    await rawQuery(db, `insert into sources (id, authority_id, name, kind, hit_no_hit) values ('nl-v.p', 'nl-v', 'P', 'persons_index', false)`);
    await rawQuery(
      db,
      `insert into persons (id, source_id, ref, record, display_name)
       select ('00000000-0000-5000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'nl-v.p', 'V' || i, '{}', 'x' from generate_series(1, 2000) i`,
    );
    await rawQuery(db, `insert into person_keys (key, person_id) select 'sy:v|' || (i % 50), id from persons, generate_series(1, 3) i where source_id = 'nl-v.p'`);
    const visible = async () =>
      (await rawQuery<{ pages: number }>(db, `select relallvisible::int as pages from pg_class where relname = 'person_keys'`))[0]!.pages;
    expect(await visible()).toBe(0);
    const vacuumed = await vacuumAfterLoad(database);
    expect(vacuumed).toBe(database.engine === 'embedded');
    // (Not asserted on PostgreSQL: its own autovacuum may get there first.)
    if (vacuumed) expect(await visible()).toBeGreaterThan(0);
  });
});
