// A Kysely dialect for PGlite (PostgreSQL compiled to WebAssembly, in-process).
// PGlite is one session, so the driver hands out that single connection to
// one caller at a time: a transaction holds it until COMMIT/ROLLBACK, and
// every other query waits. No published dialect supports PGlite 0.5 yet.
// Between callers it keeps the planner's statistics current, since PGlite
// has no autovacuum (pglite-analyze.ts).
import type { PGlite } from '@electric-sql/pglite';
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
import { PGliteStatements } from './pglite-statements.ts';
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

class PGliteConnection implements DatabaseConnection {
  // Not a #private field: callers get Object.create() wrappers of this connection (see acquireConnection).
  readonly statements: PGliteStatements;
  constructor(private readonly pg: PGlite) {
    this.statements = new PGliteStatements(pg);
  }
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const copy = copyPayload(q.sql, q.parameters);
    if (copy) {
      // PGlite reads COPY input from its virtual /dev/blob device.
      const res = await this.pg.query(q.sql.replace(/\bfrom\s+stdin\s*$/i, "from '/dev/blob'"), [], { blob: new Blob([copy.text]) });
      return { rows: [], numAffectedRows: res.affectedRows !== undefined ? BigInt(res.affectedRows) : undefined };
    }
    // Statements marked prepared() run under their name (pglite-statements.ts).
    // Parameterless SQL may hold several statements (migrations): the
    // extended protocol takes only one, exec() takes a script.
    const name = preparedName(q.sql);
    const res = name
      ? await this.statements.named(name, q.sql, q.parameters)
      : q.parameters.length === 0 && q.sql.includes(';')
        ? ((await this.pg.exec(q.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.statements.unnamed(q.sql, q.parameters);
    const affected = res.affectedRows;
    return { rows: res.rows as R[], numAffectedRows: affected !== undefined ? BigInt(affected) : undefined };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(q: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const res = await this.executeQuery<R>(q);
    yield res;
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  #releases = new WeakMap<DatabaseConnection, () => void>();
  readonly #conn: PGliteConnection;
  readonly #analyze: AutoAnalyze | undefined;
  constructor(pg: PGlite, opts: PGliteDialectOptions) {
    this.#conn = new PGliteConnection(pg);
    const interval = opts.analyzeIntervalMs ?? ANALYZE_INTERVAL_MS;
    this.#analyze = interval > 0 ? new AutoAnalyze((fn) => this.#exclusive(fn), interval) : undefined;
  }
  async #exclusive(fn: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<void>): Promise<void> {
    const release = await this.#mutex.lock();
    try {
      await fn(async (sql) => (await this.#conn.statements.unnamed(sql, [])).rows as Record<string, unknown>[]);
    } finally {
      release();
    }
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock();
    // A fresh wrapper per acquisition so releases never cross callers.
    const c = Object.create(this.#conn) as PGliteConnection;
    this.#releases.set(c, release);
    return c;
  }
  async beginTransaction(c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
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
    this.#releases.get(c)?.();
    this.#releases.delete(c);
    this.#analyze?.poke();
  }
  async destroy(): Promise<void> {
    await this.#analyze?.stop();
  }
}

export interface PGliteDialectOptions {
  /** How often at most to look for tables due for ANALYZE (pglite-analyze.ts); 0 turns it off. */
  analyzeIntervalMs?: number;
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly pg: PGlite,
    private readonly opts: PGliteDialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.opts);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
