// Applies the SQL migrations in src/store/migrations in file-name order, each
// in its own transaction, recording what ran. Plain SQL files are the one
// schema both engines share; nothing engine-specific lives in them.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: string;
  sql: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(dir, f), 'utf8') }));
}

export async function runMigrations(database: Database, migrations = listMigrations()): Promise<string[]> {
  const { db } = database;
  await sql`create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())`.execute(db);
  const applied: string[] = [];
  for (const m of migrations) {
    await db.transaction().execute(async (trx) => {
      // Two node processes starting at once against one PostgreSQL must not both migrate.
      if (database.engine === 'postgres') await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
      const done = await sql<{ n: number }>`select count(*)::int as n from schema_migrations where version = ${m.version}`.execute(trx);
      if (done.rows[0]!.n > 0) return;
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migrations (version) values (${m.version})`.execute(trx);
      applied.push(m.version);
    });
  }
  return applied;
}
