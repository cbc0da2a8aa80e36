// End-to-end through HTTP: every alert category, per-category rules, history,
// extension, expiry, deletion, partner flags, proposed alerts and links; bad
// input at every endpoint gets a precise problem and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { DE, NL, countRows, seedRegistry, tokenFor } from '../support/search-fixtures.ts';
import { expireAndPurgeAlerts } from '../../src/services/alerts/index.ts';

const TABLES = ['alerts', 'alert_history', 'alert_flags', 'alert_links', 'persons', 'objects', 'person_keys'];

let t: TestNode;
let nl: string; // police officer, NL
let de: string; // police officer, DE
let spoc: string; // NL single point of contact
let guard: string; // NL border guard

async function json(res: Response) {
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
}

const post = (path: string, body: unknown, token = nl) => t.request(path, { method: 'POST', json: body, token }).then(json);
const get = (path: string, token = nl) => t.request(path, { token }).then(json);

const base = { source: 'nl-alerts', action: 'Inform the SIRENE bureau at once', expiresAt: '2027-06-01' };
const person = (ref: string, extra: Record<string, unknown> = {}) => ({ type: 'person', record: { ref, names: [{ given: 'Jan', family: `Jansen-${ref}` }], birthDate: '1980-02-03', ...extra } });
const object = (record: Record<string, unknown>) => ({ type: 'object', record });

beforeAll(async () => {
  t = await startTestNode();
  await seedRegistry(t.node.database);
  nl = await tokenFor(t.node, NL.id, ['police_officer']);
  de = await tokenFor(t.node, DE.id, ['police_officer']);
  spoc = await tokenFor(t.node, NL.id, ['spoc']);
  guard = await tokenFor(t.node, NL.id, ['border_guard']);
});
afterAll(async () => t?.close());

