import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { AutoAnalyze } from './pglite-analyze.ts';

let pg: PGlite;

beforeAll(async () => {
  pg = await PGlite.create();
});

afterAll(async () => {
  await pg.close();
});

const exclusive = (fn: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<void>) =>
  fn(async (sql) => (await pg.query<Record<string, unknown>>(sql)).rows);

const reltuples = async (table: string) => (await pg.query<{ n: number }>(`select reltuples::int as n from pg_class where relname = $1`, [table])).rows[0]!.n;

// Statistics reach the shared counters when the session is idle, at most once a second unless forced.
const flushStats = async () => {
  await pg.query('select pg_stat_force_next_flush()');
  await pg.query('select 1');
};

describe('AutoAnalyze (PGlite has no autovacuum)', () => {
  it('analyzes tables that have rows but no statistics, then only those changed beyond the threshold', async () => {
    await pg.exec(`create table "Mixed Case" (n int); create table steady (n int); create table untouched (n int);
      insert into "Mixed Case" select generate_series(1, 1000); insert into steady select generate_series(1, 1000);`);
    await flushStats();
    const analyze = new AutoAnalyze(exclusive);
    expect(await analyze.check()).toEqual(['public."Mixed Case"', 'public.steady']);
    expect(await reltuples('Mixed Case')).toBe(1000);
    expect(await reltuples('untouched')).toBe(-1);
    await flushStats();
    expect(await analyze.check()).toEqual([]);
    // 50 + 10 % of 1000 = 150 changes are tolerated; 151 are not.
    await pg.exec('insert into steady select generate_series(1, 150); insert into "Mixed Case" select generate_series(1, 151);');
    await flushStats();
    expect(await analyze.check()).toEqual(['public."Mixed Case"']);
    expect(await reltuples('Mixed Case')).toBe(1151);
  });

  it('on its first check finds tables never analyzed even without change counts (they start at zero in each session)', async () => {
    await pg.exec('create table few (n int); insert into few values (1), (2), (3);');
    await flushStats();
    const running = new AutoAnalyze(exclusive);
    await running.check();
    await pg.exec('create table later (n int); insert into later values (1), (2), (3);');
    await flushStats();
    expect(await running.check()).toEqual([]); // 3 changes are below the threshold
    expect(await new AutoAnalyze(exclusive).check()).toEqual(['public.later']);
    expect(await reltuples('later')).toBe(3);
  });

  it('checks at most once per interval and not after stop()', async () => {
    let now = 0;
    let checks = 0;
    const analyze = new AutoAnalyze(
      (fn) =>
        exclusive((run) =>
          fn((sql) => {
            if (sql.startsWith('select')) checks++;
            return run(sql);
          }),
        ),
      10_000,
      () => now,
    );
    analyze.poke();
    analyze.poke(); // one is running
    await analyze.idle();
    expect(checks).toBe(1);
    now = 9_999;
    analyze.poke(); // too soon
    await analyze.idle();
    expect(checks).toBe(1);
    now = 10_000;
    analyze.poke();
    await analyze.stop(); // waits for the running check
    expect(checks).toBe(2);
    now = 50_000;
    analyze.poke();
    await analyze.idle();
    expect(checks).toBe(2);
  });

  it('analyzes one table at a time, and waits longer after a long ANALYZE, keeping to its share of the time', async () => {
    await pg.exec('create table grown (n int); create table grown_too (n int); insert into grown select generate_series(1, 500); insert into grown_too select generate_series(1, 500);');
    await flushStats();
    let now = 0;
    let checks = 0;
    const analyzed: string[] = [];
    const analyze = new AutoAnalyze(
      (fn) =>
        exclusive((run) =>
          fn(async (sql) => {
            if (sql.startsWith('select')) checks++;
            if (sql.startsWith('analyze')) {
              analyzed.push(sql);
              now += 1_000; // as if each took 1 s
            }
            return run(sql);
          }),
        ),
      10_000,
      () => now,
    );
    analyze.poke();
    await analyze.idle();
    expect(analyzed).toEqual(['analyze public.grown', 'analyze public.grown_too']);
    expect(now).toBe(2_000);
    now = 2_000 + 39_999; // 2 s / 5 % = 40 s after it finished
    analyze.poke();
    await analyze.idle();
    expect(checks).toBe(1);
    now = 2_000 + 40_000;
    analyze.poke();
    await analyze.stop();
    expect(checks).toBe(2);
  });
});
