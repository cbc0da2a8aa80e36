import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite, types } from '@electric-sql/pglite';
import { CompiledQuery, Kysely } from 'kysely';
import { PGliteStatements } from './pglite-statements.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { PGliteThread } from './pglite-thread.ts';
import { prepared, preparedName } from './prepared.ts';

let pg: PGlite;
let statements: PGliteStatements;

beforeAll(async () => {
  // The parsers openDatabase() installs, so the comparison covers them too.
  pg = await PGlite.create({ parsers: { [types.INT8]: (v: string) => Number(v), [types.DATE]: (v: string) => v, [1700]: (v: string) => Number(v) } });
  statements = new PGliteStatements(pg);
  await pg.exec(`create table probe (id int primary key, label text, tags text[], doc jsonb, raw bytea, big int8, at timestamptz, day date, amount numeric, ok boolean, uid uuid)`);
});

afterAll(async () => {
  await pg.close();
});

const KINDS = `select $1::int as i, $2::int8 as big, $3::text as t, $4::text[] as arr, $5::jsonb as jb, $6::json as j,
  $7::bytea as b, $8::timestamptz as ts, $9::date as d, $10::numeric as n, $11::boolean as ok, $12::uuid as u,
  $13::float8 as f, $14::int[] as ints, $15::text as nothing, array[null, 'x']::text[] as holes, '{"a":{"b":[1,null]}}'::json as nested`;

