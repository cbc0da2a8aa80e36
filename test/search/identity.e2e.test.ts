// End-to-end through HTTP: multiple-identity detection creates yellow links
// across sources, the queue shows both records with the explanation, an
// officer resolves them with a reason (audited), clusters give one identity view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { NL, addPerson, countRows, seedRegistry, tokenFor } from '../support/search-fixtures.ts';

let t: TestNode;
let analyst: string;
let officer: string;
let guard: string;
const ids: Record<string, string> = {};

async function json(res: Response) {
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
}
const post = (path: string, body: unknown, token: string) => t.request(path, { method: 'POST', json: body, token }).then(json);
const get = (path: string, token: string) => t.request(path, { token }).then(json);

beforeAll(async () => {
  t = await startTestNode();
  const db = t.node.database;
  await seedRegistry(db);
  analyst = await tokenFor(t.node, NL.id, ['analyst']);
  officer = await tokenFor(t.node, NL.id, ['police_officer']);
  guard = await tokenFor(t.node, NL.id, ['border_guard']);
  ids.nl = await addPerson(db, 'nl-persons', { ref: 'N-1', names: [{ given: 'Олександр', family: 'Шевченко' }], birthDate: '1987-12-03', sex: 'M', documents: [{ type: 'passport', number: 'FE123456', issuingCountry: 'UKR' }] });
  ids.de = await addPerson(db, 'de-persons', { ref: 'D-1', names: [{ given: 'Oleksandr', family: 'Shevchenko' }], birthDate: '1987-12-03', sex: 'M', documents: [{ type: 'passport', number: 'FE123456', issuingCountry: 'UKR' }] });
  ids.de2 = await addPerson(db, 'de-persons', { ref: 'D-2', names: [{ given: 'Alexander', family: 'Schewtschenko' }], birthDate: '1987-03-12', sex: 'M', documents: [{ type: 'passport', number: 'FE123456', issuingCountry: 'UKR' }] });
  ids.other = await addPerson(db, 'de-persons', { ref: 'D-3', names: [{ given: 'Petro', family: 'Shevchenko' }], birthDate: '1961-01-20', sex: 'M' });
  ids.same = await addPerson(db, 'nl-persons', { ref: 'N-2', names: [{ given: 'Oleksandr', family: 'Shevchenko' }], birthDate: '1987-12-03' });
});
afterAll(async () => t?.close());

describe('multiple identities over HTTP', () => {
  let linkId = '';

  it('detects cross-source pairs as yellow links, not pairs within one source or different persons', async () => {
    const r = await post('/api/v1/identity/detect', {}, analyst);
    expect(r.status).toBe(200);
    expect(r.body.examined).toBe(5);
    const links = await get('/api/v1/identity/links?status=yellow', analyst);
    const pairs = links.body.items.map((l: { a: { id: string }; b: { id: string } }) => [l.a.id, l.b.id].sort().join('|'));
    expect(pairs).toContain([ids.nl, ids.de].sort().join('|'));
    expect(pairs).not.toContain([ids.nl, ids.same].sort().join('|'));
    expect(pairs.some((p: string) => p.includes(ids.other))).toBe(false);
    const link = links.body.items.find((l: { a: { id: string }; b: { id: string } }) => [l.a.id, l.b.id].includes(ids.nl) && [l.a.id, l.b.id].includes(ids.de));
    expect(link.status).toBe('yellow');
    expect(link.probability).toBeGreaterThan(0.8);
    expect(link.explanation.summary).toMatch(/document number identical/);
    expect([link.a.record.ref, link.b.record.ref].sort()).toEqual(['D-1', 'N-1']);
    expect(r.body.linksCreated).toBe(links.body.total);
    linkId = link.id;
  });

  it('refuses a bad decision precisely and changes nothing', async () => {
    const before = await countRows(t.node.database, ['identity_links', 'audit_log']);
    const bad = await post(`/api/v1/identity/links/${linkId}/resolve`, { status: 'purple', reason: 'x' }, officer);
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['reason', 'status']);
    expect((await post(`/api/v1/identity/links/${linkId}/resolve`, { status: 'red', reason: 'Same passport, two names' }, guard)).status).toBe(403);
    expect((await post('/api/v1/identity/links/00000000-0000-4000-8000-000000000000/resolve', { status: 'red', reason: 'Same passport' }, officer)).status).toBe(404);
    expect((await post('/api/v1/identity/detect', { threshold: 2 }, analyst)).body.errors[0].path).toBe('threshold');
    const after = await countRows(t.node.database, ['identity_links', 'audit_log']);
    expect(after.identity_links).toBe(before.identity_links);
    const [{ n }] = await t.node.database.query<{ n: number }>("select count(*)::int as n from identity_links where status <> 'yellow'");
    expect(n).toBe(0);
  });

  it('resolves a link red with who, when and why, audited, and keeps the decision on a new run', async () => {
    const r = await post(`/api/v1/identity/links/${linkId}/resolve`, { status: 'red', reason: 'Same passport under two names: identity fraud' }, officer);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'red', reason: 'Same passport under two names: identity fraud', decidedAt: '2026-06-01T09:00:00.000Z' });
    expect(r.body.decidedBy).toMatch(/.+/);
    const audit = await t.node.database.query<{ action: string; record_ids: string[] }>("select action, record_ids from audit_log where action = 'link.resolve'");
    expect(audit).toHaveLength(1);
    expect(audit[0].record_ids).toContain(linkId);
    const again = await post('/api/v1/identity/detect', {}, analyst);
    expect(again.body.linksCreated).toBe(0);
    expect((await get(`/api/v1/identity/links/${linkId}`, officer)).body.status).toBe('red');
  });

  it('gives one identity view of linked records', async () => {
    const c = await get(`/api/v1/identity/persons/${ids.nl}/cluster`, officer);
    expect(c.status).toBe(200);
    expect(c.body.persons.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([ids.nl, ids.de]));
    expect(c.body.persons.map((p: { id: string }) => p.id)).not.toContain(ids.other);
    expect((await get('/api/v1/identity/persons/00000000-0000-4000-8000-000000000000/cluster', officer)).status).toBe(404);
    expect((await get('/api/v1/identity/links?status=blue', officer)).status).toBe(422);
  });
});
