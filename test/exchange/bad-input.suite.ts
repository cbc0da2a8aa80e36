// Bad input at every exchange endpoint gets a precise problem document
// (status, type, and the field at fault) and changes nothing in the store.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeTestNode } from './http.ts';
import { countRows, EXCHANGE_TABLES } from './fixtures.ts';
import { MAX_ATTACHMENT_BYTES } from '../../src/services/exchange/index.ts';

export function badInputSuite(node: () => ExchangeTestNode): void {
  describe('bad input to the exchange API', () => {
    let t: ExchangeTestNode;
    let threadId: string;
    let notificationId: string;
    const validHit = () => ({
      alertId: t.seeded.vehicleAlertId,
      recordId: t.seeded.vehicleId,
      action: 'confirm',
      actionTaken: 'Vehicle seized',
      purpose: 'police_check',
      caseReference: 'NL-2026-0100',
    });

    beforeAll(async () => {
      t = node();
      const hit = await t.call(t.tokens.nlOfficer, 'POST', '/api/v1/hits', validHit());
      expect(hit.status).toBe(201);
      threadId = hit.body.threadId;
      notificationId = hit.body.notificationId;
    });

    /** Runs the request and checks the problem document and that no exchange row changed. */
    async function refused(
      req: () => Promise<{ status: number; body: any; headers: Headers }>,
      status: number,
      field?: string,
      messagePart?: RegExp,
    ): Promise<any> {
      const before = await countRows(t.node.database.db, EXCHANGE_TABLES);
      const res = await req();
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/pontis\.eu\/problems\//), title: expect.any(String) });
      if (field) {
        const hit = (res.body.errors ?? []).find((e: any) => e.path === field);
        expect(hit, `expected an error at ${field}, got ${JSON.stringify(res.body.errors)}`).toBeDefined();
        if (messagePart) expect(hit.message).toMatch(messagePart);
      }
      expect(await countRows(t.node.database.db, EXCHANGE_TABLES)).toEqual(before);
      return res.body;
    }

    const post = (token: string, path: string, json: unknown) => () => t.call(token, 'POST', path, json);

    it('refuses hits without purpose, with unknown alerts or records, or without the action taken', async () => {
      const nl = t.tokens.nlOfficer;
      const { purpose: _p, ...noPurpose } = validHit();
      await refused(post(nl, '/api/v1/hits', noPurpose), 422, 'purpose');
      await refused(post(nl, '/api/v1/hits', { ...validHit(), caseReference: '' }), 422, 'caseReference');
      await refused(post(nl, '/api/v1/hits', { ...validHit(), alertId: '00000000-0000-4000-8000-000000000000' }), 422, 'alertId', /no alert/);
      await refused(post(nl, '/api/v1/hits', { ...validHit(), alertId: 'not-a-uuid' }), 422, 'alertId', /UUID/);
      await refused(post(nl, '/api/v1/hits', { ...validHit(), recordId: '00000000-0000-4000-8000-000000000000' }), 422, 'recordId', /no person or object/);
      const { actionTaken: _a, ...noAction } = validHit();
      await refused(post(nl, '/api/v1/hits', noAction), 422, 'actionTaken');
      await refused(post(nl, '/api/v1/hits', { ...validHit(), action: 'dismiss', actionTaken: undefined }), 422, 'reason');
      await refused(post(nl, '/api/v1/hits', { ...validHit(), action: 'maybe' }), 422, 'action');
      await refused(post(nl, '/api/v1/hits', { ...validHit(), purpose: 'border_check' }), 403);
      await refused(() => t.call(undefined, 'POST', '/api/v1/hits', validHit()), 401);
      await refused(() => t.request('/api/v1/hits', { method: 'POST', token: nl, headers: { 'content-type': 'application/json' }, body: '{"alertId": ' }).then(asResult), 400);
    });

    it('refuses thread messages with a bad handling code, classification, body or attachment', async () => {
      const de = t.tokens.deSpoc;
      const path = `/api/v1/threads/${threadId}/messages`;
      const good = { body: 'Where is the vehicle now?', handlingCode: 'H1', classification: 'restricted' };
      await refused(post(de, path, { ...good, handlingCode: 'H7' }), 422, 'handlingCode');
      await refused(post(de, path, { ...good, classification: 'top-secret' }), 422, 'classification');
      await refused(post(de, path, { ...good, body: '   ' }), 422, 'body');
      const pdfThatIsText = { filename: 'report.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('just text').toString('base64') };
      await refused(post(de, path, { ...good, attachments: [pdfThatIsText] }), 422, 'attachments/0/data', /not application\/pdf/);
      const exe = { filename: 'tool.exe', contentType: 'application/x-msdownload', dataBase64: Buffer.from('MZ').toString('base64') };
      await refused(post(de, path, { ...good, attachments: [exe] }), 422, 'attachments/0/contentType', /not allowed/);
      const wrongName = { filename: 'notes.png', contentType: 'text/plain', dataBase64: Buffer.from('notes').toString('base64') };
      await refused(post(de, path, { ...good, attachments: [wrongName] }), 422, 'attachments/0/filename', /\.txt/);
      const badBase64 = { filename: 'a.txt', contentType: 'text/plain', dataBase64: 'abc' };
      await refused(post(de, path, { ...good, attachments: [badBase64] }), 422, 'attachments/0/dataBase64');
      await refused(post(de, path, { ...good, attachmentIds: ['00000000-0000-4000-8000-000000000000'] }), 422, 'attachmentIds/0', /no attachment/);
      await refused(post(de, `/api/v1/threads/00000000-0000-4000-8000-000000000000/messages`, good), 404);
    });

    it('refuses uploads that are too large, of a type not allowed, or whose bytes do not match', async () => {
      const de = t.tokens.deSpoc;
      const upload = (body: Uint8Array, contentType: string, filename = 'file') => () =>
        t.request(`/api/v1/attachments?filename=${encodeURIComponent(filename)}`, { method: 'POST', token: de, headers: { 'content-type': contentType }, body: Buffer.from(body) }).then(asResult);
      await refused(upload(new Uint8Array(MAX_ATTACHMENT_BYTES + 1), 'application/pdf', 'big.pdf'), 413);
      await refused(upload(Buffer.from('hello'), 'image/png', 'x.png'), 422, 'data', /not image\/png/);
      await refused(upload(Buffer.from('%PDF-1.7'), 'application/zip', 'x.zip'), 422, 'contentType', /not allowed/);
      await refused(upload(new Uint8Array(0), 'text/plain', 'empty.txt'), 422, 'data', /empty/);
      await refused(upload(Buffer.from('{"a":'), 'application/json', 'broken.json'), 422, 'data');
      await refused(upload(Buffer.from('plain'), 'text/plain', '../../etc/passwd'), 422, 'filename');
    });

    it('refuses reads, acknowledgements and receipts that do not apply', async () => {
      const de = t.tokens.deSpoc;
      const nl = t.tokens.nlOfficer;
      await refused(() => t.call(de, 'POST', '/api/v1/messages/not-a-uuid/read'), 422, 'param/id');
      await refused(() => t.call(nl, 'POST', `/api/v1/messages/${notificationId}/read`), 422, 'id', /your authority sent/);
      await refused(() => t.call(de, 'GET', '/api/v1/inbox?kind=spam'), 422, 'query/kind');
      await refused(() => t.call(de, 'GET', '/api/v1/hits'), 422, 'query/alertId');
      await refused(() => t.call(de, 'GET', '/api/v1/hits?alertId=00000000-0000-4000-8000-000000000000'), 404);
      await refused(() => t.call(de, 'POST', `/api/v1/rapid-alerts/${notificationId}/acknowledge`, {}), 422, 'id', /not a rapid alert/);
      await refused(() => t.call(de, 'GET', '/api/v1/events?since=yesterday'), 422, 'since');
    });

    it('refuses rapid alerts to unknown authorities or without the required fields', async () => {
      const de = t.tokens.deSpoc;
      const good = { title: 'Notice', body: 'Text', severity: 'high', recipients: ['nl-politie'], handlingCode: 'H0' };
      await refused(post(de, '/api/v1/rapid-alerts', { ...good, recipients: ['xx-nobody'] }), 422, 'recipients/0', /no authority/);
      await refused(post(de, '/api/v1/rapid-alerts', { ...good, recipients: ['de-bka'] }), 422, 'recipients/0', /own authority/);
      await refused(post(de, '/api/v1/rapid-alerts', { ...good, recipients: [] }), 422, 'recipients');
      await refused(post(de, '/api/v1/rapid-alerts', { ...good, severity: 'apocalyptic' }), 422, 'severity');
      await refused(post(de, '/api/v1/rapid-alerts', { ...good, requiresAcknowledgement: false }), 422, 'requiresAcknowledgement');
      await refused(post(de, '/api/v1/rapid-alerts', { ...good, handlingCode: 'h1' }), 422, 'handlingCode');
    });

    it('refuses to close a case twice or with a malformed reference', async () => {
      const nl = t.tokens.nlOfficer;
      const ok = await t.call(nl, 'POST', '/api/v1/cases/NL-2026-0100/close', { reason: 'Vehicle returned to owner' });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
      await refused(post(nl, '/api/v1/cases/NL-2026-0100/close', {}), 409);
      await refused(post(nl, `/api/v1/cases/${encodeURIComponent('!!')}/close`, {}), 422);
    });
  });
}

async function asResult(res: Response): Promise<{ status: number; body: any; headers: Headers }> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}
