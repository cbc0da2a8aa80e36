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

/**
 * Most candidates a query scores, best-supported first (see
 * personCandidatesSql). Each costs a random read of its record and a scoring:
 * at 10 million persons, 150 instead of 400 read about half as many records
 * (128 against 255 on average) and found 371 instead of 373 of 491 other
 * records of the queried persons (docs/search.md).
 */
export const MAX_CANDIDATES = 150;
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

export interface CandidateRow {
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

/** What one person query looks up: its blocking keys (with the variants) and document-number keys. */
export interface PersonCandidateQuery {
  keys: string[];
  docKeys: string[];
}

/** The candidate query of a person, or null when it has nothing to look up by. */
export function personCandidateQuery(query: MatchRecord, own: string[]): PersonCandidateQuery | null {
  const keys = queryKeys(query, own);
  const docKeys = [...new Set(query.documentNumbers.map(documentNumberKey).filter((k) => k.length >= 4))];
  return keys.length || docKeys.length ? { keys, docKeys } : null;
}

/**
 * The candidates of a person query: those whose shared keys carry the most
 * evidence (a cap keeps common-name blocks bounded) plus the holders of its
 * document numbers, in the sources given by `sourcesParam`. `param` adds a
 * parameter and returns its placeholder.
 *
 * A shared key counts by how rare it is, ln(10^8 / block size), not as one:
 * at 10 million persons a surname-and-year block holds thousands, an exact
 * name-and-date block a handful, and a candidate sharing only the former is
 * rarely the person. With the cap this keeps the few strong candidates of a
 * common name ahead of its many weak ones (more other records found at the
 * same cap than ordering by the number of shared keys).
 */
export function personCandidatesSql(q: PersonCandidateQuery, sourcesParam: string, param: (v: unknown) => string): string {
  const cap = param(MAX_CANDIDATES);
  return `select p.id, p.source_id, p.ref, p.display_name, p.record
       from persons p
       join (
         (select person_id
            from (select person_id, ln(1e8::float8 / count(*) over (partition by key)) as weight
                    from person_keys where key = any(${param(q.keys)}::text[])) k
           group by person_id order by sum(weight) desc limit ${cap})
         union
         (select person_id from identity_documents where number_key = any(${param(q.docKeys)}::text[]) limit ${cap})
       ) c on c.person_id = p.id
      where p.source_id = any(${sourcesParam}::text[]) and p.deleted_at is null`;
}

/** Scores the candidates of one person query and explains the best ones. */
export function scorePersonCandidates(
  cm: CompiledModel,
  query: MatchRecord,
  qf: ReturnType<typeof extractFeatures>,
  keys: string[],
  rows: CandidateRow[],
  opts: { limit: number; minProbability?: number },
): PersonSearchOutcome {
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

export async function searchPersons(
  database: Database,
  cm: CompiledModel,
  query: MatchRecord,
  sourceIds: string[],
  opts: { limit: number; minProbability?: number } = { limit: 20 },
): Promise<PersonSearchOutcome> {
  const qf = extractFeatures(query);
  const keys = blockingKeysOf(qf);
  const lookup = sourceIds.length ? personCandidateQuery(query, keys) : null;
  if (!lookup) return { keys, candidates: 0, total: 0, matches: [] };
  const params: unknown[] = [sourceIds];
  const param = (v: unknown) => `$${params.push(v)}`;
  const rows = await database.query<CandidateRow>(personCandidatesSql(lookup, '$1', param), params);
  return scorePersonCandidates(cm, query, qf, keys, rows, opts);
}
