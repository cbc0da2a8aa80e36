// The duplicates must carry the variation real registries show, and the
// labels in the ground truth must be true to the record they describe.
import { describe, expect, it } from 'vitest';
import { COUNTRIES } from './countries.ts';
import { stripDiacritics } from './names/latin.ts';
import type { PersonLineData, Variation } from './person-record.ts';
import type { TruthRow } from './population.ts';
import { population } from './test-support.ts';

const items = population({ persons: 5000, seed: 42 });
const records: Array<{ p: PersonLineData; t: TruthRow }> = [];
for (let i = 0; i < items.length; i++) if (items[i].type === 'person') records.push({ p: items[i] as PersonLineData, t: items[i + 1] as TruthRow });
const byEntity = new Map<string, typeof records>();
for (const r of records) byEntity.set(r.t.entity, [...(byEntity.get(r.t.entity) ?? []), r]);
const first = (entity: string) => byEntity.get(entity)!.find((r) => r.t.record === 1)!;
const only = (v: Variation) => records.filter((r) => r.t.variations.length === 1 && r.t.variations[0] === v && r.t.record > 1);
const labelled = (v: Variation) => records.filter((r) => r.t.variations.includes(v));
const fold = (s: string | undefined) => stripDiacritics(s ?? '').toLowerCase();

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

describe('duplicates', () => {
  it('records a realistic share of persons more than once, across different sources', () => {
    const sizes = [...byEntity.values()].map((r) => r.length);
    const multi = sizes.filter((n) => n > 1).length / sizes.length;
    expect(multi).toBeGreaterThan(0.2);
    expect(multi).toBeLessThan(0.4);
    expect(Math.max(...sizes)).toBeGreaterThanOrEqual(4);
    const crossSource = [...byEntity.values()].filter((r) => r.length > 1 && new Set(r.map((x) => x.p.source)).size > 1).length;
    expect(crossSource / sizes.filter((n) => n > 1).length).toBeGreaterThan(0.9);
  });

  it('shows every promised kind of variation', () => {
    const counts = new Map<Variation, number>();
    for (const r of records) for (const v of r.t.variations) counts.set(v, (counts.get(v) ?? 0) + 1);
    const atLeast: Partial<Record<Variation, number>> = {
      typo: 200, transliteration: 60, script: 60, swap: 60, diacritics: 20, mrz_style: 60, partial_date: 80, placeholder_date: 30,
      day_month_swap: 10, date_digit: 40, document_renewed: 50, nationality_missing: 40, maiden_name: 3, double_name: 3,
      initials: 20, given_dropped: 8, patronymic: 3, alias: 3,
    };
    for (const [v, n] of Object.entries(atLeast)) expect(counts.get(v as Variation) ?? 0, v).toBeGreaterThanOrEqual(n);
  });

  it('labels are true to the records', () => {
    for (const r of labelled('partial_date')) expect(r.p.birthDate!.length).toBeLessThan(10);
    for (const r of labelled('placeholder_date')) expect(r.p.birthDate).toMatch(/-01-01$/);
    for (const r of labelled('nationality_missing')) expect(r.p.nationalities).toEqual([]);
    for (const r of labelled('alias')) expect(r.p.documents).toEqual([]);
    for (const r of labelled('script')) expect(r.p.names[0].script).not.toBe('latin');
    for (const r of labelled('mrz_style')) expect(r.p.names[0].family).toBe(stripDiacritics(r.p.names[0].family!));
    for (const r of labelled('initials')) expect([r.p.names[0].given, r.p.names[0].family].some((x) => /^\p{L}\.?$/u.test(x ?? ''))).toBe(true);
    for (const r of only('swap')) {
      const f = first(r.t.entity).p.names[0];
      if (f.script !== 'latin' || r.p.names[0].script !== 'latin' || first(r.t.entity).t.variations.length > 0) continue;
      expect(fold(r.p.names[0].given)).toBe(fold(f.family));
    }
    for (const r of only('typo')) {
      const f = first(r.t.entity).p.names[0];
      if (f.script !== r.p.names[0].script || first(r.t.entity).t.variations.length > 0) continue;
      const d = editDistance(fold(`${f.given} ${f.family}`), fold(`${r.p.names[0].given} ${r.p.names[0].family}`));
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(2);
    }
    for (const r of only('day_month_swap')) {
      if (first(r.t.entity).t.variations.length > 0) continue;
      const b = first(r.t.entity).p.birthDate!;
      if (b.length === 10) expect(r.p.birthDate).toBe(`${b.slice(0, 4)}-${b.slice(8, 10)}-${b.slice(5, 7)}`);
    }
    for (const r of only('date_digit')) {
      if (first(r.t.entity).t.variations.length > 0) continue;
      const b = first(r.t.entity).p.birthDate!;
      if (b.length !== 10) continue;
      expect([...b].filter((c, i) => c !== r.p.birthDate![i]).length).toBe(1);
    }
  });

  it('writes one non-Latin name in several Latin ways', () => {
    // The same Cyrillic/Greek/Arabic name, across an entity's Latin records, in more than one spelling.
    let varied = 0;
    for (const rs of byEntity.values()) {
      const latin = new Set(rs.flatMap((r) => r.p.names.filter((n) => n.script === 'latin').map((n) => fold(n.family))));
      const nonLatin = rs.some((r) => r.p.names.some((n) => n.script !== 'latin'));
      if (nonLatin && latin.size > 1) varied++;
    }
    expect(varied).toBeGreaterThan(20);
  });
});

