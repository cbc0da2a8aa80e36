// Person matching for the single search: the query's blocking keys pick the
// candidates from person_keys (and identity_documents for a document
// number), the matching engine scores each and explains the best ones.
import type { MatchRecord } from '../../domain/match-record.ts';
import { personToMatchRecord } from '../../domain/match-record.ts';
import type { PersonRecord } from '../../domain/person.ts';
import { documentNumberKey } from '../../identifiers/index.ts';
import { blockingKeys, blockingKeysOf, explainFeatures, extractFeatures, scorePair, type CompiledModel, type MatchExplanation } from '../../matching/index.ts';
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

/**
 * The keys a query looks up: its own blocking keys plus those of two
 * variants that registries often produce and that share no key with the
 * original — given and family name swapped, and day and month swapped. A
 * stored record is indexed once; widening the query costs a few more index
 * lookups and finds those records too.
 */
export function queryKeys(query: MatchRecord, own: string[]): string[] {
  const keys = new Set(own);
  const swappedNames = query.names.filter((n) => n.given.trim() && n.family.trim()).map((n) => ({ given: n.family, family: n.given }));
  if (swappedNames.length) for (const k of blockingKeys({ ...query, names: swappedNames, documentNumbers: [] })) keys.add(k);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(query.birthDate);
  if (m && m[2] !== m[3] && Number(m[3]) <= 12) {
    for (const k of blockingKeys({ ...query, birthDate: `${m[1]}-${m[3]}-${m[2]}`, documentNumbers: [] })) keys.add(k);
  }
  return [...keys];
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
  const lookup = queryKeys(query, keys);
  const docKeys = [...new Set(query.documentNumbers.map(documentNumberKey).filter((k) => k.length >= 4))];
  if (!lookup.length && !docKeys.length) return { keys, candidates: 0, total: 0, matches: [] };
  // One round trip: the candidates sharing most keys (a cap keeps common-name blocks bounded), plus document holders.
  const rows = await database.query<CandidateRow>(
    `select p.id, p.source_id, p.ref, p.display_name, p.record
       from persons p
       join (
         (select person_id from person_keys where key = any($1::text[]) group by person_id order by count(*) desc limit $3)
         union
         (select person_id from identity_documents where number_key = any($2::text[]) limit $3)
       ) c on c.person_id = p.id
      where p.source_id = any($4::text[]) and p.deleted_at is null`,
    [lookup, docKeys, MAX_CANDIDATES, sourceIds],
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
