import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { PersonLine } from '../domain/import-record.ts';
import { generatePopulation } from './population.ts';
import { DEDUPE_CSV_HEADER, TRUTH_CSV_HEADER, csvField, writePopulation } from './write.ts';

const dir = mkdtempSync(join(tmpdir(), 'pontis-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writePopulation', () => {
  it('writes JSON Lines and a truth file that covers every person record', async () => {
    const out = join(dir, 'pop.jsonl');
    const progress: number[] = [];
    const summary = await writePopulation({ persons: 1200, seed: 4, out, onProgress: (p) => progress.push(p.persons), progressEvery: 500 });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; source: string; ref: string });
    expect(lines.length).toBe(summary.lines);
    const persons = lines.filter((l) => l.type === 'person');
    expect(persons).toHaveLength(1200);
    expect(summary.persons).toBe(1200);
    expect(summary.entities).toBeGreaterThan(700);
    expect(summary.entities).toBeLessThan(1000);
    expect(progress).toEqual([500, 1000, 1200]);

    const truth = parse(readFileSync(`${out}.truth.csv`, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(truth[0])).toEqual(TRUTH_CSV_HEADER.split(','));
    expect(truth).toHaveLength(1200);
    expect(new Set(truth.map((t) => `${t.source}|${t.ref}`))).toEqual(new Set(persons.map((p) => `${p.source}|${p.ref}`)));
    expect(new Set(truth.map((t) => t.entity)).size).toBe(summary.entities);
  });

  it('writes the dedupe CSV with the same records as the JSON Lines', async () => {
    const jsonl = join(dir, 'same.jsonl');
    const csv = join(dir, 'same.csv');
    await writePopulation({ persons: 800, seed: 6, out: jsonl, truth: false });
    await writePopulation({ persons: 800, seed: 6, out: csv, format: 'csv', truth: join(dir, 'same.truth.csv') });
    const text = readFileSync(csv, 'utf8');
    expect(text.split('\n')[0]).toBe(DEDUPE_CSV_HEADER);
    const rows = parse(text, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(800);
    const persons = readFileSync(jsonl, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l)).filter((l) => l.type === 'person');
    for (let i = 0; i < persons.length; i++) {
      const p = PersonLine.parse(persons[i]);
      expect(rows[i].id).toBe(`${p.source}:${p.ref}`);
      expect(rows[i].surname).toBe(p.names[0].family ?? '');
      expect(rows[i].birth_date).toBe(p.birthDate ?? '');
      expect(rows[i].document_number).toBe(p.documents[0]?.number ?? '');
    }
    const truth = parse(readFileSync(join(dir, 'same.truth.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(truth.map((t) => `${t.source}:${t.ref}`)).toEqual(rows.map((r) => r.id));
  });

  it('writes the same bytes with worker threads as without, and as generatePopulation yields', async () => {
    const files = await Promise.all(
      [0, 2].map(async (workers) => {
        const out = join(dir, `w${workers}.jsonl`);
        await writePopulation({ persons: 1500, seed: 8, out, workers, chunkEntities: 150 });
        return [readFileSync(out, 'utf8'), readFileSync(`${out}.truth.csv`, 'utf8')];
      }),
    );
    expect(files[1][0]).toBe(files[0][0]);
    expect(files[1][1]).toBe(files[0][1]);
    const expected = [...generatePopulation({ persons: 1500, seed: 8 })].filter((i) => i.type !== 'truth').map((i) => JSON.stringify(i) + '\n').join('');
    expect(files[0][0]).toBe(expected);
  });

  it('fails with the file system’s reason when the file cannot be written', async () => {
    await expect(writePopulation({ persons: 10, seed: 1, out: join(dir, 'missing', 'x.jsonl') })).rejects.toThrow(/ENOENT/);
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('45, Rue Ibn Battouta')).toBe('"45, Rue Ibn Battouta"');
    expect(csvField('say "hi"\n')).toBe('"say ""hi""\n"');
  });
});
