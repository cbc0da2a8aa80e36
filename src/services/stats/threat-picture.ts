// The threat picture: searches and hits over time, and confirmed hits and
// alerts in force by alert category, by EMPACT crime priority and by country.
// Counted from the tables the search, alerts and exchange areas write
// (searches, hits, alerts), so it needs no tables of its own.
//
// Searches record no alert category, so the category and crime-area filters
// narrow hits and alerts only; `searchesFiltered` says so.
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/policy.ts';
import { EMPACT_PRIORITIES } from '../../domain/alert.ts';
import { ValidationError } from '../../domain/errors.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { isoDay } from '../clock.ts';
import type { NodeContext } from '../context.ts';
import { bucketStarts, resolveQuery, type ResolvedQuery } from './query.ts';

export interface PeriodCount {
  /** First day of the bucket (YYYY-MM-DD). */
  period: string;
  searches: number;
  /** Searches that found at least one alert. */
  searchesWithHit: number;
  confirmedHits: number;
  dismissedHits: number;
}

export interface BreakdownRow {
  key: string;
  confirmedHits: number;
  /** Alerts active today (not restricted to the period). */
  activeAlerts: number;
}

export interface CountryRow extends BreakdownRow {
  /** Searches made by authorities of this country in the period. */
  searches: number;
}

export interface ThreatPicture {
  query: ResolvedQuery;
  generatedAt: string;
  searchesFiltered: boolean;
  totals: { searches: number; searchesWithHit: number; confirmedHits: number; dismissedHits: number; activeAlerts: number };
  series: PeriodCount[];
  byCategory: BreakdownRow[];
  /** Every EMPACT priority appears (with zeros), then other areas present in the data. */
  byCrimeArea: (BreakdownRow & { empact: boolean })[];
  byCountry: CountryRow[];
}

const startOf = (day: string) => `${day}T00:00:00Z`;
const dayAfter = (day: string) => new Date(Date.parse(startOf(day)) + 86_400_000).toISOString();

/** Filters on an alert `a` joined with its issuing authority `au`; parameters from $4 on. */
function alertFilters(q: ResolvedQuery, first: number): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, v: unknown) => {
    params.push(v);
    parts.push(cond.replace('?', `$${first + params.length - 1}`));
  };
  if (q.category) add('a.category = ?', q.category);
  if (q.crimeArea) add("coalesce(a.crime_area, 'unspecified') = ?", q.crimeArea);
  if (q.country) add('au.country = ?', q.country);
  return { sql: parts.map((p) => ` and ${p}`).join(''), params };
}