describe('alerts over HTTP', () => {
  it('creates an alert of every category with the fields it requires', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['arrest', { subject: person('AR'), legalBasis: 'EAW 2026/17' }],
      ['missing', { subject: person('MI', { birthDate: '2015-04-04' }), protectiveMeasures: 'Place in care; do not hand to the father' }],
      ['protection', { subject: person('PR', { birthDate: '2012' }), protectiveMeasures: 'Prevent departure; call child protection' }],
      ['judicial_procedure', { subject: person('JP'), legalBasis: 'Summons as witness, case 12/345' }],
      ['discreet_check', { subject: object({ ref: 'VEH-1', kind: 'vehicle', vin: '1M8GDM9AXKP042788', plate: 'GZ-456-K', plateCountry: 'NLD' }), reason: 'Suspected drug courier vehicle' }],
      ['inquiry_check', { subject: person('IC'), reason: 'Serious threat to public security' }],
      ['specific_check', { subject: object({ ref: 'IBAN-1', kind: 'bank_account', iban: 'NL91ABNA0417164300' }), reason: 'Money-mule account' }],
      ['refusal_of_entry', { subject: person('RE'), legalBasis: 'Entry ban decision 2025/998' }],
      ['object_seizure', { subject: object({ ref: 'DOC-1', kind: 'document', documentType: 'passport', number: 'XK9912345', issuingCountry: 'NLD', state: 'stolen' }) }],
      ['unknown_suspect', { subject: person('US'), reason: 'Latent prints at a homicide scene', crimeArea: 'violent_crime' }],
    ];
    for (const [category, fields] of cases) {
      const r = await post('/api/v1/alerts', { ...base, ref: `A-${category}`, category, ...fields });
      expect(r.status, `${category}: ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body).toMatchObject({ category, status: 'active', effective: true, issuingAuthority: { id: NL.id }, subject: { type: (fields.subject as { type: string }).type } });
    }
    for (const kind of [
      { ref: 'FA-1', kind: 'firearm', serial: 'GLK-12345' },
      { ref: 'NP-1', kind: 'number_plate', plate: 'B-MW 1234', plateCountry: 'DEU' },
      { ref: 'CG-1', kind: 'cultural_good', description: 'Icon of St Nicholas, 17th c.', inventoryNumber: 'MUS-778' },
    ]) {
      const r = await post('/api/v1/alerts', { ...base, ref: `A-seize-${kind.ref}`, category: 'object_seizure', subject: object(kind) });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
  });

  it('refuses an alert that misses what its category requires, naming the field, and keeps nothing', async () => {
    const before = await countRows(t.node.database, TABLES);
    const arrest = await post('/api/v1/alerts', { ...base, ref: 'X-1', category: 'arrest', subject: person('X1') });
    expect(arrest.status).toBe(422);
    expect(arrest.type).toMatch(/application\/problem\+json/);
    expect(arrest.body.errors).toEqual([{ path: 'legalBasis', message: expect.stringMatching(/legal basis/) }]);
    const child = await post('/api/v1/alerts', { ...base, ref: 'X-2', category: 'missing', subject: person('X2', { birthDate: '2014' }) });
    expect(child.body.errors).toEqual([{ path: 'protectiveMeasures', message: expect.stringMatching(/under 18/) }]);
    const docOnPerson = await post('/api/v1/alerts', { ...base, ref: 'X-3', category: 'object_seizure', subject: person('X3') });
    expect(docOnPerson.body.errors[0].path).toBe('subject/type');
    const badDoc = await post('/api/v1/alerts', { ...base, ref: 'X-4', category: 'object_seizure', subject: object({ ref: 'D-X', kind: 'document', number: 'AB1', state: 'stolen' }) });
    expect(badDoc.status).toBe(422);
    expect(badDoc.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['subject/record/documentType', 'subject/record/issuingCountry']));
    const past = await post('/api/v1/alerts', { ...base, ref: 'X-5', category: 'arrest', legalBasis: 'EAW', subject: person('X5'), expiresAt: '2026-01-01' });
    expect(past.body.errors).toEqual([{ path: 'expiresAt', message: expect.stringMatching(/after today/) }]);
    const noSubject = await post('/api/v1/alerts', { ...base, ref: 'X-6', category: 'arrest', legalBasis: 'EAW', subject: { type: 'person', ref: 'NOPE' } });
    expect(noSubject.body.errors).toEqual([{ path: 'subject/ref', message: expect.stringMatching(/no person with ref NOPE/) }]);
    const unknownSource = await post('/api/v1/alerts', { ...base, source: 'xx', ref: 'X-7', category: 'arrest', legalBasis: 'EAW', subject: person('X7') });
    expect(unknownSource.body.errors).toEqual([{ path: 'source', message: 'no source xx on this node' }]);
    const dup = await post('/api/v1/alerts', { ...base, ref: 'A-arrest', category: 'arrest', legalBasis: 'EAW', subject: person('X8') });
    expect(dup.status).toBe(409);
    const foreign = await post('/api/v1/alerts', { ...base, ref: 'X-9', category: 'arrest', legalBasis: 'EAW', subject: person('X9') }, de);
    expect(foreign.status).toBe(403);
    const malformed = await t.request('/api/v1/alerts', { method: 'POST', token: nl, headers: { 'content-type': 'application/json' }, body: '{"ref": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/problem\+json/);
    const schema = await post('/api/v1/alerts', { ...base, ref: 'X-10', category: 'shoot_on_sight', subject: person('X10') });
    expect(schema.status).toBe(422);
    expect(schema.body.errors[0].path).toBe('category');
    const anonymous = await t.request('/api/v1/alerts', { method: 'POST', json: { ...base } });
    expect(anonymous.status).toBe(401);
    expect(await countRows(t.node.database, TABLES)).toEqual(before);
  });

  it('changes, extends, expires and deletes an alert, keeping every change as history', async () => {
    const created = await post('/api/v1/alerts', { ...base, ref: 'H-1', category: 'arrest', legalBasis: 'EAW 1', subject: person('H1'), reviewAt: '2027-01-01' });
    const id = created.body.id;
    const changed = await t.request(`/api/v1/alerts/${id}`, { method: 'PATCH', token: nl, json: { changes: { legalBasis: 'EAW 1, amended', crimeArea: 'drug_trafficking' }, reason: 'Warrant amended by the court' } }).then(json);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ legalBasis: 'EAW 1, amended', crimeArea: 'drug_trafficking' });

    const before = await countRows(t.node.database, TABLES);
    expect((await post(`/api/v1/alerts/${id}/extend`, { expiresAt: '2027-05-01', reason: 'too early' })).body.errors).toEqual([{ path: 'expiresAt', message: 'must be after the current expiry (2027-06-01)' }]);
    expect((await post(`/api/v1/alerts/${id}/extend`, { expiresAt: '2028-06-01' })).body.errors).toEqual([{ path: 'reason', message: expect.any(String) }]);
    expect((await t.request(`/api/v1/alerts/${id}`, { method: 'PATCH', token: nl, json: { changes: { legalBasis: '' }, reason: 'oops' } }).then(json)).body.errors[0].path).toBe('legalBasis');
    expect((await t.request(`/api/v1/alerts/${id}`, { method: 'PATCH', token: nl, json: { changes: { colour: 'red' }, reason: 'oops' } }).then(json)).status).toBe(422);
    expect((await post(`/api/v1/alerts/${id}/expire`, { reason: 'not ours to end' }, de)).status).toBe(403);
    expect(await countRows(t.node.database, TABLES)).toEqual(before);

    const extended = await post(`/api/v1/alerts/${id}/extend`, { expiresAt: '2028-06-01', reviewAt: '2028-01-01', reason: 'Still wanted' });
    expect(extended.body).toMatchObject({ expiresAt: '2028-06-01', reviewAt: '2028-01-01', status: 'active' });
    const expired = await post(`/api/v1/alerts/${id}/expire`, { reason: 'Person arrested' });
    expect(expired.body).toMatchObject({ status: 'expired', effective: false });
    expect((await post(`/api/v1/alerts/${id}/expire`, { reason: 'again' })).status).toBe(409);
    const deleted = await t.request(`/api/v1/alerts/${id}?reason=${encodeURIComponent('Case closed')}`, { method: 'DELETE', token: nl }).then(json);
    expect(deleted.body.status).toBe('deleted');

    const history = await get(`/api/v1/alerts/${id}/history`);
    expect(history.body.map((h: { change: string }) => h.change)).toEqual(['create', 'update', 'extend', 'expire', 'delete']);
    expect(history.body[1]).toMatchObject({ actor: { authorityId: NL.id }, reason: 'Warrant amended by the court', changes: { legalBasis: { from: 'EAW 1', to: 'EAW 1, amended' }, crimeArea: { from: null, to: 'drug_trafficking' } } });
    expect(history.body[2].changes.expiresAt).toEqual({ from: '2027-06-01', to: '2028-06-01' });
    expect(history.body[4]).toMatchObject({ reason: 'Case closed', changes: { status: { from: 'expired', to: 'deleted' } } });
  });

  it('answers unknown ids and bad ids precisely at every alert endpoint', async () => {
    const missing = '00000000-0000-5000-8000-000000000000';
    for (const [method, path, body] of [
      ['GET', `/api/v1/alerts/${missing}`, undefined],
      ['GET', `/api/v1/alerts/${missing}/history`, undefined],
      ['PATCH', `/api/v1/alerts/${missing}`, { changes: { action: 'x' }, reason: 'because' }],
      ['POST', `/api/v1/alerts/${missing}/extend`, { expiresAt: '2030-01-01', reason: 'because' }],
      ['POST', `/api/v1/alerts/${missing}/expire`, { reason: 'because' }],
      ['POST', `/api/v1/alerts/${missing}/approve`, { reason: 'because' }],
      ['POST', `/api/v1/alerts/${missing}/reject`, { reason: 'because' }],
      ['POST', `/api/v1/alerts/${missing}/flags`, { reason: 'because' }],
      ['POST', `/api/v1/alerts/${missing}/links`, { alertId: missing }],
      ['DELETE', `/api/v1/alerts/${missing}?reason=because`, undefined],
    ] as const) {
      const token = path.endsWith('/approve') || path.endsWith('/reject') ? spoc : path.endsWith('/flags') ? de : nl;
      const r = await t.request(path, { method, token, ...(body ? { json: body } : {}) }).then(json);
      expect(r.status, `${method} ${path}`).toBe(404);
      expect(r.type).toMatch(/problem\+json/);
      const bad = await t.request(path.replace(missing, 'not-a-uuid'), { method, token, ...(body ? { json: body } : {}) }).then(json);
      expect(bad.status, `${method} ${path} (bad id)`).toBe(422);
      expect(bad.body.errors[0]).toEqual({ path: 'param/id', message: 'expected an alert id (UUID)' });
    }
    const q = await get('/api/v1/alerts?status=bogus&limit=0');
    expect(q.status).toBe(422);
    expect(q.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['query/limit', 'query/status']);
  });

  it('shows a partner\'s flag; the issuer cannot flag its own alert', async () => {
    const a = await post('/api/v1/alerts', { ...base, ref: 'F-1', category: 'arrest', legalBasis: 'EAW 9', subject: person('F1') });
    const flagged = await post(`/api/v1/alerts/${a.body.id}/flags`, { reason: 'Not an offence under German law' }, de);
    expect(flagged.status).toBe(201);
    expect(flagged.body.flags).toEqual([expect.objectContaining({ authorityId: DE.id, country: 'DEU', reason: 'Not an offence under German law' })]);
    expect((await post(`/api/v1/alerts/${a.body.id}/flags`, { reason: 'again please' }, de)).status).toBe(409);
    expect((await post(`/api/v1/alerts/${a.body.id}/flags`, { reason: 'our own' })).status).toBe(422);
    expect((await get(`/api/v1/alerts/${a.body.id}`, guard)).body.flags).toHaveLength(1);
    const removed = await t.request(`/api/v1/alerts/${a.body.id}/flags`, { method: 'DELETE', token: de }).then(json);
    expect(removed.body.flags).toEqual([]);
  });

  it('takes third-party information as proposed, queues it, approves one and rejects another with who and why', async () => {
    const p1 = await post('/api/v1/alerts', { ...base, ref: 'FTF-1', category: 'discreet_check', status: 'proposed', subject: person('FTF1'), crimeArea: 'terrorism' });
    expect(p1.status).toBe(201);
    expect(p1.body).toMatchObject({ status: 'proposed', effective: false });
    const p2 = await post('/api/v1/alerts', { ...base, ref: 'FTF-2', category: 'discreet_check', status: 'proposed', subject: person('FTF2'), reason: 'Listed by a third country' });
    const queue = await get('/api/v1/alerts/review-queue', spoc);
    expect(queue.body.items.map((a: { id: string }) => a.id).sort()).toEqual([p1.body.id, p2.body.id].sort());

    const before = await countRows(t.node.database, TABLES);
    const incomplete = await post(`/api/v1/alerts/${p1.body.id}/approve`, { reason: 'Verified with partner' }, spoc);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors).toEqual([{ path: 'reason', message: expect.stringMatching(/needs the reason/) }]);
    expect((await post(`/api/v1/alerts/${p1.body.id}/approve`, { reason: 'looks fine' }, guard)).status).toBe(403);
    expect(await countRows(t.node.database, TABLES)).toEqual(before);

    const approved = await post(`/api/v1/alerts/${p1.body.id}/approve`, { reason: 'Verified with partner', changes: { reason: 'Returned foreign terrorist fighter' } }, spoc);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'active', effective: true, reason: 'Returned foreign terrorist fighter' });
    const rejected = await post(`/api/v1/alerts/${p2.body.id}/reject`, { reason: 'Source not reliable' }, spoc);
    expect(rejected.body.status).toBe('rejected');
    expect((await post(`/api/v1/alerts/${p2.body.id}/approve`, { reason: 'changed my mind' }, spoc)).status).toBe(409);
    const h = await get(`/api/v1/alerts/${p2.body.id}/history`);
    expect(h.body.at(-1)).toMatchObject({ change: 'reject', reason: 'Source not reliable', actor: { authorityId: NL.id } });
    expect((await get('/api/v1/alerts/review-queue', spoc)).body.items).toEqual([]);
  });

  it('links a person alert and a vehicle alert', async () => {
    const p = await post('/api/v1/alerts', { ...base, ref: 'L-P', category: 'arrest', legalBasis: 'EAW 5', subject: person('LP') });
    const v = await post('/api/v1/alerts', { ...base, ref: 'L-V', category: 'discreet_check', reason: 'Vehicle of the wanted person', subject: object({ ref: 'LV-1', kind: 'number_plate', plate: 'GZ-999-X', plateCountry: 'NLD' }), links: ['L-P'] });
    expect(v.status).toBe(201);
    expect(v.body.links).toEqual([expect.objectContaining({ id: p.body.id, category: 'arrest' })]);
    expect((await get(`/api/v1/alerts/${p.body.id}`)).body.links[0].id).toBe(v.body.id);
    const badLink = await post('/api/v1/alerts', { ...base, ref: 'L-X', category: 'arrest', legalBasis: 'EAW', subject: person('LX'), links: ['NOPE'] });
    expect(badLink.body.errors).toEqual([{ path: 'links/0', message: 'no alert NOPE in source nl-alerts' }]);
    expect((await post(`/api/v1/alerts/${p.body.id}/links`, { alertId: v.body.id })).status).toBe(409);
  });

  it('marks alerts expired when their date passes and purges them after the retention period', async () => {
    const a = await post('/api/v1/alerts', { ...base, ref: 'E-1', category: 'arrest', legalBasis: 'EAW 7', subject: person('E1'), expiresAt: '2026-06-05' });
    t.clock.set('2026-06-05T10:00:00Z');
    const first = await expireAndPurgeAlerts(t.node, { retentionDays: 30 });
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await get(`/api/v1/alerts/${a.body.id}`)).body.status).toBe('expired');
    t.clock.set('2026-07-06T10:00:00Z');
    const second = await expireAndPurgeAlerts(t.node, { retentionDays: 30 });
    expect(second.purged).toBeGreaterThanOrEqual(1);
    expect((await get(`/api/v1/alerts/${a.body.id}`)).status).toBe(404);
    const history = await get(`/api/v1/alerts/${a.body.id}/history`);
    expect(history.body.map((h: { change: string }) => h.change)).toEqual(['create', 'expire', 'purge']);
    t.clock.set('2026-06-01T09:00:00Z');
  });
});
