// `pontis import` end to end: the real CLI in a child process on small files
// in a temporary data directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePopulation } from '../../src/generator/write.ts';
import { copyStore, makeTemplateStore, runCli, storeDigest, summaryOf, withStore } from './cli.ts';

let dir: string;
let template: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pontis-import-'));
  template = await makeTemplateStore([
    { type: 'authority', id: 'nl-csv', country: 'NLD', name: 'CSV police', kind: 'police' },
    { type: 'source', id: 'nl-csv.persons', authorityId: 'nl-csv', name: 'Persons', kind: 'persons_index' },
  ]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(template, '..'), { recursive: true, force: true });
});

// Each CLI run starts Node, tsx and the embedded engine: allow for a loaded 2-core machine.
describe('pontis import', { timeout: 120_000 }, () => {
  it('imports a generated file, and a rerun changes nothing', async () => {
    const file = join(dir, 'population.jsonl');
    const gen = await writePopulation({ persons: 150, seed: 11, out: file, format: 'jsonl', truth: false });
    const data = copyStore(template, join(dir, 'good'));
    const first = await runCli(['import', file, '--data', data, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const s1 = summaryOf(first);
    expect(s1).toMatchObject({ read: gen.lines, imported: gen.lines, rejected: 0, unchanged: 0, interrupted: false });
    expect(s1.byType.person.imported).toBe(150);
    expect(s1.byType.object.imported).toBe(gen.objects);
    expect(s1.byType.alert.imported).toBe(gen.alerts);
    const before = await storeDigest(data);
    expect(before.persons).toBe(150);

    const again = await runCli(['import', file, '--data', data, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(summaryOf(again)).toMatchObject({ read: gen.lines, imported: 0, updated: 0, unchanged: gen.lines, rejected: 0 });
    expect(await storeDigest(data)).toEqual(before);
  });

  it('reports every bad line with its line number and field, and stores only the good lines', async () => {
    const lines = [
      /* 1 */ '{"type":"authority","id":"nl-e2e","country":"NLD","name":"E2E police","kind":"police"}',
      /* 2 */ '{"type":"source","id":"nl-e2e.persons","authorityId":"nl-e2e","name":"Persons","kind":"persons_index"}',
      /* 3 */ '{"type":"person","source":"nl-e2e.persons","ref":"GOOD-1","names":[{"given":"Anna","family":"de Vries"}],"birthDate":"1980-02-29"}',
      /* 4 */ '{"type":"person","source":"nl-e2e.persons","ref":"BAD-JSON","names":[{"given":"Anna"}],}',
      /* 5 */ '{"type":"object","source":"nl-e2e.persons","ref":"BAD-IBAN","kind":"bank_account","iban":"NL91ABNA0417164301"}',
      /* 6 */ '{"type":"person","source":"nl-nowhere","ref":"BAD-SOURCE","names":[{"family":"Nobody"}]}',
      /* 7 */ '{"type":"person","source":"nl-e2e.persons","ref":"BAD-DATE","names":[{"family":"Late"}],"birthDate":"1981-02-29"}',
      /* 8 */ '{"type":"person","source":"nl-e2e.persons","names":[{"family":"No ref"}]}',
      /* 9 */ '',
      /* 10 */ '{"type":"object","source":"nl-e2e.persons","ref":"GOOD-2","kind":"bank_account","iban":"NL91 ABNA 0417 1643 00"}',
      /* 11 */ '{"type":"alert","source":"nl-e2e.persons","ref":"BAD-SUBJECT","subject":{"type":"person","ref":"BAD-DATE"},"category":"arrest","action":"Arrest","expiresAt":"2030-01-01"}',
      /* 12 */ '{"type":"alert","source":"nl-e2e.persons","ref":"GOOD-3","subject":{"type":"person","ref":"GOOD-1"},"category":"arrest","action":"Arrest","expiresAt":"2030-01-01"}',
      /* 13 */ '{"type":"person","source":"nl-e2e.persons","ref":"BAD-DOC","names":[{"family":"Doc"}],"documents":[{"type":"passport","number":"AB#123","issuingCountry":"NLD"}]}',
      /* 14 */ '{"type":"spaceship","ref":"X"}',
    ];
    const file = join(dir, 'malformed.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const data = copyStore(template, join(dir, 'malformed'));
    const rejects = join(dir, 'rejects.jsonl');
    const r = await runCli(['import', file, '--data', data, '--json', '--batch', '4', '--rejects', rejects]);
    expect(r.code, r.stderr).toBe(3);
    const s = summaryOf(r);
    expect(s).toMatchObject({ read: 13, imported: 5, rejected: 8 });
    const reported = readFileSync(rejects, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; errors: { path: string; message: string }[] });
    const byLine = Object.fromEntries(reported.map((x) => [x.line, x.errors.map((e) => e.path).join(' ')]));
    expect(byLine).toEqual({
      4: 'column 88',
      5: 'iban',
      6: 'source',
      7: 'birthDate',
      8: 'ref',
      11: 'subject/ref',
      13: 'documents/0/number',
      14: 'type',
    });
    expect(reported.find((x) => x.line === 5)!.errors[0]!.message).toMatch(/check digits/);
    expect(reported.find((x) => x.line === 4)!.errors[0]!.message).toMatch(/malformed JSON/);
    const stored = await withStore(data, (q) => q(`select ref from persons union all select ref from objects union all select ref from alerts order by ref`));
    expect(stored.map((x) => x.ref)).toEqual(['GOOD-1', 'GOOD-2', 'GOOD-3']);
  });

  it('imports persons from a dedupe CSV into a named source', async () => {
    const data = copyStore(template, join(dir, 'csv'));
    const csv = join(dir, 'people.csv');
    writeFileSync(
      csv,
      'id,given_names,surname,birth_date,sex,nationality,place_of_birth,document_number,address\n' +
        'C1,Олександр,Шевченко,1987-03-12,M,UKR,Kyiv,FE123456,"Khreshchatyk 1, Kyiv"\n' +
        'C2,Maria,"García López",1990,F,ESP,,,\n' +
        'C3,Bad,Date,1990-02-30,F,ESP,,,\n' +
        'C4,"Unclosed,quote\n',
    );
    // Without --rejects every problem goes to stderr, one line each.
    const r = await runCli(['import', csv, '--data', data, '--source', 'nl-csv.persons', '--json']);
    expect(r.code, r.stderr).toBe(3);
    expect(summaryOf(r)).toMatchObject({ read: 4, imported: 2, rejected: 2 });
    expect(r.stderr).toMatch(/^line 4 \(person ref "C3"\): birthDate: 1990-02-30 is not a real calendar date$/m);
    expect(r.stderr).toMatch(/^line 5: csv: .*quote/im);
    const rows = await withStore(data, (q) => q(`select p.ref, p.display_name, d.number from persons p left join identity_documents d on d.person_id = p.id order by p.ref`));
    expect(rows).toEqual([
      { ref: 'C1', display_name: 'Олександр Шевченко', number: 'FE123456' },
      { ref: 'C2', display_name: 'Maria García López', number: null },
    ]);
  });

  it('imports alerts from a CSV onto persons already stored, rejecting rows line by line', async () => {
    const data = copyStore(template, join(dir, 'csv-alerts'));
    const people = join(dir, 'people-for-alerts.csv');
    writeFileSync(people, 'id,given_names,surname,birth_date\nP1,Jan,Jansen,1980-01-01\n');
    expect((await runCli(['import', people, '--data', data, '--source', 'nl-csv.persons', '--json'])).code).toBe(0);
    const alerts = join(dir, 'alerts.csv');
    writeFileSync(
      alerts,
      'ref,category,subject_ref,action,legal_basis,expires_at,crime_area\n' +
        'A1,arrest,P1,Arrest and inform the SPOC,EAW 2026/17,2030-01-31,drug_trafficking\n' +
        'A2,arrest,NOBODY,Arrest,EAW 2026/18,2030-01-31,\n' +
        'A3,discreet_check,P1,Report movements,,31-01-2030,\n',
    );
    const r = await runCli(['import', alerts, '--data', data, '--source', 'nl-csv.persons', '--json']);
    expect(r.code, r.stderr).toBe(3);
    expect(summaryOf(r)).toMatchObject({ read: 3, imported: 1, rejected: 2 });
    expect(r.stderr).toMatch(/^line 3 \(alert ref "A2"\): subject\/ref: no person with ref "NOBODY"/m);
    expect(r.stderr).toMatch(/^line 4 \(alert ref "A3"\): expiresAt: /m);
    const rows = await withStore(data, (q) => q(`select a.ref, a.category, a.crime_area, p.ref as person from alerts a join persons p on p.id = a.person_id`));
    expect(rows).toEqual([{ ref: 'A1', category: 'arrest', crime_area: 'drug_trafficking', person: 'P1' }]);
  });
});
