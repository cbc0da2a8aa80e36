// PGlite runs no autovacuum, so nothing ever ANALYZEd the embedded store:
// every table kept the planner's defaults (reltuples -1, 490-row guesses),
// which made plans both slower to make (the search's lookup: ~5 ms planning
// instead of ~1) and worse to run (~3 ms instead of ~0.7). This does the
// analyze half of autovacuum's job, with its default thresholds: a table is
// analyzed once it has rows but was never analyzed, or once more than
// 50 + 10 % of its rows changed since. The check runs between callers at
// most every interval; the counters come from PostgreSQL's own statistics.
// Unlike autovacuum it holds the only session while it works, so it also
// keeps to a share of the time: after an ANALYZE of d ms the next check waits
// at least d / ANALYZE_TIME_SHARE (a bulk import into a growing store would
// otherwise re-analyze every table at every check: +13 % CPU at 100,000
// persons; stale statistics of a smaller table still plan well, since the
// planner scales row counts by the table's current size).

import { BetweenCallers, type Exclusive } from './between-callers.ts';

export const ANALYZE_INTERVAL_MS = 10_000;
export const ANALYZE_TIME_SHARE = 0.05;

/**
 * Tables due for ANALYZE, as quoted names. The change counters start at zero
 * in each session, so the first check also looks for tables with rows that
 * were never analyzed; it asks their sizes of the file system, which costs
 * tens of milliseconds under PGlite, hence only once.
 */
export function tablesDueSql(first: boolean): string {
  return `select format('%I.%I', n.nspname, c.relname) as name
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
 where c.relkind in ('r', 'm') and c.relpersistence = 'p'
   and n.nspname not in ('pg_catalog', 'information_schema')
   and (pg_stat_get_mod_since_analyze(c.oid) > 50 + 0.1 * greatest(c.reltuples, 0)${first ? `
        or (c.reltuples < 0 and pg_relation_size(c.oid) > 0)` : ''})
 order by 1`;
}

export class AutoAnalyze extends BetweenCallers {
  #checked = false;

  constructor(exclusive: Exclusive, intervalMs = ANALYZE_INTERVAL_MS, now?: () => number) {
    super(exclusive, intervalMs, now);
  }

  /**
   * Analyzes the tables that are due now; returns their names. One table at
   * a time, giving the session back in between, so callers waiting behind
   * it wait for one table's ANALYZE at most (about a second for the persons
   * of 100,000), not for all of them.
   */
  async check(): Promise<string[]> {
    let due: string[] = [];
    await this.exclusive(async (run) => {
      if (this.stopped) return;
      due = (await run(tablesDueSql(!this.#checked))).map((r) => String(r.name));
      this.#checked = true;
    });
    let busy = 0;
    for (const table of due) {
      await this.exclusive(async (run) => {
        if (this.stopped) return;
        const started = this.now();
        await run(`analyze ${table}`);
        busy += this.now() - started;
      });
    }
    if (busy > 0) this.notBefore(this.now() + busy / ANALYZE_TIME_SHARE);
    return due;
  }
}
