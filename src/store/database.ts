// Opens the node's database: embedded PGlite in a data directory by default
// (in a thread of its own, pglite-thread.ts),
// PostgreSQL when a URL is given. Both run the same SQL migrations and are
// configured to hand back the same JavaScript types, so everything above the
// store behaves identically on both (the storage tests run against both).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyPayload } from './copy-data.ts';
import { CompiledQuery, Kysely, PostgresDialect, type Transaction } from 'kysely';
import { PGliteDialect } from './pglite-dialect.ts';
import { PGliteThread } from './pglite-thread.ts';
import { preparedName } from './prepared.ts';
import { listMigrations, runMigrations } from './migrate.ts';
import type { Schema } from './schema.ts';

export type Engine = 'embedded' | 'postgres';

export interface DatabaseOptions {
  /** PostgreSQL URL (postgres://…). When absent the embedded engine is used. */
  url?: string;
  /** Directory for the embedded engine; omitted = in memory (tests). */
  dataDir?: string;
  /** Run migrations on open (default true). */
  migrate?: boolean;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
  /**
   * The embedded engine's page cache (PostgreSQL's shared_buffers) for a
   * store in a data directory when PONTIS_EMBEDDED_SHARED_BUFFERS sets none;
   * default 1GB. In-memory stores keep PGlite's 128MB.
   */
  sharedBuffers?: string;
}

/**
 * The embedded page cache of a data-directory store. Each page a search
 * misses is a file read through PGlite's file layer (about 6 µs), and a
 * person search at 10 million persons reads some 150 records at random: 1 GB
 * instead of 128 MB took the database thread from 3.2 to 2.7 ms per mixed
 * search (288 → 334 searches/s, docs/benchmarks.md). PGlite's 32-bit memory
 * holds 1.5 GB at most; 2 GB does not start. Memory is taken as pages are
 * read, so a small store stays small.
 */
export const EMBEDDED_SHARED_BUFFERS = '1GB';

/** A shared_buffers size the embedded engine can start with: 16MB to 1536MB, given as kB, MB or GB. */
export function embeddedSharedBuffers(value: string | undefined): string {
  const v = (value ?? EMBEDDED_SHARED_BUFFERS).trim();
  const m = /^(\d+)(kB|MB|GB)$/.exec(v);
  const mb = m ? Number(m[1]) * { kB: 1 / 1024, MB: 1, GB: 1024 }[m[2] as 'kB' | 'MB' | 'GB'] : NaN;
  if (!(mb >= 16 && mb <= 1536)) throw new Error(`PONTIS_EMBEDDED_SHARED_BUFFERS must be a size from 16MB to 1536MB such as 512MB or 1GB, got "${value}"`);
  return v;
}

export interface Database {
  readonly engine: Engine;
  readonly db: Kysely<Schema>;
  /** Raw parameterised SQL for hot paths; parameters are never interpolated. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Embedded only: the whole data directory as a tarball (for templates). */
  dumpTemplate?: () => Promise<Blob | File>;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

// pg returns int8 as string and `date` as a local-time Date; PGlite differs.
// Pin both to: int8 → number (ids and counts stay far below 2^53), date → 'YYYY-MM-DD'.
pg.types.setTypeParser(INT8, (v: string) => Number(v));
pg.types.setTypeParser(DATE, (v: string) => v);
pg.types.setTypeParser(NUMERIC, (v: string) => Number(v));

export async function openDatabase(opts: DatabaseOptions = {}): Promise<Database> {
  if (!opts.url && !opts.dataDir && opts.migrate !== false) return openMigratedInMemory();
  const database = opts.url
    ? await openPostgres(opts.url, opts.poolSize ?? 10)
    : await openEmbedded({ dataDir: opts.dataDir, sharedBuffers: opts.dataDir ? embeddedSharedBuffers(process.env.PONTIS_EMBEDDED_SHARED_BUFFERS ?? opts.sharedBuffers) : undefined });
  if (opts.migrate !== false) await runMigrations(database);
  return database;
}

/**
 * In-memory stores (tests, benchmarks) start from a migrated template kept in
 * the temp directory per migration set: loading it is several times faster
 * than initdb plus every migration, and the result is the same database.
 */
async function openMigratedInMemory(): Promise<Database> {
  const key = createHash('sha256').update(listMigrations().map((m) => m.version + '\0' + m.sql).join('\0')).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `pontis-pglite-template-${key}.tar`);
  if (existsSync(file)) {
    try {
      const database = await openEmbedded({ loadDataDir: new Blob([readFileSync(file)]) });
      await runMigrations(database); // a no-op unless the template is stale
      return database;
    } catch {
      rmSync(file, { force: true }); // unreadable template: rebuild below
    }
  }
  const database = await openEmbedded({});
  await runMigrations(database);
  const dump = await database.dumpTemplate!();
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file); // atomic: concurrent test workers never read half a file
  return database;
}

