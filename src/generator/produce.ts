// Turns a run of entities into text ready to write: the part of the work
// that can run on any core, because every entity depends only on
// (seed, index). The main thread then only orders and writes.
import { personToMatchRecord } from '../domain/match-record.ts';
import type { PersonRecord } from '../domain/person.ts';
import { entityBundles, parseToday, type PopulationItem } from './population.ts';
import { RefMaker } from './refs.ts';

export type PopulationFormat = 'jsonl' | 'csv';

export interface ProduceOptions {
  seed: number;
  today?: string;
  format: PopulationFormat;
}

/** One bundle of an entity, serialised. */
export interface SerializedBundle {
  releaseAt: number;
  persons: number;
  /** Lines for the output file. */
  main: string;
  /** Lines for the truth file. */
  truth: string;
  lines: number;
  entities: number;
  objects: number;
  alerts: number;
}

export const DEDUPE_CSV_HEADER = 'id,given_names,surname,birth_date,sex,nationality,place_of_birth,document_number,address';
export const TRUTH_CSV_HEADER = 'source,ref,entity,variations';

/** RFC 4180 field quoting. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One person as a row of the dedupe CSV; the id is `source:ref`. */
export function personCsvRow(source: string, person: PersonRecord): string {
  const m = personToMatchRecord(`${source}:${person.ref}`, person);
  const name = m.names[0] ?? { given: '', family: '' };
  return [m.id, name.given, name.family, m.birthDate, m.sex, m.nationalities[0] ?? '', m.placeOfBirth, m.documentNumbers[0] ?? '', m.address]
    .map(csvField)
    .join(',');
}

export function serializeItems(items: PopulationItem[], format: PopulationFormat): Omit<SerializedBundle, 'releaseAt' | 'persons'> {
  let main = '';
  let truth = '';
  let lines = 0;
  let entities = 0;
  let objects = 0;
  let alerts = 0;
  for (const item of items) {
    switch (item.type) {
      case 'truth':
        if (item.record === 1) entities++;
        truth += `${csvField(item.source)},${csvField(item.ref)},${item.entity},${item.variations.join(';')}\n`;
        continue;
      case 'person':
        if (format === 'csv') {
          main += personCsvRow(item.source, item) + '\n';
          lines++;
          continue;
        }
        break;
      case 'object':
        objects++;
        break;
      case 'alert':
        alerts++;
        break;
    }
    if (format === 'jsonl') {
      main += JSON.stringify(item) + '\n';
      lines++;
    }
  }
  return { main, truth, lines, entities, objects, alerts };
}

/** Entities `start` … `start + count - 1`, each as its serialised bundles in creation order. */
export function produceEntities(opts: ProduceOptions, start: number, count: number): SerializedBundle[][] {
  const today = parseToday(opts.today);
  const refs = new RefMaker(opts.seed);
  const out: SerializedBundle[][] = [];
  for (let index = start; index < start + count; index++) {
    out.push(entityBundles(opts.seed, index, today, refs).map((b) => ({ releaseAt: b.releaseAt, persons: b.persons, ...serializeItems(b.items, opts.format) })));
  }
  return out;
}
