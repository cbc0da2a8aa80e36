// Public API of the records service: preparing validated domain records for
// storage, writing them in batches, and reading them back.
export type { Prepared, PreparedPerson, PreparedObject, PreparedAlert, PreparedDocument, PreparedAuthority, PreparedSource } from './prepared.ts';
export { preparePerson, personDisplayName } from './prepare-person.ts';
export { prepareObject } from './prepare-object.ts';
export { prepareAlert } from './prepare-alert.ts';
export { writeRecordBatch, emptyBatch, batchSize, type RecordBatch, type RecordType, type BatchOutcome } from './write-batch.ts';
export { writePersons } from './write-persons.ts';
export { writeObjects } from './write-objects.ts';
export { writeAlerts, type AlertWriteResult } from './write-alerts.ts';
export { writeAuthorities, writeSources } from './write-registry.ts';
export type { WriteCounts } from './counts.ts';
export { getPerson, getObject, listSources, sourceOfRecord, type PersonView, type ObjectView, type SourceSummary, type SourceWithCounts, type AlertOnRecord } from './read.ts';
export { isRealDate } from './checks.ts';
export { dropBulkLoadIndexes, ensureBulkLoadIndexes } from './key-indexes.ts';
