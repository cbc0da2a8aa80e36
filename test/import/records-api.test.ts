// The record-read API over imported data: a person or object needs a
// purpose and a case reference, hit/no-hit sources of other authorities are
// refused, and the routes are in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { importLines } from '../../src/services/import/index.ts';
import { issueApiToken } from '../../src/services/access/index.ts';
import { recordId } from '../../src/store/ids.ts';

let t: TestNode;
let token: string;
const READ = '?purpose=police_check&caseReference=NL-2026%2F0042';

beforeAll(async () => {
  t = await startTestNode();
  const s = await importLines(t.node, [
    { type: 'authority', id: 'nl-api', country: 'NLD', name: 'API police', kind: 'police' },
    { type: 'authority', id: 'de-api', country: 'DEU', name: 'API Polizei', kind: 'police' },
    { type: 'source', id: 'nl-api.persons', authorityId: 'nl-api', name: 'Persons index', kind: 'persons_index' },
    { type: 'source', id: 'de-api.hnh', authorityId: 'de-api', name: 'Police records index', kind: 'police_records', hitNoHit: true },
    { type: 'person', source: 'nl-api.persons', ref: 'P1', names: [{ given: 'Jan', family: 'Jansen' }], birthDate: '1975', documents: [{ type: 'passport', number: 'np-1234567', issuingCountry: 'NLD' }] },
    { type: 'person', source: 'de-api.hnh', ref: 'H1', names: [{ given: 'Karl', family: 'Müller' }] },
    { type: 'object', source: 'nl-api.persons', ref: 'V1', kind: 'vehicle', vin: 'WVWZZZ1JZXW000001', plate: '12-ABC-3', plateCountry: 'NLD' },
    { type: 'alert', source: 'nl-api.persons', ref: 'A1', subject: { type: 'person', ref: 'P1' }, category: 'discreet_check', action: 'Report the contact discreetly', expiresAt: '2030-01-01' },
  ]);
  expect(s.rejected).toBe(0);
  token = (await issueApiToken(t.node, { authorityId: 'nl-api', roles: ['police_officer'], label: 'records test' })).token;
});
afterAll(() => t?.close());

describe('GET /api/v1/persons/{id}', () => {
  const id = recordId('person', 'nl-api.persons', 'P1');

  it('returns the person with documents and alerts for a purpose and case reference', async () => {
    const res = await t.request(`/api/v1/persons/${id}${READ}`, { token });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body).toMatchObject({ id, ref: 'P1', displayName: 'Jan Jansen', source: { id: 'nl-api.persons', authorityId: 'nl-api', hitNoHit: false } });
    expect(body.documents).toEqual([{ type: 'passport', number: 'NP1234567', issuingCountry: 'NLD', expiry: null }]);
    expect(body.alerts).toEqual([expect.objectContaining({ ref: 'A1', category: 'discreet_check', status: 'active', issuingAuthorityId: 'nl-api' })]);
    expect(body.record.names).toEqual([{ given: 'Jan', family: 'Jansen', kind: 'primary' }]);
  });

  it('requires a purpose and a case reference', async () => {
    const res = await t.request(`/api/v1/persons/${id}`, { token });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual(['query/caseReference', 'query/purpose']);
    const bad = await t.request(`/api/v1/persons/${id}?purpose=curiosity&caseReference=X1Y2`, { token });
    expect(bad.status).toBe(422);
  });

  it('needs credentials, and says 404 for an unknown id', async () => {
    expect((await t.request(`/api/v1/persons/${id}${READ}`)).status).toBe(401);
    expect((await t.request(`/api/v1/persons/${recordId('person', 'nl-api.persons', 'NOPE')}${READ}`, { token })).status).toBe(404);
    expect((await t.request(`/api/v1/persons/not-a-uuid${READ}`, { token })).status).toBe(422);
  });

  it('refuses the full record of another authority’s hit/no-hit source', async () => {
    const res = await t.request(`/api/v1/persons/${recordId('person', 'de-api.hnh', 'H1')}${READ}`, { token });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/hit\/no-hit/);
  });
});

describe('GET /api/v1/objects/{id} and /api/v1/sources', () => {
  it('returns an object with its normalised identifiers', async () => {
    const id = recordId('object', 'nl-api.persons', 'V1');
    const res = await t.request(`/api/v1/objects/${id}${READ}`, { token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, kind: 'vehicle', identifier: 'WVWZZZ1JZXW000001', identifier2: '12ABC3', country: 'NLD', alerts: [] });
  });

  it('lists sources with their counts', async () => {
    const res = await t.request('/api/v1/sources', { token });
    expect(res.status).toBe(200);
    const { sources } = (await res.json()) as { sources: { id: string; persons: number; objects: number; alerts: number }[] };
    expect(sources.find((s) => s.id === 'nl-api.persons')).toMatchObject({ persons: 1, objects: 1, alerts: 1 });
    expect(sources.find((s) => s.id === 'de-api.hnh')).toMatchObject({ persons: 1, objects: 0, alerts: 0 });
  });

  it('documents the routes in /openapi.json', async () => {
    const doc = (await (await t.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; required?: boolean }[] }>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/persons/{id}', '/api/v1/objects/{id}', '/api/v1/sources']));
    const params = doc.paths['/api/v1/persons/{id}']!.get!.parameters!;
    expect(params.filter((p) => p.required).map((p) => p.name).sort()).toEqual(['caseReference', 'id', 'purpose']);
  });
});

describe('request body limit', () => {
  const huge = JSON.stringify({ purpose: 'police_check', caseReference: 'NL-1', text: 'x'.repeat(1_100_000) });

  it('answers 413 for a declared length over the limit, before reading the body', async () => {
    const r = await t.request('/api/v1/search', { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: huge });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ status: 413, type: expect.stringContaining('too-large') });
  });

  it('answers 413 for a chunked body that grows over the limit', async () => {
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream({
      start(ctl) {
        for (let i = 0; i < bytes.length; i += 65_536) ctl.enqueue(bytes.subarray(i, i + 65_536));
        ctl.close();
      },
    });
    const r = await t.request('/api/v1/search', { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
  });

  it('lets a body within the limit through to validation', async () => {
    const r = await t.request('/api/v1/search', { method: 'POST', token, json: { purpose: 'police_check', caseReference: 'NL-1', text: 'Jan Jansen 1975' } });
    expect(r.status).toBe(200);
  });
});
