// A Kysely dialect for the embedded engine: PGlite (PostgreSQL compiled to
// WebAssembly) in a thread of its own (pglite-thread.ts). PGlite is one
// session, so the driver hands out that single connection to one caller at a
// time: a transaction holds it until COMMIT/ROLLBACK, and every other query
// waits (for a single statement only until it is posted, see PGliteSession).
// No published dialect supports PGlite 0.5 yet. Between callers it does what
// PostgreSQL's background processes would: planner statistics
// (pglite-analyze.ts) and checkpoints (pglite-checkpoint.ts).
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { copyPayload } from './copy-data.ts';
import { ANALYZE_INTERVAL_MS, AutoAnalyze } from './pglite-analyze.ts';
import { AutoCheckpoint, CHECKPOINT_INTERVAL_MS } from './pglite-checkpoint.ts';
import type { Exclusive } from './between-callers.ts';
import type { PGliteThread } from './pglite-thread.ts';
import { preparedName } from './prepared.ts';

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

/** Runs a statement on the database thread: posted at once, answered in the order posted. */
function send(thread: PGliteThread, q: CompiledQuery): Promise<QueryResult<never>> {
  const copy = copyPayload(q.sql, q.parameters);
  // Statements marked prepared() run under their name (pglite-statements.ts).
  const pending = copy ? thread.query(q.sql, [], { copy: copy.text }) : thread.query(q.sql, q.parameters, { name: preparedName(q.sql) });
  return pending.then((res) => ({ rows: res.rows as never[], numAffectedRows: res.affectedRows !== undefined ? BigInt(res.affectedRows) : undefined }));
}

/**
 * One caller's hold on the session. A transaction keeps it until COMMIT or
 * ROLLBACK. A single statement gives it up as soon as the statement is
 * posted: the database thread runs statements in the order they arrive, so
 * the next caller's statements (even its BEGIN) run after this one, and the
 * thread starts on them at once instead of idling until the node's thread,
 * busy scoring another search, has taken this answer and passed the session
 * on (at 10 M persons that idling held the database thread to three quarters
 * of its time).
 */
class PGliteSession implements DatabaseConnection {
  #transaction = false;
  #release: (() => void) | undefined;
  constructor(
    private readonly thread: PGliteThread,
    release: () => void,
  ) {
    this.#release = release;
  }
  beginTransaction(): void {
    this.#transaction = true;
  }
  /** Gives the session to the next caller; only the first call counts. */
  release(): void {
    this.#release?.();
    this.#release = undefined;
  }
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const pending = send(this.thread, q);
    if (!this.#transaction) this.release();
    return (await pending) as QueryResult<R>;
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(q);
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #thread: PGliteThread;
  readonly #analyze: AutoAnalyze | undefined;
  readonly #checkpoint: AutoCheckpoint | undefined;
  /** Housekeeping holds the session like a transaction, for several statements. */
  readonly #exclusive: Exclusive = async (fn) => {
    const release = await this.#mutex.lock();
    try {
      await fn(async (sql) => (await send(this.#thread, CompiledQuery.raw(sql))).rows as Record<string, unknown>[]);
    } finally {
      release();
    }
  };
  constructor(thread: PGliteThread, opts: PGliteDialectOptions) {
    this.#thread = thread;
    const interval = opts.analyzeIntervalMs ?? ANALYZE_INTERVAL_MS;
    this.#analyze = interval > 0 ? new AutoAnalyze(this.#exclusive, interval) : undefined;
    const checkpoints = opts.checkpointIntervalMs ?? CHECKPOINT_INTERVAL_MS;
    this.#checkpoint = checkpoints > 0 ? new AutoCheckpoint(this.#exclusive, checkpoints) : undefined;
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    return new PGliteSession(this.#thread, await this.#mutex.lock());
  }
  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    (c as PGliteSession).beginTransaction();
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await c.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }
  async commitTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('commit'));
  }
  async rollbackTransaction(c: DatabaseConnection): Promise<void> {
    await c.executeQuery(CompiledQuery.raw('rollback'));
  }
  async releaseConnection(c: DatabaseConnection): Promise<void> {
    (c as PGliteSession).release();
    this.#analyze?.poke();
    this.#checkpoint?.poke();
  }
  async destroy(): Promise<void> {
    await this.#analyze?.stop();
    await this.#checkpoint?.stop();
  }
}

export interface PGliteDialectOptions {
  /** How often at most to look for tables due for ANALYZE (pglite-analyze.ts); 0 turns it off. */
  analyzeIntervalMs?: number;
  /** How often at most to look whether a checkpoint is due (pglite-checkpoint.ts); 0 turns it off. */
  checkpointIntervalMs?: number;
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly thread: PGliteThread,
    private readonly opts: PGliteDialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.thread, this.opts);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
