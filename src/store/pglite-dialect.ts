// A Kysely dialect for PGlite (PostgreSQL compiled to WebAssembly, in-process).
// PGlite is one session, so the driver hands out that single connection to
// one caller at a time: a transaction holds it until COMMIT/ROLLBACK, and
// every other query waits. No published dialect supports PGlite 0.5 yet.
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
  constructor(private readonly pg: PGlite) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const copy = copyPayload(q.sql, q.parameters);
    if (copy) {
      // PGlite reads COPY input from its virtual /dev/blob device.
      const res = await this.pg.query(q.sql.replace(/\bfrom\s+stdin\s*$/i, "from '/dev/blob'"), [], { blob: new Blob([copy.text]) });
      return { rows: [], numAffectedRows: res.affectedRows !== undefined ? BigInt(res.affectedRows) : undefined };
    }
    // Parameterless SQL may hold several statements (migrations): PGlite's
    // extended-protocol query() takes only one, exec() takes a script.
    const res = q.parameters.length === 0 && q.sql.includes(';')
      ? ((await this.pg.exec(q.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
      : await this.pg.query<R>(q.sql, q.parameters as unknown[]);
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
  constructor(pg: PGlite) {
    this.#conn = new PGliteConnection(pg);
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
  }
  async destroy(): Promise<void> {}
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
