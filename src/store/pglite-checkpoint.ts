// PGlite runs PostgreSQL as a single process, without the checkpointer:
// PostgreSQL asks for a checkpoint when the WAL outgrows max_wal_size only
// when it runs under a postmaster, so the embedded store checkpointed only
// when it was closed. Its WAL grew by everything ever written (15 GB of WAL
// beside 20 GB of data, two thirds into a 10-million-person import), and a
// node killed after a day's work would replay all of it on its next start.
// This does the checkpointer's job between callers, with PostgreSQL's own
// settings: a checkpoint once the WAL since the last one exceeds
// max_wal_size, or once checkpoint_timeout has passed with more than a WAL
// segment written. A checkpoint lets PostgreSQL remove the WAL before it.

import { BetweenCallers, type Exclusive } from './between-callers.ts';

export const CHECKPOINT_INTERVAL_MS = 10_000;

/**
 * Whether a checkpoint is due, by PostgreSQL's own max_wal_size (or the size
 * given, such as '32MB') and checkpoint_timeout.
 */
export function checkpointDueSql(maxWalSize?: string): string {
  if (maxWalSize !== undefined && !/^\d+(kB|MB|GB)$/.test(maxWalSize)) throw new Error(`not a WAL size: ${maxWalSize}`);
  const limit = maxWalSize ? `pg_size_bytes('${maxWalSize}')` : `pg_size_bytes(current_setting('max_wal_size'))`;
  return `select coalesce(w.written > ${limit}
         or (w.written > pg_size_bytes(current_setting('wal_segment_size'))
             and c.checkpoint_time < now() - current_setting('checkpoint_timeout')::interval), false) as due
  from pg_control_checkpoint() c,
       lateral (select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), c.redo_lsn) as written) w`;
}

export class AutoCheckpoint extends BetweenCallers {
  constructor(
    exclusive: Exclusive,
    intervalMs = CHECKPOINT_INTERVAL_MS,
    now?: () => number,
    private readonly dueSql = checkpointDueSql(),
  ) {
    super(exclusive, intervalMs, now);
  }

  /** Checkpoints if one is due; says whether it did. */
  async check(): Promise<boolean> {
    let done = false;
    await this.exclusive(async (run) => {
      if (this.stopped) return;
      const [row] = await run(this.dueSql);
      if (row?.due !== true) return;
      await run('checkpoint');
      done = true;
    });
    return done;
  }
}
