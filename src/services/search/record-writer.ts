// Writes a person or object row with its search index (person_keys,
// identity_documents, identifier columns). Used for subjects created inline
// with an alert and by the search fixtures and benchmark. The import area's
// writer (src/services/records/) produces the same rows for bulk imports;
// both derive ids with recordId and keys with the matching engine, so a
// record written either way is found the same way.
import type { Kysely, Transaction } from 'kysely';
import type { PersonRecord } from '../../domain/person.ts';
import type { ObjectRecord } from '../../domain/object.ts';
import { personToMatchRecord } from '../../domain/match-record.ts';
import { blockingKeys } from '../../matching/index.ts';
import { documentNumberKey, normaliseDocumentNumber } from '../../identifiers/index.ts';
import { recordId } from '../../store/ids.ts';
import type { Schema } from '../../store/schema.ts';
import { objectDisplayName, objectIdentifierColumns } from './object-identifiers.ts';

type Executor = Kysely<Schema> | Transaction<Schema>;

export function personDisplayName(p: PersonRecord): string {
  const n = p.names[0];
  const name = [n?.family?.toUpperCase(), n?.given].filter(Boolean).join(', ');
  return p.birthDate ? `${name} (${p.birthDate})` : name;
}

/** Inserts or replaces a person (by source and ref) with its index rows; returns its id. */
export async function writePerson(db: Executor, sourceId: string, p: PersonRecord, now: Date): Promise<string> {
  const id = recordId('person', sourceId, p.ref);
  const row = {
    id,
    source_id: sourceId,
    ref: p.ref,
    record: JSON.stringify(p),
    display_name: personDisplayName(p),
    birth_date: p.birthDate ?? null,
    sex: p.sex ?? null,
    nationalities: p.nationalities ?? [],
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db
    .insertInto('persons')
    .values(row)
    .onConflict((oc) => oc.columns(['source_id', 'ref']).doUpdateSet({ record: row.record, display_name: row.display_name, birth_date: row.birth_date, sex: row.sex, nationalities: row.nationalities, updated_at: now, deleted_at: null }))
    .execute();
  await db.deleteFrom('person_keys').where('person_id', '=', id).execute();
  const keys = blockingKeys(personToMatchRecord(id, p));
  if (keys.length) await db.insertInto('person_keys').values(keys.map((key) => ({ key, person_id: id }))).onConflict((oc) => oc.doNothing()).execute();
  await db.deleteFrom('identity_documents').where('person_id', '=', id).execute();
  const docs = (p.documents ?? []).map((d, position) => {
    const n = normaliseDocumentNumber(d.number);
    const number = n.ok ? n.value : d.number;
    return { person_id: id, position, doc_type: d.type, number, number_key: documentNumberKey(number), issuing_country: d.issuingCountry, expiry: d.expiry ?? null };
  });
  if (docs.length) await db.insertInto('identity_documents').values(docs).execute();
  return id;
}

/** Inserts or replaces an object (by source and ref); returns its id. */
export async function writeObject(db: Executor, sourceId: string, o: ObjectRecord, now: Date): Promise<string> {
  const id = recordId('object', sourceId, o.ref);
  const cols = objectIdentifierColumns(o);
  const row = { id, source_id: sourceId, ref: o.ref, kind: o.kind, ...cols, record: JSON.stringify(o), display_name: objectDisplayName(o), created_at: now, updated_at: now, deleted_at: null };
  await db
    .insertInto('objects')
    .values(row)
    .onConflict((oc) => oc.columns(['source_id', 'ref']).doUpdateSet({ ...cols, kind: o.kind, record: row.record, display_name: row.display_name, updated_at: now, deleted_at: null }))
    .execute();
  return id;
}
