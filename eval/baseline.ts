// What a developer would write without Pontis: two records are the same
// person when their lower-cased, accent-stripped full names and birth dates
// are equal. Measured next to the model so the gain is a ratio.
import type { MatchRecord } from '../src/domain/match-record.ts';

function normalise(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function baselineKey(r: MatchRecord): string {
  const n = r.names[0] ?? { given: '', family: '' };
  return `${normalise(n.given)}|${normalise(n.family)}|${r.birthDate.trim()}`;
}

/** Pairs [i, j] (i < j) with equal keys. */
export function baselineDedupe(records: MatchRecord[]): [number, number][] {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const k = baselineKey(r);
    const g = groups.get(k);
    if (g) g.push(i); else groups.set(k, [i]);
  });
  const out: [number, number][] = [];
  for (const g of groups.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) out.push([g[x], g[y]]);
  return out;
}

/** Pairs [i, j] (left i, right j) with equal keys. */
export function baselineLink(left: MatchRecord[], right: MatchRecord[]): [number, number][] {
  const byKey = new Map<string, number[]>();
  right.forEach((r, j) => {
    const k = baselineKey(r);
    const g = byKey.get(k);
    if (g) g.push(j); else byKey.set(k, [j]);
  });
  const out: [number, number][] = [];
  left.forEach((r, i) => { for (const j of byKey.get(baselineKey(r)) ?? []) out.push([i, j]); });
  return out;
}
