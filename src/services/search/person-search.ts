// Person matching for the single search: the query's blocking keys pick the
// candidates from person_keys (and identity_documents for a document
// number), the matching engine scores each and explains the best ones.
import type { MatchRecord } from '../../domain/match-record.ts';
import { personToMatchRecord } from '../../domain/match-record.ts';
import type { PersonRecord } from '../../domain/person.ts';
import { documentNumberKey } from '../../identifiers/index.ts';
import { blockingKeysOf, explainFeatures, extractFeatures, scorePair, type CompiledModel, type MatchExplanation } from '../../matching/index.ts';
import type { Database } from '../../store/database.ts';
import type { HitExplanation } from './types.ts';

/** Most candidates a query scores; ordered by how many keys they share with it. */
export const MAX_CANDIDATES = 400;
/** Below this probability a candidate is not shown. */
export const MIN_PROBABILITY = 0.05;

export interface PersonMatch {
  id: string;
  sourceId: string;
  ref: string;
  display: string;
  probability: number;
  explanation: HitExplanation;
}

export interface PersonSearchOutcome {
  keys: string[];
  candidates: number;
  /** Candidates at or above the minimum probability, before the limit. */
  total: number;
  matches: PersonMatch[];
}

export function toHitExplanation(e: MatchExplanation): HitExplanation {
  return {
    summary: e.summary,
    weight: Math.round(e.weight * 100) / 100,
    fields: e.contributions.map((c) => ({ field: c.field, label: c.label, levelLabel: c.levelLabel, values: c.values, bits: Math.round(c.total * 100) / 100 })),
  };
}

interface CandidateRow {
  id: string;
  source_id: string;
  ref: string;
  display_name: string;
  record: PersonRecord | string;
}

export async function searchPersons(
  database: Database,
  cm: CompiledModel,
  query: MatchRecord,
  sourceIds: string[],
  opts: { limit: number; minProbability?: number } = { limit: 20 },
): Promise<PersonSearchOutcome> {
  const qf = extractFeatures(query);
  const keys = blockingKeysOf(qf);
  if (!sourceIds.length) return { keys, candidates: 0, total: 0, matches: [] };
  const docKeys = [...new Set(query.documentNumbers.map(documentNumberKey).filter((k) => k.length >= 4))];
  const [byKeys, byDocs] = await Promise.all([
    keys.length
      ? database.query<{ person_id: string }>(
          'select person_id from person_keys where key = any($1::text[]) group by person_id order by count(*) desc limit $2',
          [keys, MAX_CANDIDATES],
        )
      : Promise.resolve([]),
    docKeys.length
      ? database.query<{ person_id: string }>('select person_id from identity_documents where number_key = any($1::text[]) limit $2', [docKeys, MAX_CANDIDATES])
      : Promise.resolve([]),
  ]);
  const ids = [...new Set([...byDocs.map((r) => r.person_id), ...byKeys.map((r) => r.person_id)])];
  if (!ids.length) return { keys, candidates: 0, total: 0, matches: [] };
  const rows = await database.query<CandidateRow>(
    'select id, source_id, ref, display_name, record from persons where id = any($1::uuid[]) and source_id = any($2::text[]) and deleted_at is null',
    [ids, sourceIds],
  );
  const min = opts.minProbability ?? MIN_PROBABILITY;
  const scored: { row: CandidateRow; rec: MatchRecord; probability: number; weight: number; features: ReturnType<typeof extractFeatures> }[] = [];
  for (const row of rows) {
    const person = (typeof row.record === 'string' ? JSON.parse(row.record) : row.record) as PersonRecord;
    const rec = personToMatchRecord(row.id, person);
    const features = extractFeatures(rec);
    const s = scorePair(cm, qf, features);
    if (s.probability >= min) scored.push({ row, rec, probability: s.probability, weight: s.weight, features });
  }
  scored.sort((a, b) => b.weight - a.weight);
  const matches = scored.slice(0, opts.limit).map((s) => ({
    id: s.row.id,
    sourceId: s.row.source_id,
    ref: s.row.ref,
    display: s.row.display_name,
    probability: s.probability,
    explanation: toHitExplanation(explainFeatures(cm, query, s.rec, qf, s.features)),
  }));
  return { keys, candidates: rows.length, total: scored.length, matches };
}
