// Resolves the subject of a new alert: an existing person or object (by id,
// or by source and reference), or a record created with the alert.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { AccessDeniedError, ValidationError, issuesFromZod } from '../../domain/errors.ts';
import { ObjectRecord } from '../../domain/object.ts';
import { PersonRecord } from '../../domain/person.ts';
import { recordId } from '../../store/ids.ts';
import type { Schema } from '../../store/schema.ts';
import { writeObject, writePerson } from '../search/record-writer.ts';
import type { RuleSubject } from './category-rules.ts';
import type { SubjectReference } from './schemas.ts';

type Executor = Kysely<Schema> | Transaction<Schema>;

export interface ResolvedSubject extends RuleSubject {
  id: string;
  sourceId: string;
  ref: string;
  created: boolean;
}

async function findSubject(db: Executor, type: 'person' | 'object', id: string): Promise<ResolvedSubject | undefined> {
  if (type === 'person') {
    const p = await db.selectFrom('persons').select(['id', 'source_id', 'ref', 'birth_date']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return p && { type, id: p.id, sourceId: p.source_id, ref: p.ref, birthDate: p.birth_date, created: false };
  }
  const o = await db.selectFrom('objects').select(['id', 'source_id', 'ref', 'kind', 'record']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!o) return undefined;
  const record = (typeof o.record === 'string' ? JSON.parse(o.record) : o.record) as Record<string, unknown>;
  return { type, id: o.id, sourceId: o.source_id, ref: o.ref, objectKind: o.kind, objectRecord: record, created: false };
}

export async function resolveSubject(
  db: Executor,
  actor: Actor,
  ref: SubjectReference,
  alertSourceId: string,
): Promise<ResolvedSubject> {
  if (ref.id !== undefined) {
    const s = await findSubject(db, ref.type, ref.id);
    if (!s) throw new ValidationError('The alert subject does not exist.', [{ path: 'subject/id', message: `no ${ref.type} with id ${ref.id}` }]);
    return s;
  }
  const sourceId = ref.source ?? alertSourceId;
  if (ref.ref !== undefined) {
    const s = await findSubject(db, ref.type, recordId(ref.type, sourceId, ref.ref));
    if (!s) throw new ValidationError('The alert subject does not exist.', [{ path: 'subject/ref', message: `no ${ref.type} with ref ${ref.ref} in source ${sourceId}` }]);
    return s;
  }
  const source = await db.selectFrom('sources').select(['id', 'authority_id']).where('id', '=', sourceId).executeTakeFirst();
  if (!source) throw new ValidationError('Unknown source.', [{ path: 'subject/source', message: `no source ${sourceId}` }]);
  if (source.authority_id !== actor.authorityId) throw new AccessDeniedError(`Records of source ${sourceId} are kept by authority ${source.authority_id}.`);
  if (ref.type === 'person') {
    const parsed = PersonRecord.safeParse(ref.record);
    if (!parsed.success) throw new ValidationError('The subject person is not valid.', issuesFromZod(parsed.error, 'subject/record'));
    const existing = await findSubject(db, 'person', recordId('person', sourceId, parsed.data.ref));
    if (existing) throw new ValidationError('The subject already exists.', [{ path: 'subject/record/ref', message: `person ${parsed.data.ref} already exists in ${sourceId}; refer to it by ref` }]);
    const id = await writePerson(db, sourceId, parsed.data, 'subject/record');
    return { type: 'person', id, sourceId, ref: parsed.data.ref, birthDate: parsed.data.birthDate ?? null, created: true };
  }
  const parsed = ObjectRecord.safeParse(ref.record);
  if (!parsed.success) throw new ValidationError('The subject object is not valid.', issuesFromZod(parsed.error, 'subject/record'));
  const existing = await findSubject(db, 'object', recordId('object', sourceId, parsed.data.ref));
  if (existing) throw new ValidationError('The subject already exists.', [{ path: 'subject/record/ref', message: `object ${parsed.data.ref} already exists in ${sourceId}; refer to it by ref` }]);
  const id = await writeObject(db, sourceId, parsed.data, 'subject/record');
  return { type: 'object', id, sourceId, ref: parsed.data.ref, objectKind: parsed.data.kind, objectRecord: parsed.data as Record<string, unknown>, created: true };
}
