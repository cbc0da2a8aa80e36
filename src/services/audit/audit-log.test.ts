import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery } from '../../store/database.ts';
import { withAuditAppend } from './audit-log.ts';

describeEachEngine('a write and its audit entry in one statement', (getDb) => {
  it('stores both, or neither when the write fails', async () => {
    const { db } = getDb();
    await sql`create table audited_probe (id int primary key)`.execute(db);
    const statement = withAuditAppend('insert into audited_probe (id) values ($1)', '$2');
    const pending = async () => (await rawQuery<{ n: number }>(db, 'select count(*)::int as n from audit_pending'))[0]!.n;
    const before = await pending();
    await rawQuery(db, statement, [1, '{"v":1,"action":"probe"}']);
    expect(await pending()).toBe(before + 1);
    await expect(rawQuery(db, statement, [1, '{"v":1,"action":"probe again"}'])).rejects.toMatchObject({ code: '23505' });
    expect(await pending()).toBe(before + 1);
    expect(await rawQuery(db, 'select id from audited_probe')).toEqual([{ id: 1 }]);
  });
});
