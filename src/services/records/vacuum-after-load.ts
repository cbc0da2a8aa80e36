// After a bulk load into the embedded store, VACUUM (ANALYZE) the tables it
// filled. PGlite runs no autovacuum, so without it the visibility map of a
// freshly loaded table stays empty and every index-only scan of person_keys
// (the search's candidate lookup) also reads each posting's heap page: at
// 10 million persons that made the person search's p95 142 ms instead of
// 15 ms. It costs about 6 s per million persons, once. PostgreSQL's own
// autovacuum vacuums and analyzes insert-only tables in the background, so a
// PostgreSQL load does not wait for it.
import type { Database } from '../../store/database.ts';
import { timePhase } from './phase-timings.ts';

const LOADED_TABLES = ['persons', 'person_keys', 'identity_documents', 'objects', 'alerts'] as const;

/** True when it vacuumed (embedded), false when the engine does it itself. */
export async function vacuumAfterLoad(database: Database): Promise<boolean> {
  if (database.engine !== 'embedded') return false;
  // One table at a time: VACUUM cannot run inside a transaction block, and a
  // list would be one long statement with no progress between tables.
  for (const table of LOADED_TABLES) await timePhase(`after the load: vacuum ${table}`, () => database.query(`vacuum (analyze) ${table}`));
  return true;
}
