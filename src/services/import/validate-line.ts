// Validates one import line (already parsed from JSON or mapped from CSV)
// against the domain schemas and the identifier rules, and prepares the rows
// it becomes. Pure: whether the named source exists is the importer's check.
import { z } from 'zod';
import { Authority, Source } from '../../domain/authority.ts';
import { PersonRecord } from '../../domain/person.ts';
import { ObjectRecord } from '../../domain/object.ts';
import { AlertInput } from '../../domain/alert.ts';
import { IMPORT_LINE_TYPES } from '../../domain/import-record.ts';
import { issuesFromZod, type FieldIssue } from '../../domain/errors.ts';
import { toCountryCode } from '../../identifiers/index.ts';
import { preparePerson } from '../records/prepare-person.ts';
import { prepareObject } from '../records/prepare-object.ts';
import { prepareAlert } from '../records/prepare-alert.ts';
import type { PreparedAlert, PreparedAuthority, PreparedObject, PreparedPerson, PreparedSource } from '../records/prepared.ts';
import type { RecordType } from '../records/write-batch.ts';

export type ValidLine =
  | { type: 'authority'; value: PreparedAuthority }
  | { type: 'source'; value: PreparedSource }
  | { type: 'person'; value: PreparedPerson }
  | { type: 'object'; value: PreparedObject }
  | { type: 'alert'; value: PreparedAlert };

export interface LineProblem {
  type?: RecordType;
  ref?: string;
  issues: FieldIssue[];
}

export type LineResult = { ok: true; line: ValidLine } | ({ ok: false } & LineProblem);

const SourceName = z.string().min(1, 'source is required').max(63);

function refOf(o: Record<string, unknown>): string | undefined {
  return typeof o.ref === 'string' ? o.ref : typeof o.id === 'string' ? o.id : undefined;
}

/** `defaultSource` fills a missing `source` (CSV files name it on the command line). */
export function validateLine(input: unknown, defaultSource?: string): LineResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '(root)', message: `expected a JSON object, got ${Array.isArray(input) ? 'an array' : input === null ? 'null' : typeof input}` }] };
  }
  const o = input as Record<string, unknown>;
  const type = o.type;
  if (typeof type !== 'string' || !(IMPORT_LINE_TYPES as readonly string[]).includes(type)) {
    const message = type === undefined ? `missing "type"; expected one of ${IMPORT_LINE_TYPES.join(', ')}` : `unknown type ${JSON.stringify(type)}; expected one of ${IMPORT_LINE_TYPES.join(', ')}`;
    return { ok: false, ref: refOf(o), issues: [{ path: 'type', message }] };
  }
  const t = type as RecordType;
  const fail = (issues: FieldIssue[]): LineResult => ({ ok: false, type: t, ref: refOf(o), issues });

  if (t === 'authority') {
    const r = Authority.safeParse(o);
    if (!r.success) return fail(issuesFromZod(r.error));
    const c = toCountryCode(r.data.country);
    if (!c.ok) return fail([{ path: 'country', message: c.error }]);
    return { ok: true, line: { type: t, value: r.data } };
  }
  if (t === 'source') {
    const r = Source.safeParse(o);
    if (!r.success) return fail(issuesFromZod(r.error));
    return { ok: true, line: { type: t, value: r.data } };
  }

  const src = SourceName.safeParse(o.source ?? defaultSource);
  if (!src.success) return fail(issuesFromZod(src.error, 'source'));
  const sourceId = src.data;
  if (t === 'person') {
    const r = PersonRecord.safeParse(o);
    if (!r.success) return fail(issuesFromZod(r.error));
    const p = preparePerson(sourceId, r.data);
    return p.ok ? { ok: true, line: { type: t, value: p.value } } : fail(p.issues);
  }
  if (t === 'object') {
    const r = ObjectRecord.safeParse(o);
    if (!r.success) return fail(issuesFromZod(r.error));
    const p = prepareObject(sourceId, r.data);
    return p.ok ? { ok: true, line: { type: t, value: p.value } } : fail(p.issues);
  }
  const r = AlertInput.safeParse(o);
  if (!r.success) return fail(issuesFromZod(r.error));
  const p = prepareAlert(sourceId, r.data);
  return p.ok ? { ok: true, line: { type: t, value: p.value } } : fail(p.issues);
}
