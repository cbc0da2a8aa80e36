// Exactly-once delivery across a hard crash: a real node process accepts a
// confirmed hit (delivery switched off, so the notification waits in the
// outbox), is killed with SIGKILL, and restarts with delivery on. The issuing
// authority then holds the notification exactly once and the sender has one
// delivery receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openNode } from '../../src/services/node.ts';
import { issueApiToken } from '../../src/services/access/tokens.ts';
import { silentLogger } from '../../src/services/logger.ts';
import { deliverPending } from '../../src/services/exchange/index.ts';
import { seedRegistry, type Seeded } from './fixtures.ts';

const BIN = resolve(import.meta.dirname, '../../bin/pontis.js');

interface Child {
  proc: ChildProcess;
  url: string;
}

async function startChild(dataDir: string, deliveryIntervalMs: number): Promise<Child> {
  const proc = spawn(process.execPath, [BIN, 'serve', '--data', dataDir, '--port', '0', '--host', '127.0.0.1'], {
    env: { ...process.env, PONTIS_DELIVERY_INTERVAL_MS: String(deliveryIntervalMs), PONTIS_LOG_LEVEL: 'error', PONTIS_DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    proc.stdout!.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) resolveUrl(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`node exited with ${code} before listening:\n${out}\n${err}`)));
  });
  return { proc, url };
}

function exited(proc: ChildProcess): Promise<void> {
  return new Promise((r) => (proc.exitCode !== null || proc.signalCode !== null ? r() : proc.once('exit', () => r())));
}

async function call(url: string, token: string, method: string, path: string, json?: unknown) {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: json !== undefined ? JSON.stringify(json) : undefined,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('delivery across a kill -9', () => {
  let dir: string;
  let seeded: Seeded;
  let nlToken: string;
  let deToken: string;
  let child: Child | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pontis-crash-'));
    const node = await openNode({ dataDir: dir, logger: silentLogger });
    seeded = await seedRegistry(node.database.db, new Date());
    nlToken = (await issueApiToken(node, { authorityId: 'nl-politie', roles: ['police_officer'], label: 'officer.de.vries' })).token;
    deToken = (await issueApiToken(node, { authorityId: 'de-bka', roles: ['spoc'], label: 'spoc.schmidt' })).token;
    await node.close();
  });

  afterAll(async () => {
    if (child && child.proc.exitCode === null && child.proc.signalCode === null) {
      child.proc.kill('SIGKILL');
      await exited(child.proc);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  // Two node start-ups (each bundles the web app and opens the store) take long on a busy machine.
  it('delivers a notification accepted before the crash exactly once after the restart', { timeout: 240_000 }, async () => {
    child = await startChild(dir, 0);
    const hit = await call(child.url, nlToken, 'POST', '/api/v1/hits', {
      alertId: seeded.personAlertId,
      recordId: seeded.personId,
      action: 'confirm',
      actionTaken: 'Person detained',
      purpose: 'police_check',
      caseReference: 'NL-CRASH-1',
    });
    expect(hit.status, JSON.stringify(hit.body)).toBe(201);
    const messageId = hit.body.notificationId as string;
    // Accepted, not delivered: the recipient has nothing, the sender sees it pending.
    expect((await call(child.url, deToken, 'GET', '/api/v1/inbox')).body.items).toEqual([]);
    const pending = await call(child.url, nlToken, 'GET', `/api/v1/messages/${messageId}`);
    expect(pending.body.deliveries).toEqual([expect.objectContaining({ authorityId: 'de-bka', status: 'pending' })]);

    child.proc.kill('SIGKILL');
    await exited(child.proc);

    child = await startChild(dir, 50);
    let items: any[] = [];
    while (items.length === 0) {
      items = (await call(child.url, deToken, 'GET', '/api/v1/inbox')).body.items;
      if (items.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(items.map((i) => i.id)).toEqual([messageId]);
    const sent = await call(child.url, nlToken, 'GET', `/api/v1/messages/${messageId}`);
    expect(sent.body.deliveries).toEqual([expect.objectContaining({ authorityId: 'de-bka', status: 'delivered', attempts: 1 })]);

    child.proc.kill('SIGTERM');
    await exited(child.proc);

    // Look at the store itself, and let one more worker run: still one copy, one receipt.
    const node = await openNode({ dataDir: dir, logger: silentLogger });
    try {
      expect((await deliverPending(node)).delivered).toBe(0);
      const db = node.database.db;
      const deliveries = await db.selectFrom('deliveries').selectAll().where('message_id', '=', messageId).execute();
      expect(deliveries.map((d) => d.recipient_authority_id)).toEqual(['de-bka']);
      const events = await db.selectFrom('exchange_events').select(['authority_id', 'kind']).where('message_id', '=', messageId).orderBy('id').execute();
      expect(events).toEqual([
        { authority_id: 'de-bka', kind: 'message' },
        { authority_id: 'nl-politie', kind: 'delivery_receipt' },
      ]);
      expect(await db.selectFrom('messages').select('id').where('kind', '=', 'hit_notification').execute()).toHaveLength(1);
    } finally {
      await node.close();
    }
  });
});
