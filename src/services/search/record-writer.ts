// Writes one person or object with its search index through the records
// service (the importer's own preparation and writers), so a subject created
// inline with an alert, a test fixture or a benchmark row is stored and
// indexed exactly as an imported one.
import type { Kysely, Transaction } from 'kysely';
import { ValidationError } from '../../domain/errors.ts';
import type { ObjectRecord } from '../../domain/object.ts';
import type { PersonRecord } from '../../domain/person.ts';
import type { Schema } from '../../store/schema.ts';
import { prepareObject, preparePerson, writeObjects, writePersons } from '../records/index.ts';

type Executor = Kysely<Schema> | Transaction<Schema>;

function inTransaction<T>(db: Executor, fn: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Schema>) : (db as Kysely<Schema>).transaction().execute(fn);
}

const prefixed = (issues: { path: string; message: string }[], prefix: string) => issues.map((i) => ({ path: `${prefix}/${i.path}`, message: i.message }));

/** Inserts or replaces a person (by source and ref) with its index rows; returns its id. Invalid content → ValidationError at `pathPrefix/…`. */
export async function writePerson(db: Executor, sourceId: string, p: PersonRecord, pathPrefix = 'record'): Promise<string> {
  const prepared = preparePerson(sourceId, p);
  if (!prepared.ok) throw new ValidationError('The person is not valid.', prefixed(prepared.issues, pathPrefix));
  await inTransaction(db, (trx) => writePersons(trx, [prepared.value]));
  return prepared.value.id;
}

/** Inserts or replaces an object (by source and ref); returns its id. */
export async function writeObject(db: Executor, sourceId: string, o: ObjectRecord, pathPrefix = 'record'): Promise<string> {
  const prepared = prepareObject(sourceId, o);
  if (!prepared.ok) throw new ValidationError('The object is not valid.', prefixed(prepared.issues, pathPrefix));
  await inTransaction(db, (trx) => writeObjects(trx, [prepared.value]));
  return prepared.value.id;
}
