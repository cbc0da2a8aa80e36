import { describe, expect, it } from 'vitest';
import { personToMatchRecord, type MatchRecord } from '../../domain/match-record.ts';
import type { PersonRecord } from '../../domain/person.ts';
import { generatePopulation } from '../../generator/population.ts';
import { dedupe, link, type LinkageResult } from './engine.ts';
import { dedupeInParallel, linkInParallel } from './parallel.ts';

function population(persons: number, seed: number): MatchRecord[] {
  const out: MatchRecord[] = [];
  for (const item of generatePopulation({ persons, seed })) {
    if (item.type !== 'person') continue;
    const { type: _t, source, ...person } = item;
    out.push(personToMatchRecord(`${source}:${person.ref}`, person as PersonRecord));
  }
  return out;
}

function comparable(r: LinkageResult) {
  return { pairs: r.pairs, model: r.model, threshold: r.threshold, candidates: r.stats.pairs, skipped: r.stats.skippedBlocks };
}

describe('the engine on worker threads', () => {
  const records = population(1200, 11);

  it('dedupes to exactly the single-thread pairs, scores and model', async () => {
    const single = dedupe(records);
    // Batches of 250: the worker gets the records in five messages, the last one short.
    const parallel = await dedupeInParallel(records, { threads: 2, minRecordsPerWorker: 1, recordBatch: 250 });
    expect(single.pairs.length).toBeGreaterThan(50);
    expect(comparable(parallel)).toEqual(comparable(single));
  }, 60_000);

  it('links to exactly the single-thread result, also with a given model and three threads', async () => {
    const left = records.slice(0, 700), right = records.slice(700);
    const single = link(left, right);
    const parallel = await linkInParallel(left, right, { threads: 3, minRecordsPerWorker: 1, model: single.model });
    expect(single.pairs.length).toBeGreaterThan(10);
    expect(comparable(parallel)).toEqual(comparable(link(left, right, { model: single.model })));
  }, 60_000);
});
