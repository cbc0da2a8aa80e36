import { describe, expect, it } from 'vitest';
import { bucketStarts, MAX_BUCKETS, resolveQuery } from './query.ts';

describe('threat-picture query', () => {
  it('defaults to the 90 days up to today in weeks', () => {
    expect(resolveQuery({}, '2026-06-01')).toEqual({ ok: true, query: { from: '2026-03-03', to: '2026-06-01', bucket: 'week', country: undefined, category: undefined, crimeArea: undefined } });
  });

  it('names the field and the reason for every bad input', () => {
    const bad = (raw: unknown) => {
      const r = resolveQuery(raw, '2026-06-01');
      if (r.ok) throw new Error('expected issues');
      return r.issues;
    };
    expect(bad({ from: '2026-02-30' })[0]).toEqual({ path: 'from', message: 'not a calendar date' });
    expect(bad({ from: '2026-05-02', to: '2026-05-01' })[0]!.path).toBe('from');
    expect(bad({ bucket: 'year' })[0]!.path).toBe('bucket');
    expect(bad({ bucket: 'day', from: '2024-01-01', to: '2026-01-01' })[0]).toMatchObject({ path: 'bucket' });
    expect(bad({ from: '2010-01-01', to: '2026-01-01', bucket: 'month' })[0]!.message).toMatch(/at most/);
    expect(bad({ country: 'Netherlands' })[0]!.path).toBe('country');
    expect(bad({ category: 'speeding' })[0]!.path).toBe('category');
    expect(bad({ crimeArea: 'jaywalking' })[0]!.path).toBe('crimeArea');
  });

  it('upper-cases the country', () => {
    const r = resolveQuery({ country: 'nld' }, '2026-06-01');
    expect(r.ok && r.query.country).toBe('NLD');
  });

  it('starts weeks on Monday and months on the first, covering the whole period', () => {
    expect(bucketStarts('2026-05-06', '2026-05-20', 'week')).toEqual(['2026-05-04', '2026-05-11', '2026-05-18']);
    expect(bucketStarts('2026-01-31', '2026-03-01', 'month')).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(bucketStarts('2026-05-30', '2026-06-01', 'day')).toEqual(['2026-05-30', '2026-05-31', '2026-06-01']);
  });

  it('never throws on garbage and always answers ok or with issues (fuzz)', () => {
    let seed = 20261123;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const values: unknown[] = ['', '2026-01-01', '2026-13-01', '0000-00-00', 'week', 'day', 'month', 'NLD', 'x'.repeat(500), 42, null, [], {}, true, '2026-01-01T00:00:00Z', '\u0000', -1];
    for (let i = 0; i < 2000; i++) {
      const raw: Record<string, unknown> = {};
      for (const k of ['from', 'to', 'bucket', 'country', 'category', 'crimeArea', 'other']) if (rnd() < 0.5) raw[k] = pick(values);
      const input = rnd() < 0.05 ? pick(values) : raw;
      const r = resolveQuery(input, '2026-06-01');
      if (r.ok) {
        expect(r.query.from <= r.query.to).toBe(true);
        expect(bucketStarts(r.query.from, r.query.to, r.query.bucket).length).toBeLessThanOrEqual(MAX_BUCKETS + 1);
      } else {
        expect(r.issues.length).toBeGreaterThan(0);
        for (const issue of r.issues) expect(typeof issue.path === 'string' && typeof issue.message === 'string').toBe(true);
      }
    }
  });
});
