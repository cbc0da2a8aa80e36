// Runs a block of tests once per storage engine: embedded PGlite (in memory)
// and the throwaway PostgreSQL cluster of the test run. Each test file gets
// fresh databases, so files never see each other's rows.
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/store/database.ts';
import { createScratchDatabase } from './postgres-cluster.ts';

export const ENGINES: Engine[] = ['embedded', 'postgres'];

export async function openTestDatabase(engine: Engine): Promise<{ database: Database; dispose(): Promise<void> }> {
  if (engine === 'embedded') {
    const database = await openDatabase({});
    return { database, dispose: () => database.close() };
  }
  const scratch = await createScratchDatabase(inject('postgresUrl'));
  const database = await openDatabase({ url: scratch.url, poolSize: 4 });
  return {
    database,
    async dispose() {
      await database.close();
      await scratch.drop();
    },
  };
}

/**
 * `describeEachEngine('alerts', (getDb) => { it(…, async () => { const db = getDb(); … }) })`
 * opens one database per engine for the whole block.
 */
export function describeEachEngine(name: string, body: (getDatabase: () => Database, engine: Engine) => void): void {
  for (const engine of ENGINES) {
    describe(`${name} [${engine}]`, () => {
      let handle: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(engine);
      });
      afterAll(async () => {
        await handle?.dispose();
      });
      body(() => {
        if (!handle) throw new Error('database not open yet');
        return handle.database;
      }, engine);
    });
  }
}
