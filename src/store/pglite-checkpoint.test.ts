import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutoCheckpoint, checkpointDueSql } from './pglite-checkpoint.ts';
import { PGliteThread } from './pglite-thread.ts';

describe('checkpoints of the embedded store', () => {
  let thread: PGliteThread;
  const run = async (sql: string) => (await thread.query(sql, [])).rows as Record<string, unknown>[];
  beforeAll(async () => {
    thread = await PGliteThread.start({});
  });
  afterAll(async () => {
    await thread.close();
  });

  it('checkpoints once the WAL outgrows its limit, so the WAL stops growing', async () => {
    const auto = new AutoCheckpoint((fn) => fn(run), 0, () => 0, checkpointDueSql('24MB'));
    const walFiles = async () => Number((await run('select count(*) as n from pg_ls_waldir()'))[0]!.n);
    // About 110 MB of WAL per fill, beyond min_wal_size (80 MB), rows just below the size TOAST would compress.
    const fill = () => run(`insert into filler select g, repeat(md5(g::text), 56) from generate_series(1, 60000) g`);
    await run('create table filler (g int, pad text)');
    await run('checkpoint');
    expect(await auto.check()).toBe(false);
    await fill();
    expect(await auto.check()).toBe(true);
    const [{ written }] = (await run(`select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), redo_lsn)::float8 as written from pg_control_checkpoint()`)) as { written: number }[];
    expect(written).toBeLessThan(1 << 20);
    expect(await auto.check()).toBe(false);
    const afterFirst = await walFiles();
    // Another fill reuses the segments the checkpoint released instead of adding seven more.
    await fill();
    expect(await auto.check()).toBe(true);
    expect(await walFiles()).toBeLessThanOrEqual(afterFirst + 1);
  });

  it('uses PostgreSQL’s max_wal_size by default, and refuses a size it cannot read', async () => {
    const [row] = await run(checkpointDueSql());
    expect(row).toEqual({ due: false });
    expect(() => checkpointDueSql('1GB; drop table x')).toThrow(/not a WAL size/);
  });
});
