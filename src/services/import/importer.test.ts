import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery, type Database } from '../../store/database.ts';
import { ManualClock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import type { NodeContext } from '../context.ts';
import { importLines } from './import-lines.ts';
import { validateLine } from './validate-line.ts';
import type { Rejection } from './summary.ts';

function nodeOf(database: Database): NodeContext {
  return { database, clock: new ManualClock(), logger: silentLogger, config: { nodeAuthorityId: 'nl-imp', nodeName: 'test' } };
}

const REGISTRY = [
  { type: 'authority', id: 'nl-imp', country: 'NLD', name: 'Import police', kind: 'police' },
  { type: 'source', id: 'nl-imp.persons', authorityId: 'nl-imp', name: 'Persons', kind: 'persons_index' },
];

const personLine = (ref: string, family = 'Jansen') => ({
  type: 'person',
  source: 'nl-imp.persons',
  ref,
  names: [{ given: 'Piet', family }],
  birthDate: '1970-05-01',
  documents: [{ type: 'id_card', number: `IDN${ref}`, issuingCountry: 'NLD' }],
});

describeEachEngine('importLines', (getDb) => {
  it('imports good lines, rejects bad ones with line and field, and stores nothing of them', async () => {
    const node = nodeOf(getDb());
    const rejected: Rejection[] = [];
    const lines = [
      ...REGISTRY,
      personLine('1'),
      { ...personLine('2'), birthDate: '1970-13-01' },
      { ...personLine('3'), source: 'nl-nowhere.persons' },
      { type: 'object', source: 'nl-imp.persons', ref: 'B1', kind: 'bank_account', iban: 'DE89 3704 0044 0532 0130 01' },
      { type: 'object', source: 'nl-imp.persons', ref: 'B2', kind: 'bank_account', iban: 'DE89370400440532013000' },
      { type: 'alert', source: 'nl-imp.persons', ref: 'A1', subject: { type: 'person', ref: '1' }, category: 'arrest', action: 'Arrest', expiresAt: '2030-01-01' },
      { type: 'alert', source: 'nl-imp.persons', ref: 'A2', subject: { type: 'person', ref: '2' }, category: 'arrest', action: 'Arrest', expiresAt: '2030-01-01' },
      { type: 'vessel', ref: 'S1' },
    ];
    const s = await importLines(node, lines, { batchSize: 3, onReject: (r) => rejected.push(r) });
    expect(s.read).toBe(10);
    expect(s.imported).toBe(5);
    expect(s.rejected).toBe(5);
    expect(s.byType.person).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect(s.byType.alert).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: 1 });
    const where = rejected.map((r) => [r.line, r.errors[0]!.path]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(where).toEqual([
      [4, 'birthDate'],
      [5, 'source'],
      [6, 'iban'],
      [9, 'subject/ref'],
      [10, 'type'],
    ]);
    const refs = await rawQuery<{ ref: string }>(getDb().db, `select ref from persons union all select ref from objects union all select ref from alerts order by ref`);
    expect(refs.map((r) => r.ref)).toEqual(['1', 'A1', 'B2']);
  });

  it('is idempotent: the same lines again change nothing', async () => {
    const node = nodeOf(getDb());
    const lines = [...REGISTRY, personLine('1'), { type: 'object', source: 'nl-imp.persons', ref: 'B2', kind: 'bank_account', iban: 'DE89370400440532013000' }];
    const s = await importLines(node, lines);
    expect(s).toMatchObject({ read: 4, imported: 0, updated: 0, unchanged: 4, rejected: 0 });
  });

  it('writes a batch before a second line with the same ref, so the later line wins', async () => {
    const node = nodeOf(getDb());
    const s = await importLines(node, [personLine('7', 'First'), personLine('7', 'Second')], { batchSize: 100 });
    expect(s.byType.person).toEqual({ imported: 1, updated: 1, unchanged: 0, rejected: 0 });
    const rows = await rawQuery<{ display_name: string }>(getDb().db, `select display_name from persons where ref = '7'`);
    expect(rows).toEqual([{ display_name: 'Piet Second' }]);
  });

  it('prepares in a worker thread with the same outcome as inline', async () => {
    const node = nodeOf(getDb());
    const lines = [...REGISTRY, ...Array.from({ length: 1200 }, (_, i) => personLine(`W${i}`)), { ...personLine('W-bad'), birthDate: '1970-02-30' }, personLine('W0', 'Changed')];
    const rejected: Rejection[] = [];
    const s = await importLines(node, lines, { workers: 1, batchSize: 400, onReject: (r) => rejected.push(r) });
    expect(s).toMatchObject({ read: 1204, imported: 1200, updated: 1, unchanged: 2, rejected: 1 });
    expect(rejected.map((r) => [r.line, r.errors[0]!.path])).toEqual([[1203, 'birthDate']]);
    const rows = await rawQuery<{ n: number; keys: number }>(getDb().db, `select count(*)::int as n, (select count(*) from person_keys k join persons p on p.id = k.person_id where p.ref like 'W%')::int as keys from persons where ref like 'W%'`);
    expect(rows[0]!.n).toBe(1200);
    expect(rows[0]!.keys).toBeGreaterThan(1200);
  });

  it('bulk-loads through a worker thread by COPY, storing every document and key with awkward characters intact', async () => {
    const node = nodeOf(getDb());
    const lines = Array.from({ length: 400 }, (_, i) => personLine(`K${i}`, i % 2 ? 'Jansen' : 'de\\Vries\tvan'));
    const expectedKeys = lines.reduce((n, l) => {
      const r = validateLine(l);
      return n + (r.ok && r.line.type === 'person' ? r.line.value.keys.length : 0);
    }, 0);
    const s = await importLines(node, [...REGISTRY, ...lines], { workers: 1, batchSize: 150, bulk: true });
    expect(s.byType.person).toEqual({ imported: 400, updated: 0, unchanged: 0, rejected: 0 });
    const [row] = await rawQuery<{ n: number; docs: number; keys: number; odd: number }>(
      getDb().db,
      `select count(*)::int as n,
              (select count(*) from identity_documents d join persons p on p.id = d.person_id where p.ref like 'K%')::int as docs,
              (select count(*) from person_keys k join persons p on p.id = k.person_id where p.ref like 'K%')::int as keys,
              count(*) filter (where display_name = 'Piet de\\Vries' || chr(9) || 'van')::int as odd
       from persons where ref like 'K%'`,
    );
    expect(row).toEqual({ n: 400, docs: 400, keys: expectedKeys, odd: 200 });
  });

  it('isolates a line the database refuses and commits the rest of its batch', async () => {
    const db = getDb();
    // A stand-in for any data error that validation cannot foresee.
    await rawQuery(
      db.db,
      `create function refuse_poison() returns trigger language plpgsql as $$
       begin if new.ref = 'POISON' then raise exception 'poisoned record' using errcode = '22023'; end if; return new; end $$;
       create trigger refuse_poison before insert on persons for each row execute function refuse_poison();`,
    );
    const rejected: Rejection[] = [];
    const lines = [...REGISTRY, ...['D1', 'D2', 'POISON', 'D3', 'D4', 'D5'].map((ref) => personLine(ref))];
    const s = await importLines(nodeOf(db), lines, { batchSize: 100, onReject: (r) => rejected.push(r) });
    await rawQuery(db.db, 'drop trigger refuse_poison on persons');
    expect(s.byType.person).toEqual({ imported: 5, updated: 0, unchanged: 0, rejected: 1 });
    expect(rejected).toEqual([{ line: 5, type: 'person', ref: 'POISON', errors: [{ path: '(record)', message: expect.stringMatching(/refused by the database: .*poisoned record/) }] }]);
    const refs = await rawQuery<{ ref: string }>(db.db, `select ref from persons where ref like 'D_' or ref = 'POISON' order by ref`);
    expect(refs.map((r) => r.ref)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
  });

  it('stops after the batch in progress when aborted', async () => {
    const node = nodeOf(getDb());
    const controller = new AbortController();
    const lines = Array.from({ length: 50 }, (_, i) => personLine(`S${i}`));
    let committed = 0;
    const s = await importLines(node, lines, {
      batchSize: 10,
      signal: controller.signal,
      onCommit: (p) => {
        committed = p.lines;
        controller.abort();
      },
    });
    expect(s.interrupted).toBe(true);
    expect(s.committedLine).toBe(committed);
    expect(committed).toBeGreaterThanOrEqual(10);
    const n = await rawQuery<{ n: number }>(getDb().db, `select count(*)::int as n from persons where ref like 'S%'`);
    expect(n[0]!.n).toBe(s.committedLine);
  });
});

describe('importLines input', () => {
  it('accepts a lazy async iterable', async () => {
    // Validation happens before any write: a generator of bad lines never needs the database.
    async function* lines() {
      yield { type: 'person', ref: '' };
    }
    // Every query answers "nothing stored, indexes present".
    const answer = async () => ({ rows: [{ pkey: true, person: true }] });
    const fakeDb = { engine: 'embedded', db: { transaction: () => ({ execute: async (f: (t: unknown) => unknown) => f({ executeQuery: answer }) }), executeQuery: answer } } as unknown as Database;
    const rejected: Rejection[] = [];
    const s = await importLines(nodeOf(fakeDb), lines(), { onReject: (r) => rejected.push(r) });
    expect(s.rejected).toBe(1);
    expect(rejected[0]!.errors.map((e) => e.path)).toContain('source');
  });
});
