// A node with data for the browser tests and the screenshot script: a small
// synthetic population (with alerts), one account per role, and — on request
// — activity for the screens to show (searches spread over weeks, confirmed
// hits with their follow-up threads, a message with an attachment, identity
// links to verify). Everything goes through the services the API uses; no
// rows are written by hand.
import { openNode } from '../../src/services/node.ts';
import { startServer } from '../../src/api/server.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { silentLogger } from '../../src/services/logger.ts';
import type { NodeContext } from '../../src/services/context.ts';
import type { Actor, Role } from '../../src/access/actor.ts';
import { createUser, findAuthority, userActor, type UserRow } from '../../src/services/access/index.ts';
import { importLines } from '../../src/services/import/index.ts';
import { generatePopulation } from '../../src/generator/population.ts';
import { search, isRecordHit, type SearchResult } from '../../src/services/search/index.ts';
import { recordHit, postToThread, sendRapidAlert } from '../../src/services/exchange/index.ts';
import { detectMultipleIdentities } from '../../src/services/identity/index.ts';

export const PASSWORD = 'web-tests-password-2026';

export const ACCOUNTS: { username: string; role: Role; authority: string }[] = [
  { username: 'officer', role: 'police_officer', authority: 'nl-politie' },
  { username: 'border', role: 'border_guard', authority: 'nl-kmar' },
  { username: 'analyst', role: 'analyst', authority: 'nl-politie' },
  { username: 'spoc', role: 'spoc', authority: 'nl-politie' },
  { username: 'spoc.de', role: 'spoc', authority: 'de-bka' },
  { username: 'officer.de', role: 'police_officer', authority: 'de-bka' },
  { username: 'dpo', role: 'dpo', authority: 'nl-politie' },
];

export interface WebNode {
  node: NodeContext;
  url: string;
  clock: ManualClock;
  actor(username: string): Promise<Actor>;
  close(): Promise<void>;
}

// The node's clock starts at the real time: the browser keeps the session
// cookie only until its expiry, which the node computes from its own clock.
export const TODAY = new Date().toISOString().slice(0, 10);

export async function startWebNode(opts: { persons?: number; seed?: number } = {}): Promise<WebNode> {
  const clock = new ManualClock(new Date());
  const node = await openNode({ clock, logger: silentLogger });
  const lines = [...generatePopulation({ persons: opts.persons ?? 400, seed: opts.seed ?? 7, today: TODAY })].filter((l) => l.type !== 'truth');
  await importLines(node, lines);
  for (const a of ACCOUNTS) await createUser(node, { username: a.username, password: PASSWORD, authorityId: a.authority, roles: [a.role], displayName: a.username });
  const server = await startServer(node);
  return {
    node,
    url: server.url,
    clock,
    async actor(username) {
      const u = (await node.database.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow()) as unknown as UserRow;
      return userActor(u, (await findAuthority(node.database.db, u.authority_id))!);
    },
    async close() {
      await server.close();
      await node.close();
    },
  };
}

