import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, openTestDatabase } from '../../test/support/databases.ts';
import { listMigrations, runMigrations } from './migrate.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, prepared, rawQuery } from './database.ts';
import { recordId } from './ids.ts';

describeEachEngine('database', (getDb, engine) => {
  it('has applied every migration exactly once and re-running changes nothing', async () => {
    const db = getDb();
    const rows = await db.db.selectFrom('schema_migrations').select('version').orderBy('version').execute();
    expect(rows.map((r) => r.version)).toEqual(listMigrations().map((m) => m.version));
    expect(await runMigrations(db)).toEqual([]);
  });

  it('turns stored jsonb records into json without changing them (migration 0009)', async () => {
    const db = getDb();
    // The store as it was before 0009, holding a record.
    for (const t of ['persons', 'objects', 'alerts']) await rawQuery(db.db, `alter table ${t} alter column record type jsonb using record::jsonb`);
    await rawQuery(db.db, `delete from schema_migrations where version = '0009_record_json'`);
    await rawQuery(db.db, `insert into authorities (id, country, name, kind) values ('be-fedpol', 'BEL', 'Federale Politie', 'police')`);
    await rawQuery(db.db, `insert into sources (id, authority_id, name, kind) values ('be-ang', 'be-fedpol', 'ANG', 'police_records')`);
    const record = { names: [{ given: 'Олександр', family: 'Шевченко' }], birthDate: '1987-03', note: 'quote " and \\ backslash' };
    await rawQuery(db.db, `insert into persons (id, source_id, ref, record, display_name) values ($1, 'be-ang', 'P1', $2::jsonb, 'Shevchenko')`, [recordId('person', 'be-ang', 'P1'), JSON.stringify(record)]);

    expect(await runMigrations(db)).toEqual(['0009_record_json']);
    const [row] = await rawQuery<{ record: unknown; type: string }>(db.db, `select record, pg_typeof(record)::text as type from persons`);
    expect(row).toEqual({ record, type: 'json' });
    // The other tests share this database.
    await rawQuery(db.db, `delete from persons where source_id = 'be-ang'`);
    await rawQuery(db.db, `delete from sources where id = 'be-ang'`);
    await rawQuery(db.db, `delete from authorities where id = 'be-fedpol'`);
  });

  it('returns the same JavaScript types on both engines', async () => {
    const db = getDb();
    const [row] = await db.query<{ n: unknown; d: unknown; t: unknown; j: unknown; k: unknown; a: unknown }>(
      `select 42::int8 as n, '2024-02-29'::date as d, '2024-01-01T10:00:00Z'::timestamptz as t, '{"x":[1]}'::jsonb as j, '{"y": 2}'::json as k, array['a','b']::text[] as a`,
    );
    expect(row).toEqual({ n: 42, d: '2024-02-29', t: new Date('2024-01-01T10:00:00Z'), j: { x: [1] }, k: { y: 2 }, a: ['a', 'b'] });
    expect(db.engine).toBe(engine);
  });

  it('rolls a failed transaction back completely', async () => {
    const db = getDb();
    await db.db.insertInto('authorities').values({ id: 'nl-police', country: 'NLD', name: 'Politie', kind: 'police' }).execute();
    await expect(
      db.db.transaction().execute(async (trx) => {
        await trx.insertInto('authorities').values({ id: 'de-bka', country: 'DEU', name: 'BKA', kind: 'police' }).execute();
        await trx.insertInto('authorities').values({ id: 'bad', country: 'nl', name: 'x', kind: 'police' }).execute();
      }),
    ).rejects.toThrow();
    const ids = (await db.db.selectFrom('authorities').select('id').execute()).map((r) => r.id);
    expect(ids).toEqual(['nl-police']);
  });

  it('serialises concurrent transactions without losing writes', async () => {
    const db = getDb();
    await sql`create table counter (n int not null)`.execute(db.db);
    await sql`insert into counter values (0)`.execute(db.db);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.db.transaction().execute(async (trx) => {
          await sql`select n from counter for update`.execute(trx);
          await sql`update counter set n = n + 1`.execute(trx);
        }),
      ),
    );
    const [r] = await db.query<{ n: number }>('select n from counter');
    expect(r!.n).toBe(20);
  });
});

it('runs the embedded engine without full-page images, whose fsync is off anyway', async () => {
  const { database, dispose } = await openTestDatabase('embedded');
  try {
    const [row] = await database.query<{ full_page_writes: string; fsync: string }>(`select current_setting('full_page_writes') as full_page_writes, current_setting('fsync') as fsync`);
    expect(row).toEqual({ full_page_writes: 'off', fsync: 'off' });
  } finally {
    await dispose();
  }
});

it('gives an embedded store in a data directory a 1 GB page cache, or the size configured, and refuses sizes it cannot start with', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pontis-buffers-'));
  const buffers = async (opts: { sharedBuffers?: string }) => {
    const database = await openDatabase({ dataDir: dir, migrate: false, ...opts });
    try {
      return (await database.query<{ s: string }>(`select current_setting('shared_buffers') as s`))[0]!.s;
    } finally {
      await database.close();
    }
  };
  try {
    expect(await buffers({})).toBe('1GB');
    expect(await buffers({ sharedBuffers: '256MB' })).toBe('256MB');
    await expect(openDatabase({ dataDir: dir, sharedBuffers: '2GB' })).rejects.toThrow(/from 16MB to 1536MB.*"2GB"/);
    await expect(openDatabase({ dataDir: dir, sharedBuffers: 'lots' })).rejects.toThrow(/PONTIS_EMBEDDED_SHARED_BUFFERS must be a size/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('derives stable, distinct record ids from source and ref', () => {
  const a = recordId('person', 'nl-persons', 'P1');
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(recordId('person', 'nl-persons', 'P1')).toBe(a);
  expect(recordId('person', 'nl-persons', 'P2')).not.toBe(a);
  expect(recordId('object', 'nl-persons', 'P1')).not.toBe(a);
});

describeEachEngine('prepared (named) statements', (getDb, engine) => {
  it('give the same answers as plain ones, and on PostgreSQL are prepared once per connection', async () => {
    const db = getDb();
    const text = prepared('select $1::int * 2 as twice, $2::text as label');
    for (const n of [1, 2, 3]) expect(await db.query(text, [n, `n${n}`])).toEqual([{ twice: n * 2, label: `n${n}` }]);
    await db.db.transaction().execute(async (trx) => {
      await rawQuery(trx, text, [5, 'x']);
      if (engine === 'postgres') {
        const names = await rawQuery<{ statement: string }>(trx, 'select statement from pg_prepared_statements');
        expect(names.map((r) => r.statement)).toContain(text);
      }
    });
  });
});
