import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { protocol } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThread } from './pglite-thread.ts';

describe('the embedded database thread', () => {
  let thread: PGliteThread;
  beforeAll(async () => {
    thread = await PGliteThread.start({});
  });
  afterAll(async () => {
    await thread.close();
  });

  it('hands back rows, parameters and types as PGlite does', async () => {
    const r = await thread.query(`select $1::int8 as n, $2::date as d, $3::timestamptz as t, $4::json as j, $5::text[] as a, $6::bytea as b`, [
      7,
      '2024-02-29',
      new Date('2024-01-01T10:00:00Z'),
      JSON.stringify({ x: [1] }),
      ['a', 'b'],
      new Uint8Array([1, 2, 255]),
    ]);
    expect(r.rows).toEqual([{ n: 7, d: '2024-02-29', t: new Date('2024-01-01T10:00:00Z'), j: { x: [1] }, a: ['a', 'b'], b: new Uint8Array([1, 2, 255]) }]);
  });

  it('parses json and jsonb on the node’s thread exactly as PGlite would have', async () => {
    const r = await thread.query(
      `select '{"a": "Ünïcode \\" q"}'::jsonb as jb, '"text"'::json as s, 'null'::json as jn, null::json as sqlnull, '[1, 2.5, true]'::json as arr,
              json_agg(x) as agg from (values (1, 'one'), (2, null)) as x(n, label)`,
      [],
    );
    expect(r.rows).toEqual([{ jb: { a: 'Ünïcode " q' }, s: 'text', jn: null, sqlnull: null, arr: [1, 2.5, true], agg: [{ n: 1, label: 'one' }, { n: 2, label: null }] }]);
    expect(r.jsonColumns).toEqual(['jb', 's', 'jn', 'sqlnull', 'arr', 'agg']);
  });

  it('keeps PostgreSQL error fields across the thread, and the session usable after', async () => {
    await thread.query('create table t_unique (k text primary key)', []);
    await thread.query('insert into t_unique values ($1)', ['a']);
    const err = await thread.query('insert into t_unique values ($1)', ['a']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(protocol.messages.DatabaseError);
    expect(err).toMatchObject({ code: '23505', constraint: 't_unique_pkey', table: 't_unique', severity: 'ERROR' });
    expect((err as Error).message).toMatch(/duplicate key value/);
    expect((await thread.query('select count(*)::int as n from t_unique', [])).rows).toEqual([{ n: 1 }]);
  });

  it('runs COPY from the text it is given, scripts, and named statements', async () => {
    await thread.query('create table t_copy (a int, b text); create index on t_copy (a)', []);
    const copied = await thread.query('copy t_copy (a, b) from stdin', [], { copy: '1\tone\n2\ttwo\n' });
    expect(copied.affectedRows).toBe(2);
    const named = await thread.query('select b from t_copy where a = $1', [2], { name: 'pontis_test_copy' });
    expect(named.rows).toEqual([{ b: 'two' }]);
    expect((await thread.query('select b from t_copy where a = $1', [1], { name: 'pontis_test_copy' })).rows).toEqual([{ b: 'one' }]);
  });

  it('starts from a dumped data directory', async () => {
    await thread.query('create table t_dump (v text)', []);
    await thread.query(`insert into t_dump values ('kept')`, []);
    const copy = await PGliteThread.start({ loadDataDir: await (await thread.dump()).arrayBuffer() });
    try {
      expect((await copy.query('select v from t_dump', [])).rows).toEqual([{ v: 'kept' }]);
    } finally {
      await copy.close();
    }
  });

  it('refuses work once closed, with a clear error', async () => {
    const other = await PGliteThread.start({});
    await other.close();
    await expect(other.query('select 1', [])).rejects.toThrow(/embedded database is closed/);
  });
});

describe('a process using the embedded store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pontis-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('ends when its work is done, even without closing the store (an idle thread keeps nothing alive)', async () => {
    const script = join(dir, 'open.mts');
    const database = pathToFileURL(resolve('src/store/database.ts')).href;
    writeFileSync(
      script,
      `import { openDatabase } from ${JSON.stringify(database)};
       const db = await openDatabase({ dataDir: ${JSON.stringify(join(dir, 'data'))} });
       const [row] = await db.query('select count(*)::int as n from schema_migrations');
       console.log('migrations', row.n > 0);`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [resolve('bin/run-ts.js'), script], { timeout: 60_000 });
    expect(stdout.trim()).toBe('migrations true');
  }, 90_000);
});
