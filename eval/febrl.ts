// FEBRL benchmark files (Christen's synthetic census-like records) mapped
// onto the dedupe/link CSV columns; true pairs follow from the record ids
// rec-N-org / rec-N-dup-k (same N = same person).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { MatchRecord } from '../src/domain/match-record.ts';

export const FEBRL_DIR = resolve(import.meta.dirname, '../../shared/benchmarks/febrl');

export function febrlAvailable(): boolean {
  return existsSync(resolve(FEBRL_DIR, 'dataset4a.csv'));
}

export interface FebrlRecord extends MatchRecord {
  /** The person: N of rec-N-…. */
  entity: string;
}

export function febrlDate(yyyymmdd: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

export function loadFebrl(file: string): FebrlRecord[] {
  const rows = parse(readFileSync(resolve(FEBRL_DIR, file), 'utf8'), { columns: true, trim: true, skip_empty_lines: true }) as Record<string, string>[];
  return rows.map((r) => {
    const id = r.rec_id;
    const m = /^rec-(\d+)-/.exec(id);
    return {
      id,
      entity: m ? m[1] : id,
      names: [{ given: r.given_name ?? '', family: r.surname ?? '' }],
      birthDate: febrlDate(r.date_of_birth ?? ''),
      sex: '',
      nationalities: [],
      placeOfBirth: '',
      documentNumbers: r.soc_sec_id ? [r.soc_sec_id] : [],
      address: [r.street_number, r.address_1, r.address_2, r.suburb, r.postcode, r.state].filter((x) => x).join(' '),
    };
  });
}
