import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery } from '../../store/database.ts';
import { canSkipRowChecks, skipRowChecksInTransaction, verifyReferences } from './bulk-checks.ts';

describeEachEngine('row checks during a bulk load', (getDb) => {
  it('are off only inside the batch transaction, and the set-wise check afterwards finds what they would have refused', async () => {
    const database = getDb();
    const { db } = database;
    expect(await canSkipRowChecks(database)).toBe(true); // PGlite, and the test cluster's superuser
    await verifyReferences(db); // an empty store is consistent
    await db.transaction().execute(async (trx) => {
      await skipRowChecksInTransaction(trx);
      await rawQuery(trx, `insert into persons (id, source_id, ref, record, display_name) values ('00000000-0000-5000-8000-0000000000aa', 'no-such.source', 'R1', '{}', 'x')`);
    });
    await expect(verifyReferences(db)).rejects.toThrow(/1 persons without their source/);
    // Outside such a transaction the foreign key is enforced as always.
    await expect(rawQuery(db, `insert into persons (id, source_id, ref, record, display_name) values ('00000000-0000-5000-8000-0000000000ab', 'no-such.source', 'R2', '{}', 'x')`)).rejects.toMatchObject({ code: '23503' });
    await rawQuery(db, `delete from persons`);
    await verifyReferences(db);
  });
});
