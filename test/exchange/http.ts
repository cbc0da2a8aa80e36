// HTTP helpers for the exchange end-to-end tests: a node seeded with three
// authorities and one API token per person, JSON calls, and a small
// server-sent-events client.
import { startTestNode, type TestNode } from '../support/node.ts';
import { issueApiToken } from '../../src/services/access/tokens.ts';
import type { Role } from '../../src/access/actor.ts';
import { seedRegistry, type Seeded } from './fixtures.ts';

export interface ExchangeTestNode extends TestNode {
  seeded: Seeded;
  tokens: { nlOfficer: string; deSpoc: string; deSpoc2: string; beSpoc: string };
  call(token: string | undefined, method: string, path: string, json?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
}

export async function issueToken(t: TestNode, authorityId: string, label: string, roles: Role[]): Promise<string> {
  return (await issueApiToken(t.node, { authorityId, roles, label })).token;
}

export async function startExchangeNode(): Promise<ExchangeTestNode> {
  const t = await startTestNode();
  const seeded = await seedRegistry(t.node.database.db, t.clock.now());
  const tokens = {
    nlOfficer: await issueToken(t, 'nl-politie', 'officer.de.vries', ['police_officer']),
    deSpoc: await issueToken(t, 'de-bka', 'spoc.schmidt', ['spoc', 'police_officer']),
    deSpoc2: await issueToken(t, 'de-bka', 'spoc.weber', ['spoc']),
    beSpoc: await issueToken(t, 'be-police', 'spoc.dubois', ['spoc', 'police_officer']),
  };
  return {
    ...t,
    seeded,
    tokens,
    async call(token, method, path, json) {
      const res = await t.request(path, { method, token, ...(json !== undefined ? { json } : {}) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body, headers: res.headers };
    },
  };
}

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

/** A server-sent-events subscription: `next` waits for the first event (after those already taken) that matches. */
export async function openEventStream(url: string, token: string, lastEventId?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'text/event-stream' };
  if (lastEventId !== undefined) headers['last-event-id'] = lastEventId;
  const res = await fetch(url + '/api/v1/events', { headers, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new Error(`event stream refused: ${res.status} ${await res.text()}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const queue: SseEvent[] = [];
  let buffer = '';
  let comments = 0;
  async function pump(): Promise<boolean> {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += decoder.decode(value, { stream: true });
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const e: SseEvent = { data: '' };
      let isEvent = false;
      for (const line of frame.split('\n')) {
        if (line.startsWith(':')) comments++;
        else if (line.startsWith('id:')) e.id = line.slice(3).trim();
        else if (line.startsWith('event:')) e.event = line.slice(6).trim();
        else if (line.startsWith('data:')) {
          e.data += (isEvent ? '\n' : '') + line.slice(5).trimStart();
          isEvent = true;
        }
      }
      if (isEvent) queue.push(e);
    }
    return true;
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type'),
    get comments() {
      return comments;
    },
    async next(match: (e: SseEvent & { json: any }) => boolean): Promise<SseEvent & { json: any }> {
      for (;;) {
        while (queue.length) {
          const e = queue.shift()!;
          const withJson = { ...e, json: JSON.parse(e.data) };
          if (match(withJson)) return withJson;
        }
        if (!(await pump())) throw new Error('event stream ended');
      }
    },
    /** Waits until the server's opening comment arrives, so the subscription is live. */
    async ready(): Promise<void> {
      while (comments === 0) if (!(await pump())) throw new Error('event stream ended');
    },
    close() {
      controller.abort();
    },
  };
}
