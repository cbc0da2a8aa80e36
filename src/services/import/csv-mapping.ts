// How CSV rows become import lines. The header decides:
//
// Persons — the dedupe/link CSV format (any column but `id` optional, unknown
// columns ignored): id, given_names, surname, birth_date, sex, nationality,
// place_of_birth, document_number, address; optionally document_type
// (default `other`) and document_country (default: the nationality, else XXX).
// Several nationalities are separated by `;`.
//
// Objects — a `ref` (or `id`) column, a `kind` column (or `--kind`; without
// either the kind follows from the identifier present: vin → vehicle, iban →
// bank_account, serial → firearm, number → document, description →
// cultural_good, plate → number_plate), and the ObjectRecord fields in
// snake_case or camelCase: vin, plate, plate_country, make, model, colour,
// serial, calibre, document_type, number, issuing_country, state, expiry,
// iban, holder, bic, description, inventory_number, images (`;`-separated).
//
// The record's source is the `source` column or `--source`.
import type { FieldIssue } from '../../domain/errors.ts';

export type CsvKind = 'person' | 'object';

const PERSON_COLUMNS = ['given_names', 'surname', 'birth_date', 'place_of_birth', 'document_number'];
const OBJECT_COLUMNS = ['kind', 'vin', 'plate', 'serial', 'iban', 'number', 'description'];

export function snake(name: string): string {
  return name.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Which records a CSV holds, from its header, or why that cannot be told. */
export function csvKindOf(header: string[]): { ok: true; kind: CsvKind } | { ok: false; issues: FieldIssue[] } {
  const cols = header.map(snake);
  if (!cols.includes('id') && !cols.includes('ref')) return { ok: false, issues: [{ path: 'header', message: 'the header needs an `id` (or `ref`) column' }] };
  if (PERSON_COLUMNS.some((c) => cols.includes(c))) return { ok: true, kind: 'person' };
  if (OBJECT_COLUMNS.some((c) => cols.includes(c))) return { ok: true, kind: 'object' };
  return {
    ok: false,
    issues: [{ path: 'header', message: `cannot tell persons from objects: expected person columns (${PERSON_COLUMNS.join(', ')}) or object columns (${OBJECT_COLUMNS.join(', ')})` }],
  };
}

function cell(row: Record<string, string>, name: string): string | undefined {
  const v = row[name]?.trim();
  return v ? v : undefined;
}

function list(v: string | undefined): string[] {
  return v ? v.split(/[;|]/).map((s) => s.trim()).filter(Boolean) : [];
}

/** A row (keyed by snake_case column name) as a person import line. */
export function personLineFromCsv(row: Record<string, string>, source: string | undefined): Record<string, unknown> {
  const nationalities = list(cell(row, 'nationality')).map((c) => c.toUpperCase());
  const given = cell(row, 'given_names');
  const family = cell(row, 'surname');
  const docNumber = cell(row, 'document_number');
  const address = cell(row, 'address');
  const sex = cell(row, 'sex')?.toUpperCase();
  return {
    type: 'person',
    source: cell(row, 'source') ?? source,
    ref: cell(row, 'id') ?? cell(row, 'ref'),
    names: given || family ? [{ given, family, kind: 'primary' }] : [],
    birthDate: cell(row, 'birth_date'),
    sex,
    nationalities,
    placeOfBirth: cell(row, 'place_of_birth'),
    addresses: address ? [{ line: address }] : [],
    documents: docNumber
      ? [{ type: cell(row, 'document_type') ?? 'other', number: docNumber, issuingCountry: (cell(row, 'document_country') ?? nationalities[0] ?? 'XXX').toUpperCase() }]
      : [],
  };
}

const CAMEL: Record<string, string> = {
  plate_country: 'plateCountry',
  document_type: 'documentType',
  issuing_country: 'issuingCountry',
  inventory_number: 'inventoryNumber',
};

function inferKind(row: Record<string, string>): string | undefined {
  if (cell(row, 'vin')) return 'vehicle';
  if (cell(row, 'iban')) return 'bank_account';
  if (cell(row, 'serial')) return 'firearm';
  if (cell(row, 'number')) return 'document';
  if (cell(row, 'description')) return 'cultural_good';
  if (cell(row, 'plate')) return cell(row, 'make') || cell(row, 'model') ? 'vehicle' : 'number_plate';
  return undefined;
}

/** A row (keyed by snake_case column name) as an object import line. */
export function objectLineFromCsv(row: Record<string, string>, source: string | undefined, kind: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { type: 'object', source: cell(row, 'source') ?? source, ref: cell(row, 'ref') ?? cell(row, 'id') };
  out.kind = cell(row, 'kind') ?? kind ?? inferKind(row);
  for (const [col, value] of Object.entries(row)) {
    if (['type', 'source', 'ref', 'id', 'kind'].includes(col)) continue;
    const v = value.trim();
    if (!v) continue;
    const field = CAMEL[col] ?? col;
    out[field] = field === 'images' ? list(v) : field === 'plateCountry' || field === 'issuingCountry' ? v.toUpperCase() : v;
  }
  if (out.kind === 'cultural_good' && out.images === undefined) out.images = [];
  return out;
}
