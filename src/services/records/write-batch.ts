// Writes one batch of prepared records inside the caller's transaction, in
// the order foreign keys need: authorities, sources, persons (with documents
// and keys), objects, alerts.
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { emptyCounts, type WriteCounts } from './counts.ts';
import type { PreparedAlert, PreparedAuthority, PreparedObject, PreparedPerson, PreparedSource } from './prepared.ts';
import { writeAuthorities, writeSources } from './write-registry.ts';
import { writePersons } from './write-persons.ts';
import { writeObjects } from './write-objects.ts';
import { writeAlerts } from './write-alerts.ts';
import type { WriteOptions } from './write-options.ts';

export interface RecordBatch {
  authorities: PreparedAuthority[];
  sources: PreparedSource[];
  persons: PreparedPerson[];
  objects: PreparedObject[];
  alerts: PreparedAlert[];
}

export type RecordType = 'authority' | 'source' | 'person' | 'object' | 'alert';

export interface BatchOutcome {
  counts: Record<RecordType, WriteCounts>;
  /** Alerts refused because the person or object they are on is not stored. */
  missingSubject: PreparedAlert[];
}

export function emptyBatch(): RecordBatch {
  return { authorities: [], sources: [], persons: [], objects: [], alerts: [] };
}

export function batchSize(b: RecordBatch): number {
  return b.authorities.length + b.sources.length + b.persons.length + b.objects.length + b.alerts.length;
}

/** Milliseconds spent per record type, summed over all batches of the process (for benchmarks). */
export const writeTimings: Record<RecordType, number> = { authority: 0, source: 0, person: 0, object: 0, alert: 0 };

async function timed<T>(type: RecordType, f: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await f();
  } finally {
    writeTimings[type] += performance.now() - t;
  }
}

/** Records within one batch must have distinct ids per type. */
export async function writeRecordBatch(trx: Transaction<Schema>, batch: RecordBatch, opts: WriteOptions = {}): Promise<BatchOutcome> {
  const counts: Record<RecordType, WriteCounts> = {
    authority: batch.authorities.length ? await writeAuthorities(trx, batch.authorities) : emptyCounts(),
    source: batch.sources.length ? await writeSources(trx, batch.sources) : emptyCounts(),
    person: await timed('person', () => writePersons(trx, batch.persons, opts)),
    object: await timed('object', () => writeObjects(trx, batch.objects, opts)),
    alert: emptyCounts(),
  };
  const alerts = await timed('alert', () => writeAlerts(trx, batch.alerts, opts));
  counts.alert = { inserted: alerts.inserted, updated: alerts.updated, unchanged: alerts.unchanged };
  return { counts, missingSubject: alerts.missingSubject };
}
