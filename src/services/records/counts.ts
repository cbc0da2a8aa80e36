// What a write did to each record: new, changed, or already stored as is.
export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export function emptyCounts(): WriteCounts {
  return { inserted: 0, updated: 0, unchanged: 0 };
}

export interface UpsertedRow {
  id: string;
  inserted: boolean;
}

/** Counts from the rows an upsert returned (inserted or changed) out of `total` offered; rows not returned were unchanged. */
export function countUpserts(rows: UpsertedRow[], total: number): WriteCounts {
  let inserted = 0;
  for (const r of rows) if (r.inserted) inserted++;
  return { inserted, updated: rows.length - inserted, unchanged: total - rows.length };
}

// `xmax = 0` holds for a row version this statement inserted, not for one it
// updated: PostgreSQL's documented-by-practice way to tell them apart in
// RETURNING, and it works the same in PGlite.
export const RETURNING_UPSERT = 'returning id::text as id, (xmax = 0) as inserted';

/**
 * The upsert's condition for a changed record (records are json, see
 * migration 0009): the text first, cheap and equal when a file is imported
 * again; then as jsonb, so key order and spacing do not count as a change.
 */
export function recordChanged(table: 'persons' | 'objects' | 'alerts'): string {
  return `${table}.record::text <> excluded.record::text and ${table}.record::jsonb is distinct from excluded.record::jsonb`;
}
