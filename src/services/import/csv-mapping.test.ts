import { describe, expect, it } from 'vitest';
import { alertLineFromCsv, csvKindOf, objectLineFromCsv, personLineFromCsv } from './csv-mapping.ts';
import { validateLine } from './validate-line.ts';

describe('CSV rows as import lines', () => {
  it('tells persons from objects by the header', () => {
    expect(csvKindOf(['id', 'given_names', 'surname'])).toEqual({ ok: true, kind: 'person' });
    expect(csvKindOf(['ref', 'kind', 'vin'])).toEqual({ ok: true, kind: 'object' });
    expect(csvKindOf(['ref', 'colour']).ok).toBe(false);
    expect(csvKindOf(['given_names']).ok).toBe(false);
    expect(csvKindOf(['ref', 'category', 'subject_ref', 'action'])).toEqual({ ok: true, kind: 'alert' });
    const half = csvKindOf(['ref', 'category', 'action']);
    expect(half.ok).toBe(false);
    if (!half.ok) expect(half.issues[0]!.message).toMatch(/missing: subject_ref/);
  });

  it('maps alert columns onto an alert line that validates, and reports what a row lacks', () => {
    const line = alertLineFromCsv(
      { ref: 'A1', category: 'arrest', subject_ref: 'P1', subject_type: '', action: 'Arrest and inform the SPOC', legal_basis: 'EAW 2026/17', expires_at: '2027-01-31', crime_area: 'drug_trafficking', links: 'A2; A3' },
      'nl-politie.opsporing',
    );
    expect(line).toMatchObject({ type: 'alert', ref: 'A1', subject: { type: 'person', ref: 'P1' }, legalBasis: 'EAW 2026/17', crimeArea: 'drug_trafficking', links: ['A2', 'A3'] });
    const ok = validateLine(line);
    expect(ok.ok).toBe(true);
    const bad = validateLine(alertLineFromCsv({ ref: 'A2', category: 'arrest', subject_ref: 'P1', action: 'x', expires_at: '31-01-2027' }, 'nl-politie.opsporing'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toContain('expiresAt');
  });

  it('maps the dedupe CSV columns onto a person record that validates', () => {
    const line = personLineFromCsv(
      { id: 'R1', given_names: 'Олександр', surname: 'Шевченко', birth_date: '1987-03', sex: 'm', nationality: 'UKR', place_of_birth: 'Kyiv', document_number: 'FE 123456', address: 'Khreshchatyk 1' },
      'ua-test.persons',
    );
    const r = validateLine(line);
    expect(r.ok).toBe(true);
    if (r.ok && r.line.type === 'person') {
      expect(r.line.value.sourceId).toBe('ua-test.persons');
      expect(JSON.parse(r.line.value.recordJson).sex).toBe('M');
      expect(r.line.value.documents).toEqual([{ docType: 'other', number: 'FE123456', numberKey: 'FE123456', issuingCountry: 'UKR', expiry: null }]);
      expect(JSON.parse(r.line.value.recordJson).addresses).toEqual([{ line: 'Khreshchatyk 1' }]);
    }
  });

  it('infers the object kind from the identifier column when there is no kind', () => {
    expect(objectLineFromCsv({ ref: 'V', vin: 'WVWZZZ1JZXW000001' }, 's', undefined).kind).toBe('vehicle');
    expect(objectLineFromCsv({ ref: 'B', iban: 'DE89370400440532013000' }, 's', undefined).kind).toBe('bank_account');
    expect(objectLineFromCsv({ ref: 'P', plate: 'AB12CD', plate_country: 'nld' }, 's', undefined)).toMatchObject({ kind: 'number_plate', plateCountry: 'NLD' });
    expect(objectLineFromCsv({ ref: 'F', serial: 'x1', kind: 'firearm' }, 's', 'vehicle').kind).toBe('firearm');
  });
});
