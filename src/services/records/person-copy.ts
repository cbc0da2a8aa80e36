// The COPY rows of one new person: its persons row, identity documents and
// blocking keys, each in COPY text, so that a batch joins three strings per
// person instead of building row arrays. (Building them on the validation
// worker instead was measured: more CPU and +150 MiB peak memory for 200,000
// persons on the embedded engine, the single worker becoming the bottleneck.)
import { arrayLiteral, copyRow } from '../../store/copy.ts';
import type { PreparedPerson } from './prepared.ts';

export const PERSON_COPY_COLUMNS = ['id', 'source_id', 'ref', 'record', 'display_name', 'birth_date', 'sex', 'nationalities'] as const;
export const DOCUMENT_COPY_COLUMNS = ['person_id', 'position', 'doc_type', 'number', 'number_key', 'issuing_country', 'expiry'] as const;
export const KEY_COPY_COLUMNS = ['key', 'person_id'] as const;

export interface PersonCopyText {
  person: string;
  documents: string;
  keys: string;
}

export function personCopyText(p: PreparedPerson): PersonCopyText {
  let documents = '';
  p.documents.forEach((d, i) => (documents += copyRow([p.id, i, d.docType, d.number, d.numberKey, d.issuingCountry, d.expiry])));
  let keys = '';
  for (const k of p.keys) keys += copyRow([k, p.id]);
  return { person: copyRow([p.id, p.sourceId, p.ref, p.recordJson, p.displayName, p.birthDate, p.sex, arrayLiteral(p.nationalities)]), documents, keys };
}
