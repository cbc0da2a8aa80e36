// Writes a batch of objects with one upsert: new and changed objects are
// stored, unchanged ones are only compared.
import type { Transaction } from 'kysely';
import type { Schema } from '../../store/schema.ts';
import { rawQuery } from '../../store/database.ts';
import { countUpserts, RETURNING_UPSERT, recordChanged, type UpsertedRow, type WriteCounts } from './counts.ts';
import type { PreparedObject } from './prepared.ts';
import { textColumn, unnestColumns } from './columns.ts';
import { copyIfAllNew } from './copy-fresh.ts';
import type { WriteOptions } from './write-options.ts';

const UPSERT_OBJECTS = `
insert into objects (id, source_id, ref, kind, identifier, identifier_key, identifier2, identifier2_key, country, record, display_name)
select t.id::uuid, t.source_id, t.ref, t.kind, t.identifier, t.identifier_key, t.identifier2, t.identifier2_key, t.country, t.record::json, t.display_name
from ${unnestColumns(11)} as t(id, source_id, ref, kind, identifier, identifier_key, identifier2, identifier2_key, country, record, display_name)
on conflict (id) do update set
  kind = excluded.kind, identifier = excluded.identifier, identifier_key = excluded.identifier_key,
  identifier2 = excluded.identifier2, identifier2_key = excluded.identifier2_key, country = excluded.country,
  record = excluded.record, display_name = excluded.display_name, updated_at = now()
where ${recordChanged('objects')}
${RETURNING_UPSERT}`;

/** Objects must have distinct ids within one call. */
const OBJECT_COLUMNS = ['id', 'source_id', 'ref', 'kind', 'identifier', 'identifier_key', 'identifier2', 'identifier2_key', 'country', 'record', 'display_name'];

export async function writeObjects(trx: Transaction<Schema>, objects: PreparedObject[], opts: WriteOptions = {}): Promise<WriteCounts> {
  if (!objects.length) return { inserted: 0, updated: 0, unchanged: 0 };
  if (opts.fresh) {
    const rows = objects.map((o) => [o.id, o.sourceId, o.ref, o.kind, o.identifier, o.identifierKey, o.identifier2, o.identifier2Key, o.country, o.recordJson, o.displayName]);
    if (await copyIfAllNew(trx, 'objects', OBJECT_COLUMNS, rows)) return { inserted: objects.length, updated: 0, unchanged: 0 };
  }
  const rows = await rawQuery<UpsertedRow>(trx, UPSERT_OBJECTS, [
    objects.length,
    ...[
    objects.map((o) => o.id),
    objects.map((o) => o.sourceId),
    objects.map((o) => o.ref),
    objects.map((o) => o.kind),
    objects.map((o) => o.identifier),
    objects.map((o) => o.identifierKey),
    objects.map((o) => o.identifier2),
    objects.map((o) => o.identifier2Key),
    objects.map((o) => o.country),
    objects.map((o) => o.recordJson),
    objects.map((o) => o.displayName),
    ].map(textColumn),
  ]);
  return countUpserts(rows, objects.length);
}
