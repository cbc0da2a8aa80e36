import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine } from '../../test/support/databases.ts';
import { arrayLiteral, copyRows, copyText } from './copy.ts';

it('writes COPY text with escapes and NULLs', () => {
  expect(copyText([['a', null, 3], ['tab\there', 'back\\slash', 'line\nbreak\r']])).toBe('a\t\\N\t3\ntab\\there\tback\\\\slash\tline\\nbreak\\r\n');
  expect(copyText([])).toBe('');
  expect(arrayLiteral(['NLD', 'a"b', 'c\\d'])).toBe('{"NLD","a\\"b","c\\\\d"}');
});

describeEachEngine('COPY', (getDb) => {
  it('loads rows with every awkward character exactly as given, inside the transaction', async () => {
    const db = getDb();
    await sql`create table copy_probe (id int primary key, t text, j jsonb, a text[])`.execute(db.db);
    const awkward = 'tab\t nl\n cr\r backslash\\ quote" \\N null-word é 中 😀';
    await db.db.transaction().execute(async (trx) => {
      await copyRows(trx, 'copy_probe', ['id', 't', 'j', 'a'], [
        [1, awkward, JSON.stringify({ s: awkward }), arrayLiteral(['NLD', 'x"y'])],
        [2, null, null, '{}'],
      ]);
      await copyRows(trx, 'copy_probe', ['id'], []);
    });
    const rows = await db.query<{ id: number; t: string | null; j: unknown; a: string[] }>('select id, t, j, a from copy_probe order by id');
    expect(rows).toEqual([
      { id: 1, t: awkward, j: { s: awkward }, a: ['NLD', 'x"y'] },
      { id: 2, t: null, j: null, a: [] },
    ]);
  });

  it('rolls a COPY back with its transaction and reports a constraint violation with its SQLSTATE', async () => {
    const db = getDb();
    await sql`create table copy_probe2 (id int primary key)`.execute(db.db);
    await expect(
      db.db.transaction().execute(async (trx) => {
        await copyRows(trx, 'copy_probe2', ['id'], [[1], [2]]);
        await copyRows(trx, 'copy_probe2', ['id'], [[2]]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await db.query('select id from copy_probe2')).toEqual([]);
    // The connection is usable afterwards.
    await copyRows(db.db, 'copy_probe2', ['id'], [[7]]);
    expect(await db.query('select id from copy_probe2')).toEqual([{ id: 7 }]);
  });

  it('refuses table or column names that are not plain identifiers', async () => {
    await expect(copyRows(getDb().db, 'copy_probe; drop table persons', ['id'], [[1]])).rejects.toThrow(/bad table or column name/);
  });
});
