// End-to-end through HTTP: alerts created over the API are found by name
// (Cyrillic record, Latin query), MRZ (valid and with a bad check digit) and
// each identifier type; hit/no-hit sources hide the data; expired alerts give
// no hit; flags show; every search lands in `searches` and the audit trail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { DE, NL, addPerson, countRows, seedRegistry, td3, tokenFor } from '../support/search-fixtures.ts';

let t: TestNode;
let nl: string;
let de: string;
const ids: Record<string, string> = {};

async function json(res: Response) {
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
}
const post = (path: string, body: unknown, token = nl) => t.request(path, { method: 'POST', json: body, token }).then(json);
const ctx = { purpose: 'police_check', caseReference: 'NL-2026/0042' };
const find = (body: unknown) => post('/api/v1/search', { ...ctx, ...(body as object) });

beforeAll(async () => {
  t = await startTestNode();
  const db = t.node.database;
  await seedRegistry(db);
  nl = await tokenFor(t.node, NL.id, ['police_officer']);
  de = await tokenFor(t.node, DE.id, ['police_officer']);
  ids.cyr = await addPerson(db, 'nl-persons', {
    ref: 'P-1', names: [{ given: 'Олександр', family: 'Шевченко', script: 'cyrillic' }], birthDate: '1987-12-03', sex: 'M', nationalities: ['UKR'],
    documents: [{ type: 'passport', number: 'FE123456', issuingCountry: 'UKR' }],
  });
  ids.hnh = await addPerson(db, 'pl-records', { ref: 'PL-7', names: [{ given: 'Oleksandr', family: 'Shevchenko' }], birthDate: '1987-12-03' });
  const base = { source: 'nl-alerts', action: 'Seize and inform the issuing authority', expiresAt: '2027-01-01' };
  const arrest = await post('/api/v1/alerts', { ...base, ref: 'ARR-1', category: 'arrest', legalBasis: 'EAW 2026/17', action: 'Arrest; inform SIRENE NL', subject: { type: 'person', source: 'nl-persons', ref: 'P-1' } });
  expect(arrest.status).toBe(201);
  ids.arrest = arrest.body.id;
  const objects: Record<string, object> = {
    vehicle: { ref: 'V-1', kind: 'vehicle', vin: '1M8GDM9AXKP042788', plate: 'GZ-456-K', plateCountry: 'NLD' },
    plate: { ref: 'NP-1', kind: 'number_plate', plate: 'B-MW 1234', plateCountry: 'DEU' },
    firearm: { ref: 'F-1', kind: 'firearm', serial: 'GLK-12345' },
    iban: { ref: 'B-1', kind: 'bank_account', iban: 'DE89370400440532013000' },
    document: { ref: 'D-1', kind: 'document', documentType: 'passport', number: 'XK9912345', issuingCountry: 'NLD', state: 'stolen' },
  };
  for (const [k, record] of Object.entries(objects)) {
    const r = await post('/api/v1/alerts', { ...base, ref: `OBJ-${k}`, category: 'object_seizure', subject: { type: 'object', record } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[`alert_${k}`] = r.body.id;
    ids[k] = r.body.subject.id;
  }
  const short = await post('/api/v1/alerts', { ...base, ref: 'SHORT', category: 'object_seizure', expiresAt: '2026-06-03', subject: { type: 'object', record: { ref: 'F-2', kind: 'firearm', serial: 'CZ-777-001' } } });
  ids.short = short.body.subject.id;
});
afterAll(async () => t?.close());

describe('single search over HTTP', () => {
  it('finds the Cyrillic record from a Latin name with its alert, action and explanation', async () => {
    const r = await find({ person: { names: [{ given: 'Oleksandr', family: 'Shevchenko' }], birthDate: '1987' } });
    expect(r.status).toBe(200);
    const hit = r.body.hits.find((h: { recordId?: string }) => h.recordId !== undefined);
    expect(hit).toMatchObject({ kind: 'person', recordId: ids.cyr, source: 'nl-persons' });
    expect(hit.alerts).toEqual([expect.objectContaining({ id: ids.arrest, category: 'arrest', action: 'Arrest; inform SIRENE NL', issuingAuthority: { id: NL.id, name: NL.name, country: 'NLD' }, expiresAt: '2027-01-01' })]);
    expect(hit.explanation.summary).toMatch(/surname .*SHEVCHENKO|Shevchenko ~ Шевченко/i);
    expect(r.body.sources.searched.map((s: { id: string }) => s.id)).toContain('pl-records');
  });

  it('answers a hit/no-hit source with only the fact and whom to ask', async () => {
    const r = await find({ text: 'Oleksandr Shevchenko 03.12.1987' });
    const hnh = r.body.hits.filter((h: { hit?: boolean }) => h.hit === true);
    expect(hnh).toEqual([{ source: 'pl-records', hit: true, contact: { authorityId: 'pl-sg', name: 'Straż Graniczna', country: 'POL' } }]);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain(ids.hnh);
    expect(text).not.toContain('PL-7');
  });

  it('reads an MRZ, and reports a failed check digit in the answer', async () => {
    const mrz = td3({ surname: 'SHEVCHENKO', given: 'OLEKSANDR', number: 'FE123456', country: 'UKR', nationality: 'UKR', birth: '871203', sex: 'M', expiry: '300101' });
    const good = await find({ mrz });
    expect(good.body.mrz).toMatchObject({ format: 'TD3', valid: true, failedChecks: [] });
    expect(good.body.hits[0].recordId).toBe(ids.cyr);
    const [l1, l2] = mrz.split('\n');
    const bad = await find({ mrz: `${l1}\n${l2.slice(0, 19)}${(Number(l2[19]) + 3) % 10}${l2.slice(20)}` });
    expect(bad.status).toBe(200);
    expect(bad.body.mrz).toMatchObject({ valid: false, failedChecks: expect.arrayContaining(['birthDate']) });
    expect(bad.body.warnings.join(' ')).toMatch(/check digit failed for .*birthDate/);
  });

  it('finds each object identifier type, normalised, with the alert on it', async () => {
    const cases: [object, string][] = [
      [{ kind: 'vehicle', value: '1M8 GDM9AXKP042788' }, 'vehicle'],
      [{ kind: 'plate', value: 'gz456k', country: 'NL' }, 'vehicle'],
      [{ kind: 'plate', value: 'B MW-1234', country: 'DEU' }, 'plate'],
      [{ kind: 'firearm', value: 'glk 12345' }, 'firearm'],
      [{ kind: 'iban', value: 'de89 3704 0044 0532 0130 00' }, 'iban'],
      [{ kind: 'document', value: 'XK99I2345' }, 'document'],
    ];
    for (const [object, key] of cases) {
      const r = await find({ object });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.hits[0], JSON.stringify(object)).toMatchObject({ kind: 'object', recordId: ids[key] });
      expect(r.body.hits[0].alerts[0].id).toBe(ids[`alert_${key}`]);
    }
    const text = await find({ text: 'GLK12345' });
    expect(text.body.interpretations.length).toBeGreaterThan(0);
    expect(text.body.hits.some((h: { recordId: string }) => h.recordId === ids.firearm)).toBe(true);
  });

  it('shows a partner\'s flag with the hit', async () => {
    expect((await post(`/api/v1/alerts/${ids.alert_firearm}/flags`, { reason: 'Weapon lawfully registered here' }, de)).status).toBe(201);
    const r = await find({ object: { kind: 'firearm', value: 'GLK12345' } });
    expect(r.body.hits[0].alerts[0].flags).toEqual([expect.objectContaining({ authorityId: DE.id, reason: 'Weapon lawfully registered here' })]);
  });

  it('gives no hit on an alert from the day it expires, before any job runs', async () => {
    const before = await find({ object: { kind: 'firearm', value: 'CZ777001' } });
    expect(before.body.hits[0].alerts).toHaveLength(1);
    t.clock.set('2026-06-03T07:00:00Z');
    const after = await find({ object: { kind: 'firearm', value: 'CZ777001' } });
    expect(after.body.hits[0].recordId).toBe(ids.short);
    expect(after.body.hits[0].alerts).toEqual([]);
    t.clock.set('2026-06-01T09:00:00Z');
  });

  it('refuses a search without purpose or case, or with a bad identifier, precisely and without a trace of a search', async () => {
    const before = await countRows(t.node.database, ['searches']);
    const noPurpose = await post('/api/v1/search', { caseReference: 'NL-1', text: 'Anna Smit' });
    expect(noPurpose.status).toBe(422);
    expect(noPurpose.type).toMatch(/problem\+json/);
    expect(noPurpose.body.errors).toEqual([{ path: 'purpose', message: expect.stringMatching(/^required/) }]);
    const noCase = await post('/api/v1/search', { purpose: 'police_check', text: 'Anna Smit' });
    expect(noCase.body.errors).toEqual([{ path: 'caseReference', message: expect.stringMatching(/^required/) }]);
    const nothing = await find({});
    expect(nothing.body.errors[0].message).toMatch(/what to search for/);
    const iban = await find({ object: { kind: 'iban', value: 'DE88370400440532013000' } });
    expect(iban.body.errors).toEqual([{ path: 'object/value', message: expect.stringMatching(/check digits/i) }]);
    const vin = await find({ object: { kind: 'vehicle', value: '1M8GDM9AXKP04278O' } });
    expect(vin.body.errors[0].path).toBe('object/value');
    const country = await find({ object: { kind: 'plate', value: 'AB12', country: 'Atlantis' } });
    expect(country.body.errors[0].path).toBe('object/country');
    const mrz = await find({ mrz: 'P<UKR<<<<' });
    expect(mrz.body.errors[0].path).toBe('mrz');
    const malformed = await t.request('/api/v1/search', { method: 'POST', token: nl, headers: { 'content-type': 'application/json' }, body: '{' });
    expect(malformed.status).toBe(400);
    expect((await t.request('/api/v1/search', { method: 'POST', json: ctx })).status).toBe(401);
    expect(await countRows(t.node.database, ['searches'])).toEqual(before);
  });

  it('keeps each search and what it showed in the searches table and the audit trail', async () => {
    const r = await find({ person: { names: { given: 'Oleksandr', family: 'Shevchenko' }, birthDate: '1987-12-03' } });
    const [row] = await t.node.database.query<{ purpose: string; case_reference: string; keys: string[]; hit_count: number; alert_hit_count: number }>(
      'select purpose, case_reference, keys, hit_count, alert_hit_count from searches where id = $1', [r.body.searchId]);
    expect(row).toMatchObject({ purpose: 'police_check', case_reference: 'NL-2026/0042', hit_count: r.body.hits.length, alert_hit_count: 1 });
    expect(row.keys.length).toBeGreaterThan(0);
    const audit = await t.node.database.query<{ purpose: string; record_ids: string[] }>(
      "select purpose, record_ids from audit_log where action = 'search' and case_reference = $1 order by seq desc limit 1", ['NL-2026/0042']);
    expect(audit[0].purpose).toBe('police_check');
    expect(audit[0].record_ids).toEqual(expect.arrayContaining([ids.cyr, ids.arrest]));
  });
});
