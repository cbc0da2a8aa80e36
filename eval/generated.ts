// The project's synthetic population (src/generator, `pontis generate`):
// multilingual persons with the ground truth of which records are one
// person. Two views: the full record as a node holds it (all names, all
// documents) and the CSV row `pontis generate --format csv` writes for
// `pontis dedupe` (primary name, first nationality and document).
import { personToMatchRecord, type MatchRecord } from '../src/domain/match-record.ts';
import type { PersonRecord } from '../src/domain/person.ts';
import { generatePopulation } from '../src/generator/population.ts';

export interface GeneratedPopulation {
  records: MatchRecord[];
  entity: string[];
}

export function generatedPopulation(persons: number, seed: number, view: 'record' | 'csv'): GeneratedPopulation {
  const records: MatchRecord[] = [];
  const entity: string[] = [];
  const byRef = new Map<string, number>();
  for (const item of generatePopulation({ persons, seed })) {
    if (item.type === 'person') {
      const { type: _t, source, ...person } = item;
      let m = personToMatchRecord(`${source}:${person.ref}`, person as PersonRecord);
      if (view === 'csv') {
        m = { ...m, names: m.names.slice(0, 1), nationalities: m.nationalities.slice(0, 1), documentNumbers: m.documentNumbers.slice(0, 1) };
      }
      byRef.set(m.id, records.length);
      records.push(m);
      entity.push('');
    } else if (item.type === 'truth') {
      const i = byRef.get(`${item.source}:${item.ref}`);
      if (i !== undefined) { entity[i] = item.entity; byRef.delete(`${item.source}:${item.ref}`); }
    }
  }
  return { records, entity };
}
