// Writes a batch of persons with one statement per table: persons upserted
// by their (source, ref)-derived id, and for the new or changed ones only,
// their identity documents and blocking keys replaced. Unchanged persons
// cost one comparison and nothing else, which makes re-imports cheap.
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import { countUpserts, RETURNING_UPSERT, recordChanged, type UpsertedRow, type WriteCounts } from './counts.ts';
import { textColumn, unnestColumns } from './columns.ts';
import type { PreparedPerson } from './prepared.ts';
import { copyRows } from '../../store/copy.ts';
import { DOCUMENT_COPY_COLUMNS, KEY_COPY_COLUMNS, PERSON_COPY_COLUMNS, personCopyText } from './person-copy.ts';
import { copyIfAllNew } from './copy-fresh.ts';
import type { WriteOptions } from './write-options.ts';

const UPSERT_PERSONS = `
insert into persons (id, source_id, ref, record, display_name, birth_date, sex, nationalities)
select t.id::uuid, t.source_id, t.ref, t.record::json, t.display_name, t.birth_date, t.sex, string_to_array(t.nationalities, ',')
from ${unnestColumns(8)} as t(id, source_id, ref, record, display_name, birth_date, sex, nationalities)
on conflict (id) do update set
  record = excluded.record, display_name = excluded.display_name, birth_date = excluded.birth_date,
  sex = excluded.sex, nationalities = excluded.nationalities, updated_at = now()
where ${recordChanged('persons')}
${RETURNING_UPSERT}`;

const INSERT_DOCUMENTS = `
insert into identity_documents (person_id, position, doc_type, number, number_key, issuing_country, expiry)
select t.person_id::uuid, t.position::int, t.doc_type, t.number, t.number_key, t.issuing_country, t.expiry::date
from ${unnestColumns(7)} as t(person_id, position, doc_type, number, number_key, issuing_country, expiry)`;

// Keys of one person travel in one value, separated by U+001D.
const INSERT_KEYS = `
insert into person_keys (key, person_id)
select k.key, t.person_id::uuid
from ${unnestColumns(2)} as t(person_id, keys), unnest(string_to_array(t.keys, chr(29))) as k(key)`;

/** Persons must have distinct ids within one call (the caller splits batches on a repeated ref). */
export async function writePersons(trx: Transaction<Schema>, persons: PreparedPerson[], opts: WriteOptions = {}): Promise<WriteCounts> {
  if (!persons.length) return { inserted: 0, updated: 0, unchanged: 0 };
  if (opts.fresh && (await copyNewPersons(trx, persons))) return { inserted: persons.length, updated: 0, unchanged: 0 };
  const rows = await rawQuery<UpsertedRow>(trx, UPSERT_PERSONS, [
    persons.length,
    textColumn(persons.map((p) => p.id)),
    textColumn(persons.map((p) => p.sourceId)),
    textColumn(persons.map((p) => p.ref)),
    textColumn(persons.map((p) => p.recordJson)),
    textColumn(persons.map((p) => p.displayName)),
    textColumn(persons.map((p) => p.birthDate)),
    textColumn(persons.map((p) => p.sex)),
    textColumn(persons.map((p) => p.nationalities.join(','))),
  ]);
  const counts = countUpserts(rows, persons.length);
  if (!rows.length) return counts;

  const updated = rows.filter((r) => !r.inserted).map((r) => r.id);
  if (updated.length) {
    await rawQuery(trx, 'delete from identity_documents where person_id = any($1::uuid[])', [updated]);
    await rawQuery(trx, 'delete from person_keys where person_id = any($1::uuid[])', [updated]);
  }
  const written = rows.length === persons.length ? persons : filterById(persons, rows);
  await insertDocuments(trx, written);
  const withKeys = written.filter((p) => p.keys.length > 0);
  if (withKeys.length) {
    await rawQuery(trx, INSERT_KEYS, [withKeys.length, textColumn(withKeys.map((p) => p.id)), textColumn(withKeys.map((p) => p.keys.join('\x1d')))]);
  }
  return counts;
}

/** Persons, their documents and keys by COPY, when none of the persons is stored yet. */
async function copyNewPersons(trx: Transaction<Schema>, persons: PreparedPerson[]): Promise<boolean> {
  let rows = '';
  let documents = '';
  let keys = '';
  for (const p of persons) {
    const c = personCopyText(p);
    rows += c.person;
    documents += c.documents;
    keys += c.keys;
  }
  if (!(await copyIfAllNew(trx, 'persons', PERSON_COPY_COLUMNS, rows))) return false;
  await copyRows(trx, 'identity_documents', DOCUMENT_COPY_COLUMNS, documents);
  await copyRows(trx, 'person_keys', KEY_COPY_COLUMNS, keys);
  return true;
}

async function insertDocuments(trx: Transaction<Schema>, persons: PreparedPerson[]): Promise<void> {
  const c: [string[], string[], string[], string[], string[], string[], (string | null)[]] = [[], [], [], [], [], [], []];
  for (const p of persons) {
    p.documents.forEach((doc, i) => {
      c[0].push(p.id);
      c[1].push(String(i));
      c[2].push(doc.docType);
      c[3].push(doc.number);
      c[4].push(doc.numberKey);
      c[5].push(doc.issuingCountry);
      c[6].push(doc.expiry);
    });
  }
  if (c[0].length) await rawQuery(trx, INSERT_DOCUMENTS, [c[0].length, ...c.map(textColumn)]);
}

function filterById<T extends { id: string }>(items: T[], rows: UpsertedRow[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  return items.filter((x) => ids.has(x.id));
}