describe('scripts and countries', () => {
  it('writes names in Latin, Cyrillic, Greek and Arabic script in roughly the intended shares', () => {
    const share = (s: string) => records.filter((r) => r.p.names.some((n) => n.script === s)).length / records.length;
    expect(share('cyrillic')).toBeGreaterThan(0.01);
    expect(share('cyrillic')).toBeLessThan(0.08);
    expect(share('arabic')).toBeGreaterThan(0.005);
    expect(share('arabic')).toBeLessThan(0.06);
    expect(share('greek')).toBeGreaterThan(0.0005);
    expect(share('greek')).toBeLessThan(0.02);
    expect(records.filter((r) => r.p.names[0].script === 'latin').length / records.length).toBeGreaterThan(0.85);
    const diacritics = records.filter((r) => r.p.names[0].script === 'latin' && stripDiacritics(`${r.p.names[0].given}${r.p.names[0].family}`) !== `${r.p.names[0].given}${r.p.names[0].family}`);
    expect(diacritics.length / records.length).toBeGreaterThan(0.1);
  });

  it('draws persons from thirty-odd countries in proportion to their weight', () => {
    const nats = new Map<string, number>();
    for (const r of records) if (r.t.record === 1 && r.p.nationalities[0]) nats.set(r.p.nationalities[0], (nats.get(r.p.nationalities[0]) ?? 0) + 1);
    expect(nats.size).toBeGreaterThanOrEqual(35);
    const total = COUNTRIES.reduce((s, c) => s + c.weight, 0);
    const firsts = [...nats.values()].reduce((a, b) => a + b, 0);
    const deu = (nats.get('DEU') ?? 0) / firsts;
    expect(Math.abs(deu - 9 / total)).toBeLessThan(0.03);
  });

  it('makes common names common (frequency skew)', () => {
    const families = new Map<string, number>();
    for (const r of records) if (r.p.nationalities[0] === 'DEU' && r.t.record === 1) families.set(r.p.names[0].family!, (families.get(r.p.names[0].family!) ?? 0) + 1);
    const sorted = [...families.values()].sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    expect(sorted[0] / total).toBeGreaterThan(0.02);
    expect(families.size).toBeGreaterThan(40);
  });
});
