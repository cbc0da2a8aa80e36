// Service-level tests of the single search on both engines: persons across
// scripts, MRZ, each identifier type, hit/no-hit sources, expiry and flags.
import { describe, expect, it, beforeAll } from 'vitest';
import { describeEachEngine } from '../support/databases.ts';
import { DE, NL, PL, actorOf, addObject, addPerson, addSource, seedRegistry, td3, countRows } from '../support/search-fixtures.ts';
import { ManualClock } from '../../src/services/clock.ts';
import { silentLogger } from '../../src/services/logger.ts';
import type { NodeContext } from '../../src/services/context.ts';
import { search, isRecordHit, type RecordHit, type SearchResult } from '../../src/services/search/index.ts';
import { createAlert, flagAlert } from '../../src/services/alerts/index.ts';
import { ValidationError } from '../../src/domain/errors.ts';

const officer = actorOf(NL);
const partner = actorOf(DE);

function recordHits(r: SearchResult): RecordHit[] {
  return r.hits.filter(isRecordHit);
}

describeEachEngine('single search', (getDb) => {
  let node: NodeContext;
  const ids: Record<string, string> = {};
  const clock = new ManualClock('2026-06-01T09:00:00Z');
  beforeAll(async () => {
    const database = getDb();
    node = { database, clock, logger: silentLogger, config: { nodeAuthorityId: NL.id, nodeName: 'test' } };
    await seedRegistry(database);
    ids.cyr = await addPerson(database, 'nl-persons', {
      ref: 'P-1', names: [{ given: 'Олександр', family: 'Шевченко', script: 'cyrillic' }], birthDate: '1987-12-03', sex: 'M', nationalities: ['UKR'],
      documents: [{ type: 'passport', number: 'FE123456', issuingCountry: 'UKR' }],
    });
    ids.de = await addPerson(database, 'de-persons', { ref: 'D-9', names: [{ given: 'Alexander', family: 'Schewtschenko' }], birthDate: '1987-12-03', sex: 'M' });
    for (const [i, [g, d]] of [['Petro', '1984-05-01'], ['Ivan', '1989-02-11'], ['Mykola', '1982-07-30'], ['Taras', '1986-01-15']].entries()) {
      ids[`other${i}`] = await addPerson(database, 'nl-persons', { ref: `P-O${i}`, names: [{ given: g, family: 'Shevchenko' }], birthDate: d, sex: 'M' });
    }
    ids.hnh = await addPerson(database, 'pl-records', { ref: 'PL-7', names: [{ given: 'Oleksandr', family: 'Shevchenko' }], birthDate: '1987-12-03' });
    ids.anna = await addPerson(database, 'nl-persons', { ref: 'P-2', names: [{ given: 'Anna', family: 'Müller' }], birthDate: '1990-04-05', sex: 'F', nationalities: ['DEU'], documents: [{ type: 'id_card', number: 'L01X00T47', issuingCountry: 'DEU' }] });
    ids.vehicle = await addObject(database, 'nl-vehicles', { ref: 'V-1', kind: 'vehicle', vin: '1M8GDM9AXKP042788', plate: 'GZ-456-K', plateCountry: 'NLD', make: 'Ford' });
    ids.plate = await addObject(database, 'nl-vehicles', { ref: 'NP-1', kind: 'number_plate', plate: 'B-MW 1234', plateCountry: 'DEU' });
    ids.firearm = await addObject(database, 'nl-alerts', { ref: 'F-1', kind: 'firearm', serial: 'GLK-12345', make: 'Glock' });
    ids.iban = await addObject(database, 'nl-alerts', { ref: 'B-1', kind: 'bank_account', iban: 'NL91ABNA0417164300' });
    ids.doc = await addObject(database, 'nl-alerts', { ref: 'DOC-1', kind: 'document', documentType: 'passport', number: 'XK9912345', issuingCountry: 'NLD', state: 'stolen' });
  });

  const ctx = { purpose: 'police_check', caseReference: 'BC-2026-001' } as const;

  it('finds a Cyrillic record from a Latin query, explains it, and leaves out other Shevchenkos', async () => {
    const r = await search(node, officer, { ...ctx, person: { names: { given: 'Oleksandr', family: 'Shevchenko' }, birthDate: '1987' } });
    const hits = recordHits(r);
    expect(hits[0]?.recordId).toBe(ids.cyr);
    expect(hits.map((h) => h.recordId)).toContain(ids.de);
    expect(hits[0].explanation.summary).toMatch(/surname/);
    expect(hits[0].explanation.fields.some((f) => f.values.includes('Шевченко'))).toBe(true);
    for (let i = 0; i < 4; i++) expect(hits.map((h) => h.recordId)).not.toContain(ids[`other${i}`]);
    expect(r.sources.searched.map((s) => s.id)).toEqual(expect.arrayContaining(['nl-persons', 'de-persons', 'pl-records']));
  });

  it('shows a hit/no-hit source only as a hit and whom to ask', async () => {
    const r = await search(node, officer, { ...ctx, person: { names: [{ given: 'Oleksandr', family: 'Shevchenko' }], birthDate: '1987-12-03' } });
    const hnh = r.hits.filter((h) => !isRecordHit(h));
    expect(hnh).toEqual([{ source: 'pl-records', hit: true, contact: { authorityId: 'pl-sg', name: 'Straż Graniczna', country: 'POL' } }]);
    expect(JSON.stringify(r)).not.toContain(ids.hnh);
    expect(JSON.stringify(r)).not.toContain('PL-7');
  });

  it('does not search sources the purpose does not open, and says why', async () => {
    const guard = actorOf(NL, ['border_guard'], 'guard');
    const r = await search(node, guard, { purpose: 'border_check', caseReference: 'BX-77', person: { names: { given: 'Oleksandr', family: 'Shevchenko' }, birthDate: '1987-12-03' } });
    expect(r.sources.notSearched).toEqual([{ id: 'pl-records', name: 'PL police records index', reason: expect.stringMatching(/police_records/) }]);
    expect(r.hits.filter((h) => !isRecordHit(h))).toEqual([]);
  });

  it('searches a valid MRZ and reports a bad check digit instead of ignoring it', async () => {
    const mrz = td3({ surname: 'SHEVCHENKO', given: 'OLEKSANDR', number: 'FE123456', country: 'UKR', nationality: 'UKR', birth: '871203', sex: 'M', expiry: '300101' });
    const ok = await search(node, officer, { ...ctx, mrz });
    expect(ok.mrz?.valid).toBe(true);
    expect(recordHits(ok)[0]?.recordId).toBe(ids.cyr);
    const lines = mrz.split('\n');
    const broken = `${lines[0]}\n${lines[1].slice(0, 9)}${(Number(lines[1][9]) + 1) % 10}${lines[1].slice(10)}`;
    const bad = await search(node, officer, { ...ctx, mrz: broken });
    expect(bad.mrz?.valid).toBe(false);
    expect(bad.mrz?.failedChecks).toContain('documentNumber');
    expect(bad.warnings.join(' ')).toMatch(/check digit/);
    expect(recordHits(bad)[0]?.recordId).toBe(ids.cyr);
  });

  it('finds each identifier type after normalising it', async () => {
    const one = async (object: { kind: 'vehicle' | 'plate' | 'firearm' | 'iban' | 'document'; value: string; country?: string }) => recordHits(await search(node, officer, { ...ctx, object }));
    expect((await one({ kind: 'vehicle', value: '1m8gdm9axkp042788' }))[0]?.recordId).toBe(ids.vehicle);
    expect((await one({ kind: 'plate', value: 'gz 456 k', country: 'NLD' }))[0]?.recordId).toBe(ids.vehicle);
    expect((await one({ kind: 'plate', value: 'BMW1234', country: 'DEU' }))[0]?.recordId).toBe(ids.plate);
    const serial = await one({ kind: 'firearm', value: 'GLK 1234S' });
    expect(serial[0]?.recordId).toBe(ids.firearm);
    expect(serial[0].explanation.fields[0].levelLabel).toMatch(/confusions/);
    expect((await one({ kind: 'iban', value: 'NL91 ABNA 0417 1643 00' }))[0]?.recordId).toBe(ids.iban);
    expect((await one({ kind: 'document', value: 'XK99I2345' }))[0]?.recordId).toBe(ids.doc);
    const holder = await one({ kind: 'document', value: 'L01X00T47' });
    expect(holder.map((h) => h.recordId)).toContain(ids.anna);
  });

  it('reads free text with the identifier detector', async () => {
    const iban = await search(node, officer, { ...ctx, text: 'NL91ABNA0417164300' });
    expect(iban.interpretations?.[0]).toMatchObject({ kind: 'iban', searched: true });
    expect(recordHits(iban)[0]?.recordId).toBe(ids.iban);
    const name = await search(node, officer, { ...ctx, text: 'Oleksandr Shevchenko 1987' });
    expect(recordHits(name)[0]?.recordId).toBe(ids.cyr);
  });

  it('rejects an invalid IBAN, a broken MRZ and a missing purpose precisely, and records nothing', async () => {
    const before = await countRows(node.database, ['searches']);
    const fail = async (input: unknown) => {
      try {
        await search(node, officer, input);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as ValidationError).issues;
      }
      throw new Error('search did not fail');
    };
    expect(await fail({ ...ctx, object: { kind: 'iban', value: 'NL92ABNA0417164300' } })).toEqual([{ path: 'object/value', message: expect.stringMatching(/check digits/i) }]);
    expect((await fail({ ...ctx, mrz: 'P<UKRSHEV' }))[0].path).toBe('mrz');
    expect((await fail({ caseReference: 'X-1234', text: 'Anna' }))[0]).toEqual({ path: 'purpose', message: expect.stringMatching(/^required/) });
    expect((await fail({ purpose: 'police_check', text: 'Anna' }))[0]).toEqual({ path: 'caseReference', message: expect.stringMatching(/^required/) });
    expect(await countRows(node.database, ['searches'])).toEqual(before);
  });

  it('attaches alerts with flags, and an expired alert gives no hit the day it expires', async () => {
    const alert = await createAlert(node, officer, {
      source: 'nl-alerts', ref: 'A-ARR-1', subject: { type: 'person', id: ids.cyr }, category: 'arrest', action: 'Arrest and inform the SIRENE bureau',
      legalBasis: 'EAW 2026/17 Rotterdam district court', expiresAt: '2026-06-10',
    });
    await flagAlert(node, partner, alert.id, { reason: 'Offence not punishable in Germany' });
    const r = await search(node, officer, { ...ctx, person: { names: { given: 'Oleksandr', family: 'Shevchenko' }, birthDate: '1987-12-03' } });
    const hit = recordHits(r).find((h) => h.recordId === ids.cyr)!;
    expect(hit.alerts).toHaveLength(1);
    expect(hit.alerts[0]).toMatchObject({ id: alert.id, category: 'arrest', action: 'Arrest and inform the SIRENE bureau', issuingAuthority: { id: NL.id } });
    expect(hit.alerts[0].flags).toEqual([expect.objectContaining({ authorityId: DE.id, reason: 'Offence not punishable in Germany' })]);
    const [row] = await node.database.query<{ n: number; hits: number }>('select count(*)::int as n, max(alert_hit_count)::int as hits from searches where keys && $1::text[]', [['sy:placeholder']]);
    expect(row.n).toBe(0);
    clock.set('2026-06-10T08:00:00Z');
    const later = await search(node, officer, { ...ctx, person: { names: { given: 'Oleksandr', family: 'Shevchenko' }, birthDate: '1987-12-03' } });
    expect(recordHits(later).find((h) => h.recordId === ids.cyr)?.alerts).toEqual([]);
    clock.set('2026-06-01T09:00:00Z');
  });

  it('shows an alert kept in a hit/no-hit register only as that register\'s hit', async () => {
    await addSource(node.database, { id: 'pl-alerts', authorityId: PL.id, name: 'PL alerts', kind: 'alerts', hitNoHit: true });
    await createAlert(node, actorOf(PL, ['police_officer']), {
      source: 'pl-alerts', ref: 'PLA-1', subject: { type: 'person', id: ids.anna }, category: 'discreet_check', reason: 'Known courier', action: 'Report discreetly', expiresAt: '2027-01-01',
    });
    const r = await search(node, officer, { ...ctx, person: { names: { given: 'Anna', family: 'Müller' }, birthDate: '1990-04-05' } });
    const anna = recordHits(r).find((h) => h.recordId === ids.anna)!;
    expect(anna.alerts).toEqual([]);
    expect(r.hits.filter((h) => !isRecordHit(h))).toEqual([{ source: 'pl-alerts', hit: true, contact: { authorityId: PL.id, name: PL.name, country: 'POL' } }]);
    expect(JSON.stringify(r)).not.toContain('Known courier');
  });

  it('records each search with its keys and identifiers', async () => {
    const r = await search(node, officer, { ...ctx, object: { kind: 'iban', value: 'NL91ABNA0417164300' } });
    const [row] = await node.database.query<{ purpose: string; case_reference: string; identifiers: string[]; hit_count: number }>('select purpose, case_reference, identifiers, hit_count from searches where id = $1', [r.searchId]);
    expect(row).toEqual({ purpose: 'police_check', case_reference: 'BC-2026-001', identifiers: ['iban:NL91ABNA0417164300'], hit_count: 1 });
  });
});

describe('fixtures', () => {
  it('builds MRZ lines of the right length', () => {
    const m = td3({ surname: 'A', given: 'B', number: 'X1', country: 'NLD', nationality: 'NLD', birth: '900101', sex: 'F', expiry: '300101' });
    expect(m.split('\n').map((l) => l.length)).toEqual([44, 44]);
  });
});
