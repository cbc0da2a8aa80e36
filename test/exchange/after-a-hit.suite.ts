// End to end through HTTP: an officer confirms a hit, the issuing authority
// receives and acknowledges the notification, both authorities exchange
// messages with attachments and see each other's read receipts, and a third
// authority cannot see any of it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeTestNode } from './http.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

export function afterAHitSuite(node: () => ExchangeTestNode): void {
  describe('after a hit, through the API', () => {
    let t: ExchangeTestNode;
    let hit: any;

    beforeAll(async () => {
      t = node();
    });

    it('confirms a hit and the issuing authority finds the notification in its inbox', async () => {
      const res = await t.call(t.tokens.nlOfficer, 'POST', '/api/v1/hits', {
        alertId: t.seeded.personAlertId,
        recordId: t.seeded.personId,
        action: 'confirm',
        actionTaken: 'Person held at the border crossing; BKA SIRENE informed by phone',
        purpose: 'police_check',
        caseReference: 'NL-2026-0042',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      hit = res.body;
      expect(hit).toMatchObject({ action: 'confirm', alertId: t.seeded.personAlertId, officer: { authorityId: 'nl-politie', name: 'officer.de.vries' } });
      expect(hit.notificationId).toMatch(/^[0-9a-f-]{36}$/);

      const inbox = await t.call(t.tokens.deSpoc, 'GET', '/api/v1/inbox');
      expect(inbox.status).toBe(200);
      expect(inbox.body.unread).toBe(1);
      expect(inbox.body.items).toHaveLength(1);
      expect(inbox.body.items[0]).toMatchObject({
        id: hit.notificationId,
        threadId: hit.threadId,
        kind: 'hit_notification',
        from: { authorityId: 'nl-politie' },
        handlingCode: 'H1',
        classification: 'restricted',
        requiresAcknowledgement: true,
        readAt: null,
        acknowledgedAt: null,
        payload: { alertId: t.seeded.personAlertId, actionTaken: 'Person held at the border crossing; BKA SIRENE informed by phone', caseReference: 'NL-2026-0042' },
      });
      // The officer's own authority has nothing in its inbox, and the third authority neither.
      expect((await t.call(t.tokens.nlOfficer, 'GET', '/api/v1/inbox')).body.items).toHaveLength(0);
      expect((await t.call(t.tokens.beSpoc, 'GET', '/api/v1/inbox')).body.items).toHaveLength(0);

      const hits = await t.call(t.tokens.deSpoc, 'GET', `/api/v1/hits?alertId=${t.seeded.personAlertId}`);
      expect(hits.status).toBe(200);
      expect(hits.body.items.map((h: any) => h.id)).toEqual([hit.id]);
      expect((await t.call(t.tokens.beSpoc, 'GET', `/api/v1/hits?alertId=${t.seeded.personAlertId}`)).body.items).toEqual([]);
    });

    it('lets the issuing authority acknowledge once, and the sender sees it', async () => {
      const ack = await t.call(t.tokens.deSpoc, 'POST', `/api/v1/messages/${hit.notificationId}/acknowledge`, { note: 'European arrest warrant follows' });
      expect(ack.status, JSON.stringify(ack.body)).toBe(201);
      const again = await t.call(t.tokens.deSpoc2, 'POST', `/api/v1/messages/${hit.notificationId}/acknowledge`, {});
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toContain('application/problem+json');
      // The sender cannot acknowledge its own notification.
      expect((await t.call(t.tokens.nlOfficer, 'POST', `/api/v1/messages/${hit.notificationId}/acknowledge`, {})).status).toBe(422);

      const seen = await t.call(t.tokens.nlOfficer, 'GET', `/api/v1/messages/${hit.notificationId}`);
      expect(seen.status).toBe(200);
      expect(seen.body.acknowledgements).toEqual([
        expect.objectContaining({ authorityId: 'de-bka', userName: 'spoc.schmidt', note: 'European arrest warrant follows' }),
      ]);
      expect(seen.body.deliveries).toEqual([expect.objectContaining({ authorityId: 'de-bka', status: 'delivered', transport: 'local' })]);
    });

    let deMessage: any;
    let nlMessage: any;

    it('carries messages with attachments both ways, with handling code and classification on each', async () => {
      const upload = await t.request('/api/v1/attachments?filename=photo.png', {
        method: 'POST',
        token: t.tokens.deSpoc,
        headers: { 'content-type': 'image/png' },
        body: PNG,
      });
      expect(upload.status).toBe(201);
      const uploaded = (await upload.json()) as any;
      expect(uploaded).toMatchObject({ filename: 'photo.png', contentType: 'image/png', sizeBytes: PNG.length });

      const fromDe = await t.call(t.tokens.deSpoc, 'POST', `/api/v1/threads/${hit.threadId}/messages`, {
        body: 'Please send the fingerprints taken at the border.',
        handlingCode: 'H2',
        classification: 'confidential',
        attachmentIds: [uploaded.id],
      });
      expect(fromDe.status, JSON.stringify(fromDe.body)).toBe(201);
      deMessage = fromDe.body;
      expect(deMessage.attachments).toEqual([expect.objectContaining({ id: uploaded.id, filename: 'photo.png' })]);

      const csv = Buffer.from('finger,quality\nright thumb,87\n');
      const fromNl = await t.call(t.tokens.nlOfficer, 'POST', `/api/v1/threads/${hit.threadId}/messages`, {
        body: 'Fingerprint quality report attached.',
        handlingCode: 'H1',
        classification: 'restricted',
        attachments: [{ filename: 'quality.csv', contentType: 'text/csv', dataBase64: csv.toString('base64') }],
      });
      expect(fromNl.status, JSON.stringify(fromNl.body)).toBe(201);
      nlMessage = fromNl.body;

      const thread = await t.call(t.tokens.deSpoc, 'GET', `/api/v1/threads/${hit.threadId}`);
      expect(thread.status).toBe(200);
      expect(thread.body.participants).toEqual(['de-bka', 'nl-politie']);
      expect(thread.body.messages.map((m: any) => [m.kind, m.sender.authorityId, m.handlingCode, m.classification])).toEqual([
        ['hit_notification', 'nl-politie', 'H1', 'restricted'],
        ['message', 'de-bka', 'H2', 'confidential'],
        ['message', 'nl-politie', 'H1', 'restricted'],
      ]);
      const nlFile = thread.body.messages[2].attachments[0];
      const download = await t.request(`/api/v1/attachments/${nlFile.id}`, { token: t.tokens.deSpoc });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('text/csv');
      expect(Buffer.from(await download.arrayBuffer()).equals(csv)).toBe(true);
    });

    it('records read receipts per user, which the sender sees with who and when', async () => {
      expect((await t.call(t.tokens.nlOfficer, 'POST', `/api/v1/messages/${deMessage.id}/read`)).status).toBe(200);
      const r1 = await t.call(t.tokens.deSpoc2, 'POST', `/api/v1/messages/${nlMessage.id}/read`);
      expect(r1.status).toBe(200);
      expect(r1.body.alreadyRead).toBe(false);
      expect((await t.call(t.tokens.deSpoc2, 'POST', `/api/v1/messages/${nlMessage.id}/read`)).body.alreadyRead).toBe(true);

      const deView = await t.call(t.tokens.deSpoc, 'GET', `/api/v1/messages/${deMessage.id}`);
      expect(deView.body.reads).toEqual([expect.objectContaining({ authorityId: 'nl-politie', userName: 'officer.de.vries' })]);
      const nlView = await t.call(t.tokens.nlOfficer, 'GET', `/api/v1/messages/${nlMessage.id}`);
      expect(nlView.body.reads).toEqual([expect.objectContaining({ authorityId: 'de-bka', userName: 'spoc.weber', readAt: t.clock.now().toISOString() })]);

      // Unread first: for spoc.weber the unread notification comes before the message they read.
      const inbox = await t.call(t.tokens.deSpoc2, 'GET', '/api/v1/inbox');
      expect(inbox.body.items.map((i: any) => [i.id, i.readAt === null])).toEqual([
        [hit.notificationId, true],
        [nlMessage.id, false],
      ]);
      const onlyHits = await t.call(t.tokens.deSpoc2, 'GET', '/api/v1/inbox?kind=hit_notification');
      expect(onlyHits.body.items.map((i: any) => i.id)).toEqual([hit.notificationId]);
    });

    it('keeps the thread from a third authority', async () => {
      const be = t.tokens.beSpoc;
      expect((await t.call(be, 'GET', `/api/v1/threads/${hit.threadId}`)).status).toBe(404);
      expect((await t.call(be, 'POST', `/api/v1/threads/${hit.threadId}/messages`, { body: 'hello', handlingCode: 'H0', classification: 'unclassified' })).status).toBe(404);
      expect((await t.call(be, 'GET', `/api/v1/messages/${deMessage.id}`)).status).toBe(404);
      expect((await t.call(be, 'POST', `/api/v1/messages/${deMessage.id}/read`)).status).toBe(404);
      expect((await t.call(be, 'POST', `/api/v1/messages/${hit.notificationId}/acknowledge`, {})).status).toBe(404);
      expect((await t.call(be, 'GET', `/api/v1/attachments/${deMessage.attachments[0].id}`)).status).toBe(404);
      const denied = await t.call(be, 'GET', `/api/v1/threads/${hit.threadId}`);
      expect(denied.headers.get('content-type')).toContain('application/problem+json');
      expect(denied.body.detail).toContain('No thread');
    });

    it('leaves every write and every read in the audit trail', async () => {
      const rows = await t.node.database.query<{ body: string }>('select body from audit_log order by seq');
      const entries = rows.map((r) => JSON.parse(r.body));
      const of = (action: string) => entries.filter((e) => e.action === action);
      expect(of('hit.confirm')).toEqual([
        expect.objectContaining({
          purpose: 'police_check',
          caseReference: 'NL-2026-0042',
          changed: [{ type: 'hit', id: hit.id }, { type: 'message', id: hit.notificationId }],
          actor: expect.objectContaining({ authorityId: 'nl-politie', name: 'officer.de.vries' }),
        }),
      ]);
      expect(of('hit_notification.acknowledge')).toHaveLength(1);
      expect(of('message.send').map((e) => e.changed[0].id)).toEqual([deMessage.id, nlMessage.id]);
      expect(of('attachment.upload')).toHaveLength(1);
      expect(of('attachment.read')).toHaveLength(1);
      expect(of('message.mark_read')).toHaveLength(2);
      expect(of('thread.read').length).toBeGreaterThanOrEqual(1);
      expect(of('message.read').some((e) => e.returned.some((r: any) => r.id === deMessage.id))).toBe(true);
      expect(of('inbox.read').length).toBeGreaterThanOrEqual(4);
      expect(of('hit.read')).toHaveLength(2);
    });

    it('has no way to change or delete a sent message', async () => {
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        expect((await t.call(t.tokens.deSpoc, method, `/api/v1/messages/${deMessage.id}`, { body: 'x' })).status).toBe(404);
      }
      const after = await t.call(t.tokens.deSpoc, 'GET', `/api/v1/messages/${deMessage.id}`);
      expect(after.body.body).toBe('Please send the fingerprints taken at the border.');
    });
  });
}