async function openEmbedded(opts: { dataDir?: string; loadDataDir?: Blob; sharedBuffers?: string }): Promise<Database> {
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const thread = await PGliteThread.start({ dataDir: opts.dataDir, loadDataDir: await opts.loadDataDir?.arrayBuffer(), sharedBuffers: opts.sharedBuffers });
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(thread) });
  return {
    engine: 'embedded',
    db,
    query: (text, params) => rawQuery(db, text, params),
    dumpTemplate: () => thread.dump(),
    async close() {
      await db.destroy();
      await thread.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection (server restart, admin termination) must
  // not crash the node; the pool replaces it on the next checkout.
  pool.on('error', (err) => process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'warn', msg: 'idle PostgreSQL connection lost', error: err.message }) + '\n'));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: copyCapablePool(pool) }) });
  return {
    engine: 'postgres',
    db,
    query: (text, params) => rawQuery(db, text, params),
    async close() {
      await db.destroy();
    },
  };
}

type PoolClient = pg.PoolClient;

/** Marks a statement text as hot: both engines run it as a named statement (src/store/prepared.ts). */
export { prepared } from './prepared.ts';

/**
 * Kysely hands every query to client.query(sql, params); a query carrying
 * CopyData (src/store/copy.ts) is streamed with COPY … FROM STDIN instead,
 * and a statement marked with prepared() runs as a named statement.
 */
function copyCapablePool(pool: pg.Pool) {
  const wrap = (client: PoolClient) =>
    new Proxy(client, {
      get(target, prop, receiver) {
        if (prop !== 'query') return Reflect.get(target, prop, receiver);
        return (sql: unknown, params?: unknown[]) => {
          const copy = typeof sql === 'string' && params ? copyPayload(sql, params) : undefined;
          if (!copy) {
            const name = typeof sql === 'string' ? preparedName(sql) : undefined;
            if (name) return target.query({ name, text: sql as string, values: params });
            return (target.query as (...a: unknown[]) => unknown)(sql, params);
          }
          return new Promise((resolve, reject) => {
            const stream = target.query(copyFrom(sql as string));
            stream.on('error', reject);
            stream.on('finish', () => resolve({ command: 'COPY', rowCount: stream.rowCount, rows: [] }));
            stream.end(copy.text);
          });
        };
      },
    });
  return {
    connect: async () => wrap(await pool.connect()),
    end: () => pool.end(),
  };
}

/**
 * Raw parameterised SQL on the database or inside a transaction (hot paths and
 * bulk `unnest` inserts). Goes through Kysely so that on the embedded engine
 * it waits its turn on the single PGlite session.
 */
export async function rawQuery<T = Record<string, unknown>>(
  executor: Kysely<Schema> | Transaction<Schema>,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const r = await executor.executeQuery<T>(CompiledQuery.raw(text, params));
  return r.rows;
}