const KIND_PARAMS: unknown[][] = [
  [1, 2 ** 40, 'tekst', ['a', 'b c', 'd"e', ''], { x: [1, 'two', null] }, [1, 2], new Uint8Array([0, 1, 255]), new Date('2024-01-01T10:00:00.123Z'), '2024-02-29', '12.50', true, '6f1c2f0e-55a5-4d6e-9b1a-1f2e3d4c5b6a', 1.5, [3, 4], null],
  [null, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
  [-7, 0, '', [], {}, '"string"', new Uint8Array([]), new Date(0), '1900-01-01', 0, false, '00000000-0000-0000-0000-000000000000', -0.25, [], undefined],
];

describe('PGlite statements', () => {
  it('return exactly what query() returns, named or unnamed, for every kind of value and for NULLs', async () => {
    for (const params of KIND_PARAMS) {
      const expected = await pg.query(KINDS, params);
      const named = await statements.named('probe_kinds', KINDS, params);
      const unnamed = await statements.unnamed(KINDS, params);
      expect(named.rows).toEqual(expected.rows);
      expect(unnamed.rows).toEqual(expected.rows);
      expect(named.fields).toEqual(expected.fields);
    }
    const [row] = (await statements.named('probe_kinds', KINDS, KIND_PARAMS[0]!)).rows as Record<string, unknown>[];
    expect(row).toMatchObject({ i: 1, big: 2 ** 40, arr: ['a', 'b c', 'd"e', ''], jb: { x: [1, 'two', null] }, d: '2024-02-29', n: 12.5, ok: true, holes: [null, 'x'] });
    expect(row!.ts).toEqual(new Date('2024-01-01T10:00:00.123Z'));
    expect(Array.from(row!.b as Uint8Array)).toEqual([0, 1, 255]);
  });

  it('serialise parameters by the types PostgreSQL infers from where they stand', async () => {
    const text = `insert into probe (id, label, tags, doc, raw, big, at, day, amount, ok, uid) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`;
    const values = [1, 'één', ['x', null], { k: 'v' }, new Uint8Array([9, 8]), 9_007_199_254_740_991, new Date('2025-06-30T23:59:59Z'), '2025-06-30', 3.25, false, '6f1c2f0e-55a5-4d6e-9b1a-1f2e3d4c5b6a'];
    const inserted = await statements.named('probe_insert', text, values);
    expect(inserted.affectedRows).toBe(1);
    const viaQuery = await pg.query('select * from probe where id = $1', [1]);
    expect(inserted.rows).toEqual(viaQuery.rows);
    expect(viaQuery.rows[0]).toMatchObject({ label: 'één', tags: ['x', null], doc: { k: 'v' }, big: 9_007_199_254_740_991, day: '2025-06-30', amount: 3.25, ok: false });
    // The same parameter compared with columns of different types in one statement.
    const mixed = `select count(*)::int as n from probe where id = $1 and label = $2 and $3 = any(tags) and doc @> $4 and at < $5`;
    expect((await statements.named('probe_mixed', mixed, [1, 'één', 'x', { k: 'v' }, new Date('2030-01-01')])).rows).toEqual([{ n: 1 }]);
    expect((await statements.unnamed(mixed, [1, 'één', 'x', { k: 'v' }, new Date('2030-01-01')])).rows).toEqual([{ n: 1 }]);
    await pg.query('delete from probe');
  });

  it('prepare a named statement once and reuse it', async () => {
    const text = 'select $1::int + 1 as next';
    for (const n of [1, 2, 3]) expect((await statements.named('probe_reuse', text, [n])).rows).toEqual([{ next: n + 1 }]);
    const listed = await pg.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements where name = 'probe_reuse'`);
    expect(listed.rows).toEqual([{ n: 1 }]);
  });

  it('prepare again when DDL changed the result columns under a named statement', async () => {
    await pg.exec('create table shifting (a int); insert into shifting values (1);');
    const text = 'select * from shifting';
    expect((await statements.named('probe_shifting', text, [])).rows).toEqual([{ a: 1 }]);
    await pg.exec('alter table shifting add column b text default $$x$$;');
    expect((await statements.named('probe_shifting', text, [])).rows).toEqual([{ a: 1, b: 'x' }]);
    // Inside a transaction the stale statement fails that transaction once; afterwards it works again.
    await pg.exec('alter table shifting add column c int default 7;');
    await pg.exec('begin');
    await expect(statements.named('probe_shifting', text, [])).rejects.toMatchObject({ code: '0A000' });
    await pg.exec('rollback');
    expect((await statements.named('probe_shifting', text, [])).rows).toEqual([{ a: 1, b: 'x', c: 7 }]);
  });

  it('prepare again when the statement was deallocated behind its back', async () => {
    const text = 'select 41 + $1::int as answer';
    expect((await statements.named('probe_dealloc', text, [1])).rows).toEqual([{ answer: 42 }]);
    await pg.exec('deallocate all');
    expect((await statements.named('probe_dealloc', text, [1])).rows).toEqual([{ answer: 42 }]);
  });

  it('leave the session usable after errors, inside and outside transactions', async () => {
    const divide = 'select 10 / $1::int as q';
    await expect(statements.named('probe_divide', divide, [0])).rejects.toMatchObject({ code: '22012', query: divide, params: [0] });
    expect((await statements.named('probe_divide', divide, [5])).rows).toEqual([{ q: 2 }]);
    await expect(statements.unnamed(divide, [0])).rejects.toMatchObject({ code: '22012' });
    await expect(statements.unnamed('select * from no_such_table where x = $1', [1])).rejects.toMatchObject({ code: '42P01' });
    await expect(statements.named('probe_broken', 'selec $1', [1])).rejects.toMatchObject({ code: '42601' });
    await expect(statements.named('probe_broken', 'selec $1', [1])).rejects.toMatchObject({ code: '42601' });
    await pg.exec('begin');
    await statements.named('probe_divide', divide, [2]);
    await expect(statements.named('probe_divide', divide, [0])).rejects.toMatchObject({ code: '22012' });
    // The transaction is aborted now, as on PostgreSQL.
    await expect(statements.named('probe_divide', divide, [5])).rejects.toMatchObject({ code: '25P02' });
    await expect(statements.unnamed('select $1::int as x', [1])).rejects.toMatchObject({ code: '25P02' });
    await pg.exec('rollback');
    expect((await statements.named('probe_divide', divide, [5])).rows).toEqual([{ q: 2 }]);
    expect((await statements.unnamed('select $1::int as x', [1])).rows).toEqual([{ x: 1 }]);
    expect((await statements.unnamed('select 1 as one', [])).rows).toEqual([{ one: 1 }]);
    expect(pg.isInTransaction()).toBe(false);
  });

  it('report affected rows and command results like query()', async () => {
    await pg.exec('create table counted (n int)');
    const insert = 'insert into counted select generate_series(1, $1::int)';
    const a = await statements.named('probe_counted', insert, [3]);
    const b = await pg.query(insert, [3]);
    expect({ ...a, rows: undefined }).toEqual({ ...b, rows: undefined });
    expect(a.affectedRows).toBe(3);
    expect((await statements.unnamed('update counted set n = n + 1 where n > $1', [1])).affectedRows).toBe(4);
    expect((await statements.unnamed('delete from counted', [])).affectedRows).toBe(6);
  });
});

describe('PGlite dialect', () => {
  it('runs texts marked prepared() as named statements, and the rest as before', async () => {
    const thread = await PGliteThread.start({});
    const db = new Kysely<any>({ dialect: new PGliteDialect(thread, { analyzeIntervalMs: 0 }) });
    const text = prepared('select $1::text || $2::text as joined');
    expect((await db.executeQuery(CompiledQuery.raw(text, ['a', 'b']))).rows).toEqual([{ joined: 'ab' }]);
    const name = preparedName(text)!;
    const listed = await db.executeQuery(CompiledQuery.raw('select statement from pg_prepared_statements where name = $1', [name]));
    expect(listed.rows).toEqual([{ statement: text }]);
    expect((await db.executeQuery(CompiledQuery.raw('select $1::int * 3 as x', [3]))).rows).toEqual([{ x: 9 }]);
    // Parameterless scripts still go through the simple protocol.
    expect((await db.executeQuery(CompiledQuery.raw('select 1; select 2 as two'))).rows).toEqual([{ two: 2 }]);
    await db.transaction().execute(async (trx) => {
      expect((await trx.executeQuery(CompiledQuery.raw(text, ['c', 'd']))).rows).toEqual([{ joined: 'cd' }]);
    });
    await db.destroy();
    await thread.close();
  });

  it('lets single statements go on while earlier ones run, never into another caller’s transaction', async () => {
    const thread = await PGliteThread.start({});
    const db = new Kysely<any>({ dialect: new PGliteDialect(thread, { analyzeIntervalMs: 0, checkpointIntervalMs: 0 }) });
    await db.executeQuery(CompiledQuery.raw('create table ledger (n int)'));
    let inside!: () => void;
    const opened = new Promise<void>((r) => (inside = r));
    // A transaction that writes, lets others try to get in, then fails.
    const failing = db.transaction().execute(async (trx) => {
      await trx.executeQuery(CompiledQuery.raw('insert into ledger values (1)'));
      inside();
      await new Promise((r) => setTimeout(r, 50));
      throw new Error('rolled back on purpose');
    });
    await opened;
    // Issued while the transaction is open: they wait for it and are not undone with it.
    const outside = [2, 3, 4].map((n) => db.executeQuery(CompiledQuery.raw('insert into ledger values ($1)', [n])));
    await expect(failing).rejects.toThrow(/on purpose/);
    await Promise.all(outside);
    // Many single statements in flight at once still run in the order issued.
    const order = await Promise.all(Array.from({ length: 20 }, (_, i) => db.executeQuery(CompiledQuery.raw('insert into ledger values ($1) returning (select count(*) from ledger)::int as before', [10 + i]))));
    expect(order.map((r) => (r.rows[0] as { before: number }).before)).toEqual(Array.from({ length: 20 }, (_, i) => 3 + i));
    const rows = await db.executeQuery(CompiledQuery.raw('select n from ledger where n < 10 order by n'));
    expect(rows.rows).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    await db.destroy();
    await thread.close();
  });
});