/** A person with an active alert issued by `issuer` (or any), for searches that must hit. */
export async function personWithAlert(node: NodeContext, opts: { issuer?: string; notIssuer?: string } = {}) {
  let q = node.database.db
    .selectFrom('alerts as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .select(['a.id as alertId', 'a.category', 'a.action', 'a.issuing_authority_id', 'p.id as personId', 'p.record', 'p.display_name', 'p.birth_date'])
    .where('a.status', '=', 'active')
    .where('a.expires_at', '>', TODAY)
    .where((w) => w.or([w('a.valid_from', 'is', null), w('a.valid_from', '<=', TODAY)]))
    .where('p.birth_date', 'is not', null);
  if (opts.issuer) q = q.where('a.issuing_authority_id', '=', opts.issuer);
  if (opts.notIssuer) q = q.where('a.issuing_authority_id', '!=', opts.notIssuer);
  const row = await q.orderBy('a.id').limit(1).executeTakeFirstOrThrow();
  const record = (typeof row.record === 'string' ? JSON.parse(row.record) : row.record) as { names: { given?: string; family?: string }[] };
  const n = record.names[0]!;
  return { ...row, given: n.given ?? '', family: n.family ?? '', query: `${n.given ?? ''} ${n.family ?? ''} ${row.birth_date}`.trim() };
}

/** Active alerts on persons with a known birth date, issued (or not) by an authority. */
async function alertTargets(node: NodeContext, opts: { issuer?: string; notIssuer?: string; limit: number }) {
  let q = node.database.db
    .selectFrom('alerts as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .select(['a.id', 'p.record', 'p.birth_date'])
    .where('a.status', '=', 'active')
    .where('a.expires_at', '>', TODAY)
    .where((w) => w.or([w('a.valid_from', 'is', null), w('a.valid_from', '<=', TODAY)]))
    .where('p.birth_date', 'is not', null);
  if (opts.issuer) q = q.where('a.issuing_authority_id', '=', opts.issuer);
  if (opts.notIssuer) q = q.where('a.issuing_authority_id', '!=', opts.notIssuer);
  return q.orderBy('a.id').limit(opts.limit).execute();
}

/** Searches for the person of an alert and confirms (or dismisses) the hit; the thread id when a notification went out. */
async function searchAndDecide(web: WebNode, username: string, target: { id: string; record: unknown; birth_date: string | null }, caseReference: string, decision?: 'confirm' | 'dismiss') {
  const actor = await web.actor(username);
  const rec = (typeof target.record === 'string' ? JSON.parse(target.record) : target.record) as { names: { given?: string; family?: string }[] };
  const text = `${rec.names[0]?.given ?? ''} ${rec.names[0]?.family ?? ''} ${target.birth_date}`;
  const r: SearchResult = await search(web.node, actor, { purpose: 'police_check', caseReference, text });
  const hit = r.hits.find((h) => isRecordHit(h) && h.alerts.some((a) => a.id === target.id));
  if (!decision || !hit || !isRecordHit(hit)) return { result: r, threadId: undefined, decided: false };
  const v = await recordHit(web.node, actor, {
    alertId: target.id, searchId: r.searchId, recordId: hit.recordId, action: decision,
    ...(decision === 'dismiss' ? { reason: 'Different date of birth on the passport.' } : { actionTaken: 'Person stopped and identified; issuing authority informed.' }),
    purpose: 'police_check', caseReference,
  });
  return { result: r, threadId: v.threadId ?? undefined, decided: true };
}

/**
 * Activity over the eight weeks before today: the Dutch officer's searches
 * (some without a match) and hit decisions on foreign alerts; a German
 * officer's confirmed hit on a Dutch alert with a message and an attachment
 * (the incoming thread); identity links from a detection run (unless told not to).
 */
export async function seedActivity(web: WebNode, opts: { detectIdentities?: boolean } = {}): Promise<{ searches: number; confirmed: number; incomingThreadId?: string; outgoingThreadId?: string }> {
  const { node, clock } = web;
  const start = clock.now().getTime();
  const targets = await alertTargets(node, { notIssuer: 'nl-politie', limit: 24 });
  let searches = 0;
  let confirmed = 0;
  let outgoingThreadId: string | undefined;
  for (let i = 0; i < targets.length; i++) {
    clock.set(new Date(start - (56 - i * 2.3) * 86_400_000));
    const caseReference = `NL-2026-${100 + (i % 5)}`;
    const decision = i % 3 === 2 ? undefined : i % 4 === 3 ? 'dismiss' : 'confirm';
    const r = await searchAndDecide(web, 'officer', targets[i]!, caseReference, decision);
    searches++;
    if (r.decided && decision === 'confirm') confirmed++;
    outgoingThreadId ??= r.threadId;
    // Searches that find nothing, as most do at a border.
    for (let k = 0; k < 1 + (i % 3); k++) {
      await search(node, await web.actor('officer'), { purpose: 'police_check', caseReference, text: `Nomatch Person${i}x${k} 1950-01-0${(i % 9) + 1}` });
      searches++;
    }
  }
  clock.set(new Date(start - 2 * 86_400_000));
  const [dutch] = await alertTargets(node, { issuer: 'nl-politie', limit: 1 });
  let incomingThreadId: string | undefined;
  if (dutch) {
    const r = await searchAndDecide(web, 'officer.de', dutch, 'DE-2026-77', 'confirm');
    searches++;
    confirmed++;
    incomingThreadId = r.threadId;
    if (incomingThreadId) {
      await postToThread(node, await web.actor('officer.de'), incomingThreadId, {
        body: 'We hold the person at Frankfurt airport. Please send the European Arrest Warrant.',
        handlingCode: 'H1',
        classification: 'restricted',
        attachments: [{ filename: 'stop-report.txt', contentType: 'text/plain', dataBase64: Buffer.from('Stop report: person identified at gate B42.\n').toString('base64') }],
      });
    }
  }
  clock.set(new Date(start));
  if (opts.detectIdentities !== false) await detectMultipleIdentities(node, await web.actor('analyst'), {});
  return { searches, confirmed, incomingThreadId, outgoingThreadId };
}

export async function broadcastRapidAlert(web: WebNode, title: string, from = 'spoc.de'): Promise<string> {
  const r = await sendRapidAlert(web.node, await web.actor(from), {
    title,
    body: 'Phishing campaign against police webmail; do not open attachments named "Verhoor.pdf".',
    severity: 'high',
    recipients: 'all',
    handlingCode: 'H0',
  });
  return r.id;
}
