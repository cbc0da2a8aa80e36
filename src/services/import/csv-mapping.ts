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
// Alerts — a `ref` (or `id`) column, `category`, `subject_ref` and
// `subject_type` (person or object; default person), optionally
// `subject_source` (default: the alert's own source), and the AlertInput
// fields in snake_case or camelCase: action, reason, crime_area, legal_basis,
// protective_measures, handling_code, valid_from, expires_at, review_at,
// status, links (`;`-separated refs of alerts in the same source).
//
// The record's source is the `source` column or `--source`.
import type { FieldIssue } from '../../domain/errors.ts';

export type CsvKind = 'person' | 'object' | 'alert';

const PERSON_COLUMNS = ['given_names', 'surname', 'birth_date', 'place_of_birth', 'document_number'];
const OBJECT_COLUMNS = ['kind', 'vin', 'plate', 'serial', 'iban', 'number', 'description'];

export function snake(name: string): string {
  return name.trim().replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Which records a CSV holds, from its header, or why that cannot be told. */
export function csvKindOf(header: string[]): { ok: true; kind: CsvKind } | { ok: false; issues: FieldIssue[] } {
  const cols = header.map(snake);
  if (!cols.includes('id') && !cols.includes('ref')) return { ok: false, issues: [{ path: 'header', message: 'the header needs an `id` (or `ref`) column' }] };
  if (cols.includes('subject_ref') || cols.includes('category')) {
    const missing = ['category', 'subject_ref'].filter((c) => !cols.includes(c));
    if (missing.length) return { ok: false, issues: [{ path: 'header', message: `an alert CSV needs the columns category and subject_ref; missing: ${missing.join(', ')}` }] };
    return { ok: true, kind: 'alert' };
  }
  if (PERSON_COLUMNS.some((c) => cols.includes(c))) return { ok: true, kind: 'person' };
  if (OBJECT_COLUMNS.some((c) => cols.includes(c))) return { ok: true, kind: 'object' };
  return {
    ok: false,
    issues: [
      {
        path: 'header',
        message: `cannot tell what the rows are: expected person columns (${PERSON_COLUMNS.join(', ')}), object columns (${OBJECT_COLUMNS.join(', ')}) or alert columns (category, subject_ref)`,
      },
    ],
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

const ALERT_FIELDS: Record<string, string> = {
  reason: 'reason',
  action: 'action',
  crime_area: 'crimeArea',
  legal_basis: 'legalBasis',
  protective_measures: 'protectiveMeasures',
  handling_code: 'handlingCode',
  valid_from: 'validFrom',
  expires_at: 'expiresAt',
  review_at: 'reviewAt',
  status: 'status',
};

/** A row (keyed by snake_case column name) as an alert import line; validation says what is missing or wrong. */
export function alertLineFromCsv(row: Record<string, string>, source: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: 'alert',
    source: cell(row, 'source') ?? source,
    ref: cell(row, 'ref') ?? cell(row, 'id'),
    category: cell(row, 'category'),
    subject: {
      type: cell(row, 'subject_type') ?? 'person',
      ...(cell(row, 'subject_source') ? { source: cell(row, 'subject_source') } : {}),
      ref: cell(row, 'subject_ref'),
    },
  };
  for (const [col, field] of Object.entries(ALERT_FIELDS)) {
    const v = cell(row, col);
    if (v !== undefined) out[field] = v;
  }
  const links = list(cell(row, 'links'));
  if (links.length) out.links = links;
  return out;
}
