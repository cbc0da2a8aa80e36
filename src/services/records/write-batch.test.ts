import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery } from '../../store/database.ts';
import { PersonRecord } from '../../domain/person.ts';
import { ObjectRecord } from '../../domain/object.ts';
import { AlertInput } from '../../domain/alert.ts';
import { recordId } from '../../store/ids.ts';
import { preparePerson } from './prepare-person.ts';
import { prepareObject } from './prepare-object.ts';
import { prepareAlert } from './prepare-alert.ts';
import { emptyBatch, writeRecordBatch, type RecordBatch } from './write-batch.ts';
import type { Prepared } from './prepared.ts';

function ok<T>(p: Prepared<T>): T {
  if (!p.ok) throw new Error(`not prepared: ${JSON.stringify(p.issues)}`);
  return p.value;
}

const person = (ref: string, family: string, docs: { number: string }[] = []) =>
  ok(
    preparePerson(
      'nl-test.persons',
      PersonRecord.parse({
        ref,
        names: [{ given: 'Oleksandr', family }],
        birthDate: '1987-03-12',
        sex: 'M',
        nationalities: ['UKR'],
        documents: docs.map((d) => ({ type: 'passport', number: d.number, issuingCountry: 'UKR', expiry: '2030-01-31' })),
      }),
    ),
  );

const vehicle = ok(prepareObject('nl-test.persons', ObjectRecord.parse({ ref: 'V1', kind: 'vehicle', vin: 'WVWZZZ1JZXW000001', plate: 'AB-12-CD', plateCountry: 'NLD', make: 'VW' })));

function batch(parts: Partial<RecordBatch>): RecordBatch {
  return { ...emptyBatch(), ...parts };
}

const registry = batch({
  authorities: [{ id: 'nl-test', country: 'NLD', name: 'Test police', kind: 'police' }],
  sources: [{ id: 'nl-test.persons', authorityId: 'nl-test', name: 'Test persons', kind: 'persons_index', hitNoHit: false }],
});

