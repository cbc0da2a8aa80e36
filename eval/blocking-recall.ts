// Blocking recall: the share of true pairs that share at least one batch
// blocking key under which the engine pairs them (one side holding it
// actively), i.e. that reach scoring.
import type { MatchRecord } from '../src/domain/match-record.ts';
import { batchBlockingKeysOf } from '../src/matching/blocking.ts';
import { extractFeatures } from '../src/matching/model/features.ts';

function keyRoles(rec: MatchRecord): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const k of batchBlockingKeysOf(extractFeatures(rec))) {
    const passive = k.startsWith('~');
    out.set(passive ? k.slice(1) : k, !passive);
  }
  return out;
}

export function pairReachesScoring(a: Map<string, boolean>, b: Map<string, boolean>): boolean {
  for (const [k, activeA] of a) {
    const activeB = b.get(k);
    if (activeB !== undefined && (activeA || activeB)) return true;
  }
  return false;
}

/** Blocking recall over true pairs given as [i, j] index pairs into left/right (right = left for dedupe). */
export function blockingRecall(left: MatchRecord[], right: MatchRecord[], truePairs: [number, number][]): { recall: number; missed: [number, number][] } {
  const lk = left.map(keyRoles);
  const rk = right === left ? lk : right.map(keyRoles);
  const missed: [number, number][] = [];
  for (const [i, j] of truePairs) if (!pairReachesScoring(lk[i], rk[j])) missed.push([i, j]);
  return { recall: truePairs.length > 0 ? 1 - missed.length / truePairs.length : 1, missed };
}

/** All [i, j] (i < j) with the same entity label. */
export function truePairsWithin(entity: ArrayLike<string | number>): [number, number][] {
  const groups = new Map<string | number, number[]>();
  for (let i = 0; i < entity.length; i++) {
    const g = groups.get(entity[i]);
    if (g) g.push(i); else groups.set(entity[i], [i]);
  }
  const out: [number, number][] = [];
  for (const g of groups.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) out.push([g[x], g[y]]);
  return out;
}

/** All [i, j] with left entity i equal to right entity j. */
export function truePairsAcross(left: ArrayLike<string | number>, right: ArrayLike<string | number>): [number, number][] {
  const byEntity = new Map<string | number, number[]>();
  for (let j = 0; j < right.length; j++) {
    const g = byEntity.get(right[j]);
    if (g) g.push(j); else byEntity.set(right[j], [j]);
  }
  const out: [number, number][] = [];
  for (let i = 0; i < left.length; i++) for (const j of byEntity.get(left[i]) ?? []) out.push([i, j]);
  return out;
}
