// Rapid alerts end to end: a broadcast arrives live over server-sent events
// at a subscribed authority, an authority that was offline gets it on
// reconnecting with Last-Event-ID, and the sender sees who acknowledged.
import { beforeAll, describe, expect, it } from 'vitest';
import { issueToken, openEventStream, type ExchangeTestNode } from './http.ts';

export function rapidAlertsSuite(node: () => ExchangeTestNode): void {
  describe('rapid alerts, through the API', () => {
    let t: ExchangeTestNode;
    beforeAll(async () => {
      t = node();
    });

    it('arrives live, reaches an authority that was offline, and tracks acknowledgements', async () => {
      // be-police has seen nothing yet (event 0) and is offline during the broadcast.
      const deLive = await openEventStream(t.url, t.tokens.deSpoc);
      await deLive.ready();
      expect(deLive.contentType).toContain('text/event-stream');
      const beforeBroadcast = '0';

      const sent = await t.call(t.tokens.nlOfficer, 'POST', '/api/v1/rapid-alerts', {
        title: 'Ransomware campaign against border IT',
        body: 'Indicators of compromise: see the attached list; isolate affected hosts.',
        severity: 'critical',
        recipients: ['de-bka', 'be-police'],
        handlingCode: 'H2',
        requiresAcknowledgement: true,
      });
      // A police officer at nl-politie may not broadcast; a single point of contact may.
      expect(sent.status).toBe(403);
      const nlSpocToken = await issueToken(t, 'nl-politie', 'spoc.jansen', ['spoc']);
      const broadcast = await t.call(nlSpocToken, 'POST', '/api/v1/rapid-alerts', {
        title: 'Ransomware campaign against border IT',
        body: 'Indicators of compromise: see the attached list; isolate affected hosts.',
        severity: 'critical',
        recipients: ['de-bka', 'be-police'],
        handlingCode: 'H2',
        requiresAcknowledgement: true,
      });
      expect(broadcast.status, JSON.stringify(broadcast.body)).toBe(201);
      const alertId = broadcast.body.id;
      expect(broadcast.body.recipients.map((r: any) => r.authorityId)).toEqual(['be-police', 'de-bka']);

      const live = await deLive.next((e) => e.event === 'message' && e.json.messageId === alertId);
      expect(live.json.payload).toMatchObject({ messageKind: 'rapid_alert', subject: 'Ransomware campaign against border IT', severity: 'critical', handlingCode: 'H2', from: 'nl-politie' });
      expect(Number(live.id)).toBe(live.json.id);
      deLive.close();

      // be-police comes back and asks for everything after what it had seen.
      const beBack = await openEventStream(t.url, t.tokens.beSpoc, beforeBroadcast);
      const missed = await beBack.next((e) => e.event === 'message' && e.json.messageId === alertId);
      expect(missed.json.payload.messageKind).toBe('rapid_alert');
      beBack.close();
      // …and one that reconnects after that event gets nothing older.
      const beLater = await openEventStream(t.url, t.tokens.beSpoc, missed.id);
      await t.call(nlSpocToken, 'POST', '/api/v1/rapid-alerts', { title: 'Second notice', body: 'Follow-up.', severity: 'low', recipients: ['be-police'], handlingCode: 'H0' });
      const next = await beLater.next((e) => e.event === 'message');
      expect(next.json.payload.subject).toBe('Second notice');
      beLater.close();

      const nlStream = await openEventStream(t.url, nlSpocToken);
      await nlStream.ready();
      const ack = await t.call(t.tokens.deSpoc, 'POST', `/api/v1/rapid-alerts/${alertId}/acknowledge`, { note: 'Hosts isolated' });
      expect(ack.status, JSON.stringify(ack.body)).toBe(201);
      const ackEvent = await nlStream.next((e) => e.event === 'acknowledgement');
      expect(ackEvent.json.payload).toMatchObject({ messageId: alertId, authorityId: 'de-bka', userName: 'spoc.schmidt' });
      nlStream.close();

      const status = await t.call(nlSpocToken, 'GET', `/api/v1/rapid-alerts/${alertId}`);
      expect(status.status).toBe(200);
      expect(status.body.recipients).toEqual([
        expect.objectContaining({ authorityId: 'be-police', acknowledged: false, acknowledgedBy: null }),
        expect.objectContaining({ authorityId: 'de-bka', acknowledged: true, acknowledgedBy: 'spoc.schmidt' }),
      ]);
      expect(status.body).toMatchObject({ acknowledgedCount: 1, pendingCount: 1, severity: 'critical' });
      // A recipient sees its own line only.
      const beView = await t.call(t.tokens.beSpoc, 'GET', `/api/v1/rapid-alerts/${alertId}`);
      expect(beView.body.recipients.map((r: any) => r.authorityId)).toEqual(['be-police']);
      const list = await t.call(t.tokens.beSpoc, 'GET', '/api/v1/rapid-alerts');
      expect(list.body.items.map((r: any) => r.title)).toEqual(['Second notice', 'Ransomware campaign against border IT']);
    });
  });
}
