// The data-protection officer answers "who saw this person's data, and why"
// through the API: queries by person (with the identity cluster), user, case
// and period; exports; verification; the data-subject access report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestNode, type TestNode } from '../support/node.ts';
import { addAuthority, tokenFor, userFor } from './fixtures.ts';
import { appendAudit } from '../../src/services/audit/audit-log.ts';
import type { Actor } from '../../src/access/actor.ts';

const P1 = '11111111-1111-5111-8111-111111111111';
const P2 = '22222222-2222-5222-8222-222222222222';
const P3 = '33333333-3333-5333-8333-333333333333';
const A2 = '44444444-4444-5444-8444-444444444444';

interface Entry {
  seq: number;
  action: string;
  actor: { name: string };
  purpose?: string;
  caseReference?: string;
}

describe('DPO audit API and subject report', () => {
  let t: TestNode;
  let dpo: string;
  let officer: Actor;
  beforeAll(async () => {
    t = await startTestNode();
    const db = t.node.database;
    await addAuthority(t.node, 'nl-knp', 'police');
    await addAuthority(t.node, 'nl-kmar', 'border');
    await db.query(`insert into sources (id, authority_id, name, kind) values ('nl-brp', 'nl-knp', 'Persons index', 'persons_index'), ('nl-sis', 'nl-knp', 'Alerts', 'alerts')`);
    for (const [id, ref, name] of [[P1, 'r1', 'Jan Kowalski'], [P2, 'r2', 'Jan Kovalskyi <b>'], [P3, 'r3', 'Someone Else']]) {
      await db.query(`insert into persons (id, source_id, ref, record, display_name, birth_date) values ($1, 'nl-brp', $2, '{"names":[]}', $3, '1985')`, [id, ref, name]);
    }
    await db.query(`insert into identity_documents (person_id, position, doc_type, number, number_key, issuing_country) values ($1, 0, 'passport', 'XK123', 'XK123', 'POL')`, [P2]);
    await db.query(`insert into identity_links (id, person_a, person_b, probability, explanation, status, created_at) values (gen_random_uuid(), $1, $2, 0.97, '{}', 'white', now())`, [P1, P2]);
    await db.query(
      `insert into alerts (id, source_id, ref, subject_type, person_id, category, action, issuing_authority_id, expires_at, status, record) values ($1, 'nl-sis', 'a2', 'person', $2, 'arrest', 'Arrest', 'nl-knp', '2027-01-01', 'active', '{}')`,
      [A2, P2],
    );
    const officerId = await userFor(t.node, 'agent.de.vries', 'nl-knp', ['police_officer']);
    officer = { kind: 'user', id: officerId, name: 'agent.de.vries', authorityId: 'nl-knp', authorityKind: 'police', country: 'NLD', roles: ['police_officer'] };
    const guard: Actor = { ...officer, id: 'guard-1', name: 'grens.jansen', authorityId: 'nl-kmar', authorityKind: 'border', roles: ['border_guard'] };
    await appendAudit(db.db, { actor: officer, action: 'record.read', outcome: 'ok', purpose: 'criminal_investigation', caseReference: 'ZAAK-2026-001', returned: [{ type: 'person', id: P1 }], at: new Date('2026-05-01T10:00:00Z') });
    await appendAudit(db.db, { actor: guard, action: 'search', outcome: 'ok', purpose: 'border_check', caseReference: 'KMAR-77', returned: [{ type: 'person', id: P2 }], at: new Date('2026-05-20T08:00:00Z') });
    await appendAudit(db.db, { actor: officer, action: 'alert.update', outcome: 'ok', purpose: 'alert_management', caseReference: 'ZAAK-2026-001', changed: [{ type: 'alert', id: A2 }], at: new Date('2026-05-21T08:00:00Z') });
    await appendAudit(db.db, { actor: guard, action: 'search', outcome: 'ok', purpose: 'border_check', caseReference: 'KMAR-78', returned: [{ type: 'person', id: P3 }], at: new Date('2026-05-22T08:00:00Z') });
    dpo = await tokenFor(t.node, 'nl-knp', 'dpo');
  });
  afterAll(async () => t?.close());

  const entries = async (query: string) => {
    const res = await t.request(`/api/v1/audit/entries?${query}`, { token: dpo });
    expect(res.status).toBe(200);
    return ((await res.json()) as { entries: Entry[]; next: number | null }).entries;
  };

  it('finds every access to a person, their identity cluster and the alerts on them', async () => {
    const found = await entries(`person=${P1}`);
    expect(found.map((e) => [e.action, e.actor.name, e.caseReference])).toEqual([
      ['alert.update', 'agent.de.vries', 'ZAAK-2026-001'],
      ['search', 'grens.jansen', 'KMAR-77'],
      ['record.read', 'agent.de.vries', 'ZAAK-2026-001'],
    ]);
  });

  it('filters by user, case and period, and pages with a cursor', async () => {
    expect((await entries('user=agent.de.vries&action=record')).map((e) => e.action)).toEqual(['record.read']);
    expect((await entries('case=KMAR-78')).map((e) => e.caseReference)).toEqual(['KMAR-78']);
    expect((await entries('from=2026-05-20&to=2026-05-22&action=search')).map((e) => e.caseReference)).toEqual(['KMAR-77']);
    const res = await t.request('/api/v1/audit/entries?action=search&limit=1', { token: dpo });
    const page = (await res.json()) as { entries: Entry[]; next: number };
    expect(page.entries).toHaveLength(1);
    const rest = await entries(`action=search&limit=1&before=${page.next}`);
    expect(rest[0]!.seq).toBeLessThan(page.entries[0]!.seq);
  });

  it('rejects a bad filter with the field named', async () => {
    const res = await t.request('/api/v1/audit/entries?from=last-tuesday', { token: dpo });
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('from');
  });

  it('records the DPO reading the log', async () => {
    const mine = await entries('action=audit.read');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine[0]!.purpose).toBe('data_protection_review');
  });

  it('exports as JSON Lines and CSV', async () => {
    const jsonl = await (await t.request(`/api/v1/audit/export?person=${P1}`, { token: dpo })).text();
    const lines = jsonl.trim().split('\n').map((l) => JSON.parse(l) as Entry);
    expect(lines.map((l) => l.action)).toEqual(['record.read', 'search', 'alert.update']);
    const res = await t.request(`/api/v1/audit/export?person=${P1}&format=csv`, { token: dpo });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = (await res.text()).trim().split('\r\n');
    expect(csv[0]).toMatch(/^seq,at,actor_kind,actor_id,actor_name/);
    expect(csv).toHaveLength(4);
    expect(csv[1]).toContain('ZAAK-2026-001');
  });

  it('verifies the chain on request', async () => {
    const res = await t.request('/api/v1/audit/verify', { method: 'POST', token: dpo, json: {} });
    const body = (await res.json()) as { ok: boolean; entriesChecked: number };
    expect(body.ok).toBe(true);
    expect(body.entriesChecked).toBeGreaterThan(5);
  });

  it('produces the data-subject access report as JSON and as printable HTML', async () => {
    const res = await t.request(`/api/v1/persons/${P1}/subject-report`, { token: dpo });
    expect(res.status).toBe(200);
    const r = (await res.json()) as { persons: { id: string; documents: unknown[] }[]; alerts: { id: string }[]; accesses: Entry[] };
    expect(r.persons.map((p) => p.id).sort()).toEqual([P1, P2]);
    expect(r.persons.find((p) => p.id === P2)!.documents).toHaveLength(1);
    expect(r.alerts.map((a) => a.id)).toEqual([A2]);
    expect(r.accesses.map((a) => a.actor.name)).toEqual(['agent.de.vries', 'grens.jansen', 'agent.de.vries']);
    const html = await (await t.request(`/api/v1/persons/${P1}/subject-report?format=html`, { token: dpo })).text();
    expect(html).toContain('<h1>Data-subject access report</h1>');
    expect(html).toContain('grens.jansen');
    expect(html).toContain('Jan Kovalskyi &lt;b&gt;');
    expect(html).not.toContain('<b>');
    expect((await t.request(`/api/v1/persons/${P3.replace('3333-5', '9999-5')}/subject-report`, { token: dpo })).status).toBe(404);
  });

  it('keeps the log from anyone but the DPO', async () => {
    for (const role of ['border_guard', 'police_officer', 'analyst', 'admin'] as const) {
      const token = await tokenFor(t.node, role === 'border_guard' ? 'nl-kmar' : 'nl-knp', role);
      expect((await t.request(`/api/v1/audit/entries?person=${P1}`, { token })).status).toBe(403);
      expect((await t.request(`/api/v1/persons/${P1}/subject-report`, { token })).status).toBe(403);
    }
    // and each refusal is itself on the record
    const refused = await entries('outcome=denied&action=audit.read');
    expect(refused.map((e) => e.actor.name).sort()).toEqual(['admin test token', 'analyst test token', 'border_guard test token', 'police_officer test token']);
  });
});
