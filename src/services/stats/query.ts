// What an analyst may ask of the threat picture: a period, a bucket size and
// filters. Parsing never throws; it returns the query or precise issues.
import { z } from 'zod';
import { AlertCategory, CrimeArea } from '../../domain/alert.ts';
import { IsoDate } from '../../domain/common.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { issuesFromZod } from '../../domain/errors.ts';

export const Bucket = z.enum(['day', 'week', 'month']);
export type Bucket = z.infer<typeof Bucket>;

/** Longest period one request covers, and most points on the time axis. */
export const MAX_PERIOD_DAYS = 5 * 366;
export const MAX_BUCKETS = 400;

export const ThreatPictureQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    bucket: Bucket.default('week'),
    /** Issuing country of the alert (hits, alerts) or the searching authority's country (searches); as authorities carry it (alpha-3, e.g. NLD). */
    country: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'expected a three-letter country code such as NLD')
      .transform((s) => s.toUpperCase())
      .optional(),
    category: AlertCategory.optional(),
    crimeArea: CrimeArea.optional(),
  })
  .meta({ id: 'ThreatPictureQuery' });
export type ThreatPictureQueryInput = z.input<typeof ThreatPictureQuery>;

export interface ResolvedQuery {
  from: string;
  to: string;
  bucket: Bucket;
  country?: string;
  category?: string;
  crimeArea?: string;
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;

/** Default period: the 13 weeks up to `today`. */
export function resolveQuery(raw: unknown, today: string): { ok: true; query: ResolvedQuery } | { ok: false; issues: FieldIssue[] } {
  const parsed = ThreatPictureQuery.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const q = parsed.data;
  const to = q.to ?? today;
  const from = q.from ?? new Date(Date.parse(to) - 90 * DAY_MS).toISOString().slice(0, 10);
  const issues: FieldIssue[] = [];
  if (Number.isNaN(Date.parse(from)) || new Date(from).toISOString().slice(0, 10) !== from) issues.push({ path: 'from', message: 'not a calendar date' });
  if (Number.isNaN(Date.parse(to)) || new Date(to).toISOString().slice(0, 10) !== to) issues.push({ path: 'to', message: 'not a calendar date' });
  if (issues.length) return { ok: false, issues };
  if (from > to) return { ok: false, issues: [{ path: 'from', message: `the period starts (${from}) after it ends (${to})` }] };
  const span = days(from, to);
  if (span > MAX_PERIOD_DAYS) return { ok: false, issues: [{ path: 'from', message: `a period covers at most ${MAX_PERIOD_DAYS} days; this one covers ${span}` }] };
  const perBucket = q.bucket === 'day' ? 1 : q.bucket === 'week' ? 7 : 28;
  if (Math.ceil(span / perBucket) > MAX_BUCKETS) {
    return { ok: false, issues: [{ path: 'bucket', message: `${span} days in ${q.bucket}s is more than ${MAX_BUCKETS} points; choose a larger bucket or a shorter period` }] };
  }
  return { ok: true, query: { from, to, bucket: q.bucket, country: q.country, category: q.category, crimeArea: q.crimeArea } };
}

/** The start of each bucket from `from` to `to` (ISO dates, weeks start on Monday, as date_trunc does). */
export function bucketStarts(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  const d = new Date(from + 'T00:00:00Z');
  if (bucket === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (bucket === 'month') d.setUTCDate(1);
  const end = Date.parse(to + 'T00:00:00Z');
  while (d.getTime() <= end && out.length <= MAX_BUCKETS + 1) {
    out.push(d.toISOString().slice(0, 10));
    if (bucket === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}