describeEachEngine('records batch writer', (getDb) => {
  it('inserts persons with their documents and blocking keys, objects and alerts in one transaction', async () => {
    const { db } = getDb();
    const p1 = person('P1', 'Shevchenko', [{ number: 'ab 123-456' }]);
    const alert = ok(prepareAlert('nl-test.persons', AlertInput.parse({ ref: 'A1', subject: { type: 'person', ref: 'P1' }, category: 'arrest', action: 'Arrest', expiresAt: '2030-01-01' })));
    const out = await db.transaction().execute((trx) => writeRecordBatch(trx, batch({ ...registry, persons: [p1, person('P2', 'Kovalenko')], objects: [vehicle], alerts: [alert] })));
    expect(out.counts.person).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    expect(out.counts.object).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(out.counts.alert).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(out.missingSubject).toEqual([]);

    const docs = await rawQuery<{ number: string; number_key: string; issuing_country: string; expiry: string }>(db, 'select number, number_key, issuing_country, expiry from identity_documents where person_id = $1', [p1.id]);
    expect(docs).toEqual([{ number: 'AB123456', number_key: 'A8123456', issuing_country: 'UKR', expiry: '2030-01-31' }]);
    const keys = await rawQuery<{ key: string }>(db, 'select key from person_keys where person_id = $1 order by key', [p1.id]);
    expect(keys.map((k) => k.key).sort()).toEqual([...p1.keys].sort());
    expect(keys.some((k) => k.key.startsWith('doc:'))).toBe(true);
    const [obj] = await rawQuery<{ identifier: string; identifier2: string; country: string }>(db, 'select identifier, identifier2, country from objects where id = $1', [vehicle.id]);
    expect(obj).toEqual({ identifier: 'WVWZZZ1JZXW000001', identifier2: 'AB12CD', country: 'NLD' });
    const [a] = await rawQuery<{ person_id: string; issuing_authority_id: string; status: string }>(db, 'select person_id::text as person_id, issuing_authority_id, status from alerts where id = $1', [alert.id]);
    expect(a).toEqual({ person_id: recordId('person', 'nl-test.persons', 'P1'), issuing_authority_id: 'nl-test', status: 'active' });
  });

  it('reports unchanged records and writes nothing for them', async () => {
    const { db } = getDb();
    const before = await rawQuery<{ updated_at: Date }>(db, 'select updated_at from persons where ref = $1', ['P1']);
    const out = await db.transaction().execute((trx) => writeRecordBatch(trx, batch({ ...registry, persons: [person('P1', 'Shevchenko', [{ number: 'ab 123-456' }])], objects: [vehicle] })));
    expect(out.counts.authority).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(out.counts.person).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(out.counts.object).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const after = await rawQuery<{ updated_at: Date }>(db, 'select updated_at from persons where ref = $1', ['P1']);
    expect(after).toEqual(before);
  });

  it('counts a stored record that differs only in key order and spacing as unchanged', async () => {
    const { db } = getDb();
    // jsonb's text form reorders keys and adds spaces: the same record, other text.
    await rawQuery(db, `update persons set record = (record::jsonb)::text::json where ref = 'P1'`);
    const [stored] = await rawQuery<{ same_text: boolean }>(db, `select record::text = $1 as same_text from persons where ref = 'P1'`, [person('P1', 'Shevchenko', [{ number: 'ab 123-456' }]).recordJson]);
    expect(stored!.same_text).toBe(false);
    const out = await db.transaction().execute((trx) => writeRecordBatch(trx, batch({ persons: [person('P1', 'Shevchenko', [{ number: 'ab 123-456' }])] })));
    expect(out.counts.person).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
  });

  it('replaces documents and keys of a changed person', async () => {
    const { db } = getDb();
    const changed = person('P1', 'Schewtschenko', [{ number: 'XY999999' }]);
    const out = await db.transaction().execute((trx) => writeRecordBatch(trx, batch({ persons: [changed] })));
    expect(out.counts.person).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    const docs = await rawQuery<{ number: string }>(db, 'select number from identity_documents where person_id = $1', [changed.id]);
    expect(docs.map((d) => d.number)).toEqual(['XY999999']);
    const keys = await rawQuery<{ key: string }>(db, 'select key from person_keys where person_id = $1', [changed.id]);
    expect(keys.map((k) => k.key).sort()).toEqual([...changed.keys].sort());
    expect(keys.some((k) => k.key.includes('A8123456'))).toBe(false);
  });

  it('refuses alerts whose subject is not stored, and writes the others', async () => {
    const { db } = getDb();
    const good = ok(prepareAlert('nl-test.persons', AlertInput.parse({ ref: 'A2', subject: { type: 'object', ref: 'V1' }, category: 'object_seizure', action: 'Seize', expiresAt: '2030-01-01' })));
    const orphan = ok(prepareAlert('nl-test.persons', AlertInput.parse({ ref: 'A3', subject: { type: 'person', ref: 'NOBODY' }, category: 'arrest', action: 'Arrest', expiresAt: '2030-01-01' })));
    const out = await db.transaction().execute((trx) => writeRecordBatch(trx, batch({ alerts: [good, orphan] })));
    expect(out.counts.alert).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(out.missingSubject.map((a) => a.ref)).toEqual(['A3']);
    const refs = await rawQuery<{ ref: string }>(db, 'select ref from alerts order by ref');
    expect(refs.map((r) => r.ref)).toEqual(['A1', 'A2']);
  });

  it('leaves nothing behind when the transaction rolls back', async () => {
    const { db } = getDb();
    await expect(
      db.transaction().execute(async (trx) => {
        await writeRecordBatch(trx, batch({ persons: [person('P9', 'Rollback', [{ number: 'RB000001' }])] }));
        throw new Error('crash after the write');
      }),
    ).rejects.toThrow('crash after the write');
    const rows = await rawQuery<{ n: number }>(db, `select (select count(*) from persons where ref = 'P9')::int + (select count(*) from identity_documents where number = 'RB000001')::int as n`);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('preparing records', () => {
  it('rejects invalid identifiers with their field paths', () => {
    const bad = preparePerson('s', PersonRecord.parse({ ref: 'X', names: [{ family: 'Doe' }], birthDate: '1990-02-30', documents: [{ type: 'passport', number: 'AB#12', issuingCountry: 'QQQ' }] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path).sort()).toEqual(['birthDate', 'documents/0/issuingCountry', 'documents/0/number']);
    const iban = prepareObject('s', ObjectRecord.parse({ ref: 'B', kind: 'bank_account', iban: 'NL91ABNA0417164301' }));
    expect(iban.ok).toBe(false);
    if (!iban.ok) expect(iban.issues[0]).toMatchObject({ path: 'iban', message: expect.stringMatching(/check digits/) });
  });

  it('rejects control characters, which neither engine should store', () => {
    const bad = preparePerson('s', PersonRecord.parse({ ref: 'X', names: [{ family: 'Doe\u0000' }] }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.path).toBe('names/0/family');
  });
});

// The initial-load path (COPY under a savepoint) must store exactly what the
// upsert stores, and fall back to the upsert when a record already exists.
describeEachEngine('records batch writer, fresh (COPY) path', (getDb) => {
  const snapshot = async () => {
    const { db } = getDb();
    return {
      persons: await rawQuery(db, `select id::text, source_id, ref, record, display_name, birth_date, sex, nationalities from persons order by id`),
      docs: await rawQuery(db, `select person_id::text, position, doc_type, number, number_key, issuing_country, expiry from identity_documents order by person_id, position`),
      keys: await rawQuery(db, `select key, person_id::text from person_keys order by key, person_id`),
      objects: await rawQuery(db, `select id::text, kind, identifier, identifier_key, identifier2, identifier2_key, country, record, display_name from objects order by id`),
      alerts: await rawQuery(db, `select id::text, subject_type, person_id::text, object_id::text, category, crime_area, action, handling_code, issuing_authority_id, valid_from, expires_at, review_at, status, record from alerts order by id`),
    };
  };
  const wipe = async () => {
    const { db } = getDb();
    for (const t of ['alerts', 'person_keys', 'identity_documents', 'persons', 'objects']) await rawQuery(db, `delete from ${t}`);
  };
  const awkward = person('P-tab', 'O\u2019Brien\tde\\la', [{ number: 'X1234567' }, { number: 'Y7654321' }]);
  const onVehicle = ok(prepareAlert('nl-test.persons', AlertInput.parse({ ref: 'A2', subject: { type: 'object', ref: 'V1' }, category: 'object_seizure', action: 'Seize', expiresAt: '2031-05-01', reviewAt: '2030-01-01' })));
  const onPerson = ok(prepareAlert('nl-test.persons', AlertInput.parse({ ref: 'A3', subject: { type: 'person', ref: 'P-tab' }, category: 'arrest', action: 'Arrest', expiresAt: '2030-01-01' })));
  const all = () => batch({ ...registry, persons: [awkward, person('P9', 'Bondarenko')], objects: [vehicle], alerts: [onVehicle, onPerson] });

  it('stores the same rows as the upsert path', async () => {
    const { db } = getDb();
    const viaUpsert = await db.transaction().execute((trx) => writeRecordBatch(trx, all()));
    const upserted = await snapshot();
    await wipe();
    const viaCopy = await db.transaction().execute((trx) => writeRecordBatch(trx, all(), { fresh: true }));
    for (const t of ['person', 'object', 'alert'] as const) expect(viaCopy.counts[t]).toEqual(viaUpsert.counts[t]);
    expect(await snapshot()).toEqual(upserted);
    expect(upserted.keys.length).toBeGreaterThan(5);
  });

  it('falls back to the upsert when some record already exists, without duplicating anything', async () => {
    const { db } = getDb();
    const before = await snapshot();
    const changed = person('P9', 'Bondarenko-Shevchuk');
    const out = await db.transaction().execute((trx) => writeRecordBatch(trx, batch({ persons: [awkward, changed, person('P10', 'Melnyk')] }), { fresh: true }));
    expect(out.counts.person).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
    const after = await snapshot();
    expect(after.persons.length).toBe(before.persons.length + 1);
    const keysOfChanged = after.keys.filter((k) => k.person_id === changed.id).map((k) => k.key).sort();
    expect(keysOfChanged).toEqual([...changed.keys].sort());
    // An alert batch that repeats a stored alert falls back as well.
    const again = await db.transaction().execute((trx) => writeRecordBatch(trx, batch({ alerts: [onPerson] }), { fresh: true }));
    expect(again.counts.alert).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
  });
});
