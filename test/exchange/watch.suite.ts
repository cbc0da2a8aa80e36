// Watch end to end: an officer searches under an open case; later a partner
// creates an alert on what was searched; the officer's authority gets a
// watch_match in its inbox and live over server-sent events, naming the
// officer. A search under a closed case is not followed.
import { describe, expect, it } from 'vitest';
import { openEventStream, type ExchangeTestNode } from './http.ts';

export function watchSuite(node: () => ExchangeTestNode): void {
  describe('watch, through the API', () => {
    it('tells the searcher when a new alert matches a search under an open case, and not under a closed one', async () => {
      const t = node();
      const nl = t.tokens.nlOfficer;
      const vin = '1M8GDM9AXKP042788';
      const iban = 'NL91ABNA0417164300';
      const open = await t.call(nl, 'POST', '/api/v1/search', { purpose: 'criminal_investigation', caseReference: 'NL-WATCH-1', object: { kind: 'vehicle', value: vin } });
      expect(open.status, JSON.stringify(open.body)).toBe(200);
      const closed = await t.call(nl, 'POST', '/api/v1/search', { purpose: 'criminal_investigation', caseReference: 'NL-WATCH-2', object: { kind: 'iban', value: iban } });
      expect(closed.status, JSON.stringify(closed.body)).toBe(200);
      expect((await t.call(nl, 'POST', '/api/v1/cases/NL-WATCH-2/close', { reason: 'Account holder identified' })).status).toBe(200);
      t.clock.advance(86_400_000);

      const stream = await openEventStream(t.url, nl);
      await stream.ready();
      const base = { source: 'de-bka-alerts', category: 'object_seizure', action: 'Seize and inform BKA', expiresAt: '2027-06-01' };
      const vehicleAlert = await t.call(t.tokens.deSpoc, 'POST', '/api/v1/alerts', {
        ...base,
        ref: 'W-VEH-1',
        subject: { type: 'object', record: { ref: 'W-VEH-1', kind: 'vehicle', vin, plate: 'B-XY 99', plateCountry: 'DEU' } },
      });
      expect(vehicleAlert.status, JSON.stringify(vehicleAlert.body)).toBe(201);
      const ibanAlert = await t.call(t.tokens.deSpoc, 'POST', '/api/v1/alerts', {
        ...base,
        ref: 'W-IBAN-1',
        subject: { type: 'object', record: { ref: 'W-IBAN-1', kind: 'bank_account', iban } },
      });
      expect(ibanAlert.status, JSON.stringify(ibanAlert.body)).toBe(201);

      const live = await stream.next((e) => e.event === 'watch_match');
      stream.close();
      expect(live.json.payload).toMatchObject({ alertId: vehicleAlert.body.id, userName: 'officer.de.vries', caseReference: 'NL-WATCH-1', matchedOn: 'identifier' });

      const box = await t.call(nl, 'GET', '/api/v1/inbox?kind=watch_match');
      expect(box.body.items).toHaveLength(1);
      expect(box.body.items[0]).toMatchObject({ kind: 'watch_match', payload: { alertId: vehicleAlert.body.id, caseReference: 'NL-WATCH-1' } });
      expect(box.body.items[0].subject).toContain('W-VEH-1');
      // The issuing authority is not told who searched.
      expect((await t.call(t.tokens.deSpoc, 'GET', '/api/v1/inbox?kind=watch_match')).body.items).toEqual([]);
    });
  });
}