export async function threatPicture(node: NodeContext, actor: Actor | null, raw: unknown): Promise<ThreatPicture> {
  authorize(actor, 'stats.read');
  const today = isoDay(node.clock.now());
  const r = resolveQuery(raw, today);
  if (!r.ok) throw new ValidationError('The threat-picture query is not valid.', r.issues);
  const q = r.query;
  const db = node.database;
  const range = [q.bucket, startOf(q.from), dayAfter(q.to)];
  const period = (col: string) => `to_char(date_trunc($1, ${col} at time zone 'UTC'), 'YYYY-MM-DD')`;

  const searchCountry = q.country ? ' and au.country = $4' : '';
  const searchParams = q.country ? [...range, q.country] : range;
  const searchRows = db.query<{ period: string; country: string; searches: number; with_hit: number }>(
    `select ${period('s.searched_at')} as period, au.country, count(*)::int as searches, count(*) filter (where s.alert_hit_count > 0)::int as with_hit
       from searches s join authorities au on au.id = s.authority_id
      where s.searched_at >= $2::timestamptz and s.searched_at < $3::timestamptz${searchCountry}
      group by 1, 2`,
    searchParams,
  );

  const hf = alertFilters(q, 4);
  const hitRows = db.query<{ period: string; category: string; crime_area: string; country: string; confirmed: number; dismissed: number }>(
    `select ${period('h.created_at')} as period, a.category, coalesce(a.crime_area, 'unspecified') as crime_area, au.country,
            count(*) filter (where h.decision = 'confirm')::int as confirmed, count(*) filter (where h.decision = 'dismiss')::int as dismissed
       from hits h join alerts a on a.id = h.alert_id join authorities au on au.id = a.issuing_authority_id
      where h.created_at >= $2::timestamptz and h.created_at < $3::timestamptz${hf.sql}
      group by 1, 2, 3, 4`,
    [...range, ...hf.params],
  );

  const af = alertFilters(q, 2);
  const alertRows = db.query<{ category: string; crime_area: string; country: string; n: number }>(
    `select a.category, coalesce(a.crime_area, 'unspecified') as crime_area, au.country, count(*)::int as n
       from alerts a join authorities au on au.id = a.issuing_authority_id
      where a.status = 'active' and a.expires_at >= $1${af.sql}
      group by 1, 2, 3`,
    [today, ...af.params],
  );

  const [searches, hits, alerts] = await Promise.all([searchRows, hitRows, alertRows]);

  const series = new Map<string, PeriodCount>(
    bucketStarts(q.from, q.to, q.bucket).map((p) => [p, { period: p, searches: 0, searchesWithHit: 0, confirmedHits: 0, dismissedHits: 0 }]),
  );
  const seriesAt = (p: string) => {
    let row = series.get(p);
    if (!row) series.set(p, (row = { period: p, searches: 0, searchesWithHit: 0, confirmedHits: 0, dismissedHits: 0 }));
    return row;
  };
  const categories = new Map<string, BreakdownRow>();
  const areas = new Map<string, BreakdownRow & { empact: boolean }>(EMPACT_PRIORITIES.map((k) => [k, { key: k, confirmedHits: 0, activeAlerts: 0, empact: true }]));
  const countries = new Map<string, CountryRow>();
  const category = (k: string) => categories.get(k) ?? categories.set(k, { key: k, confirmedHits: 0, activeAlerts: 0 }).get(k)!;
  const area = (k: string) => areas.get(k) ?? areas.set(k, { key: k, confirmedHits: 0, activeAlerts: 0, empact: false }).get(k)!;
  const country = (k: string) => countries.get(k) ?? countries.set(k, { key: k, confirmedHits: 0, activeAlerts: 0, searches: 0 }).get(k)!;

  const totals = { searches: 0, searchesWithHit: 0, confirmedHits: 0, dismissedHits: 0, activeAlerts: 0 };
  for (const s of searches) {
    const row = seriesAt(s.period);
    row.searches += s.searches;
    row.searchesWithHit += s.with_hit;
    country(s.country).searches += s.searches;
    totals.searches += s.searches;
    totals.searchesWithHit += s.with_hit;
  }
  for (const h of hits) {
    const row = seriesAt(h.period);
    row.confirmedHits += h.confirmed;
    row.dismissedHits += h.dismissed;
    totals.confirmedHits += h.confirmed;
    totals.dismissedHits += h.dismissed;
    if (h.confirmed) {
      category(h.category).confirmedHits += h.confirmed;
      area(h.crime_area).confirmedHits += h.confirmed;
      country(h.country).confirmedHits += h.confirmed;
    }
  }
  for (const a of alerts) {
    category(a.category).activeAlerts += a.n;
    area(a.crime_area).activeAlerts += a.n;
    country(a.country).activeAlerts += a.n;
    totals.activeAlerts += a.n;
  }

  const byWeight = <T extends BreakdownRow>(x: T, y: T) => y.confirmedHits - x.confirmedHits || y.activeAlerts - x.activeAlerts || x.key.localeCompare(y.key);
  const picture: ThreatPicture = {
    query: q,
    generatedAt: node.clock.now().toISOString(),
    searchesFiltered: !q.category && !q.crimeArea,
    totals,
    series: [...series.values()].sort((x, y) => x.period.localeCompare(y.period)),
    byCategory: [...categories.values()].sort(byWeight),
    byCrimeArea: [...areas.values()].sort((x, y) => Number(y.empact) - Number(x.empact) || byWeight(x, y)),
    byCountry: [...countries.values()].sort((x, y) => y.confirmedHits - x.confirmedHits || y.searches - x.searches || byWeight(x, y)),
  };
  await appendAudit(node.database.db, { actor, action: 'stats.read', outcome: 'ok', query: q, at: node.clock.now() });
  return picture;
}
