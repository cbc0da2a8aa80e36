// The reads of one search before scoring, in one statement: the person
// candidates of each reading of the query, the objects of each identifier,
// the alerts that produce hits today on those objects, and the source
// register's fingerprint (src/services/search/sources.ts). A search is one
// question; asking the database once keeps its cost down when a node
// answers hundreds a second. The alerts on persons are read after scoring,
// for the matches only (search.ts): a person query has up to 150
// candidates and a handful of matches, and looking up alerts for every
// candidate was a fifth of the database's time per search at 10 million
// persons.
import { effectiveAlertsSql, hitAlertsBySubject, type HitAlert, type HitAlertRow } from '../alerts/read.ts';
import type { Database } from '../../store/database.ts';
import { objectCandidatesSql, type ObjectLookup, type ObjectRow } from './object-search.ts';
import { personCandidatesSql, type CandidateRow, type PersonCandidateQuery } from './person-search.ts';
import { SOURCES_VERSION_SQL } from './sources.ts';
import { prepared } from '../../store/database.ts';

export interface Candidates {
  /** The source register's fingerprint when the candidates were read. */
  sourcesVersion: string;
  /** Per person query, in order; empty where it had nothing to look up by. */
  persons: CandidateRow[][];
  /** Per identifier lookup, in order. */
  objects: ObjectRow[][];
  /** The alerts producing hits today on any object found, of the sources searched, per object id. */
  objectAlerts: Map<string, HitAlert[]>;
}

export async function lookUpCandidates(
  database: Database,
  sourceIds: string[],
  persons: (PersonCandidateQuery | null)[],
  objects: ObjectLookup[],
  objectLimit: number,
  today: string,
): Promise<Candidates> {
  const { text, params } = candidatesStatement(sourceIds, persons, objects, objectLimit, today);
  const [row] = await database.query<Record<string, unknown>>(prepared(text), params);
  const rows = <T>(name: string) => (row?.[name] as T[] | null | undefined) ?? [];
  return {
    sourcesVersion: String(row?.sources_version ?? ''),
    persons: persons.map((_, i) => rows<CandidateRow>(`p${i}`)),
    objects: objects.map((_, i) => rows<ObjectRow>(`o${i}`)),
    objectAlerts: hitAlertsBySubject(rows<HitAlertRow>('alerts')),
  };
}

/** The statement of lookUpCandidates: one row, a JSON column per person query (p0…) and identifier (o0…), the objects' alerts, the register fingerprint. */
export function candidatesStatement(
  sourceIds: string[],
  persons: (PersonCandidateQuery | null)[],
  objects: ObjectLookup[],
  objectLimit: number,
  today: string,
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  const ctes: string[] = [];
  const personSets: string[] = [];
  const objectSets: string[] = [];
  // Added on first use: PostgreSQL refuses a parameter no expression refers to.
  let sourcesPlaceholder: string | undefined;
  const sources = () => (sourcesPlaceholder ??= param(sourceIds));
  if (sourceIds.length) {
    persons.forEach((q, i) => {
      if (!q) return;
      ctes.push(`p${i} as (${personCandidatesSql(q, sources(), param)})`);
      personSets.push(`p${i}`);
    });
    objects.forEach((l, i) => {
      ctes.push(`o${i} as (${objectCandidatesSql(l, objectLimit, sources(), param)})`);
      objectSets.push(`o${i}`);
    });
    if (objectSets.length) {
      const ids = `array(${objectSets.map((t) => `select id from ${t}`).join(' union all ')})`;
      ctes.push(`hit_alerts as (select ${effectiveAlertsSql(`'{}'::uuid[]`, ids, `${param(today)}::date`, `${sources()}::text[]`)} as list)`);
    }
  }
  const columns = [
    `${SOURCES_VERSION_SQL} as sources_version`,
    ...[...personSets, ...objectSets].map((t) => `(select coalesce(json_agg(${t}), '[]'::json) from ${t}) as ${t}`),
    ...(objectSets.length ? ['(select list from hit_alerts) as alerts'] : []),
  ];
  return { text: `${ctes.length ? `with ${ctes.join(',\n')}\n` : ''}select ${columns.join(',\n')}`, params };
}
