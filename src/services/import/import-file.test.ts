import { afterAll, beforeAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachEngine } from '../../../test/support/databases.ts';
import { rawQuery, type Database } from '../../store/database.ts';
import { ManualClock } from '../clock.ts';
import { silentLogger } from '../logger.ts';
import type { NodeContext } from '../context.ts';
import { importFile } from './import-file.ts';

let dir: string;
let file: string;
const PERSONS = 120;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pontis-import-file-'));
  file = join(dir, 'people.jsonl');
  const lines = [
    { type: 'authority', id: 'nl-file', country: 'NLD', name: 'File police', kind: 'police' },
    { type: 'source', id: 'nl-file.persons', authorityId: 'nl-file', name: 'Persons', kind: 'persons_index' },
    ...Array.from({ length: PERSONS }, (_, i) => ({
      type: 'person',
      source: 'nl-file.persons',
      ref: `F${i}`,
      names: [{ given: ['Anna', 'Jan', 'Sanne', 'Pieter'][i % 4], family: `Bakker${i % 7}` }],
      birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 9}`,
      documents: [{ type: 'passport', number: `NX${100000 + i}`, issuingCountry: 'NLD' }],
    })),
  ];
  writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nodeOf(database: Database): NodeContext {
  return { database, clock: new ManualClock(), logger: silentLogger, config: { nodeAuthorityId: 'nl-file', nodeName: 'test' } };
}

/** Indexes of person_keys, and its foreign key when present and validated. */
async function keyIndexes(db: Database): Promise<string[]> {
  const rows = await rawQuery<{ name: string }>(
    db.db,
    `select indexname as name from pg_indexes where tablename = 'person_keys'
     union all select conname from pg_constraint where conname = 'person_keys_person_id_fkey' and convalidated
     order by name`,
  );
  return rows.map((r) => r.name);
}

describeEachEngine('importFile', (getDb) => {
  it('stops on abort after a committed batch, still rebuilds the indexes of a bulk load, and resumes', async () => {
    const db = getDb();
    const controller = new AbortController();
    const first = await importFile(nodeOf(db), file, { bulk: true, batchSize: 30, signal: controller.signal, onCommit: () => controller.abort() });
    expect(first.interrupted).toBe(true);
    expect(first.committedLine).toBe(30);
    expect(await keyIndexes(db)).toEqual(['person_keys_person', 'person_keys_person_id_fkey', 'person_keys_pkey']);
    const [marker] = await rawQuery<{ status: string; committed_lines: number; bulk: boolean }>(db.db, 'select status, committed_lines, bulk from import_runs');
    expect(marker).toEqual({ status: 'running', committed_lines: 30, bulk: true });

    const second = await importFile(nodeOf(db), file, { batchSize: 30 });
    expect(second).toMatchObject({ resumedFromLine: 30, interrupted: false, read: PERSONS + 2, imported: PERSONS + 2, rejected: 0 });
    expect(await keyIndexes(db)).toEqual(['person_keys_person', 'person_keys_person_id_fkey', 'person_keys_pkey']);
    const [n] = await rawQuery<{ persons: number; orphans: number }>(
      db.db,
      `select (select count(*) from persons)::int as persons, (select count(*) from person_keys k where not exists (select 1 from persons p where p.id = k.person_id))::int as orphans`,
    );
    expect(n).toEqual({ persons: PERSONS, orphans: 0 });
  });

  it('imports the whole file again as unchanged once it is complete', async () => {
    const s = await importFile(nodeOf(getDb()), file);
    expect(s).toMatchObject({ read: PERSONS + 2, imported: 0, unchanged: PERSONS + 2 });
    expect(s.resumedFromLine).toBeUndefined();
  });
});
