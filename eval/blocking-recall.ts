// Blocking recall: the share of true pairs that the batch engine makes
// candidates, i.e. that reach scoring: pairs sharing a stored blocking key
// (one side holding it actively) or a small block of a secondary,
// in-memory key (src/matching/linkage/secondary-keys.ts), with the engine's
// own limits on block sizes.
import type { MatchRecord } from '../src/domain/match-record.ts';
import { forEachCandidatePair } from '../src/matching/linkage/candidates.ts';
import { buildLinkageIndex, candidateOptions, computeFeatures, type LinkageOptions } from '../src/matching/linkage/engine.ts';

/** Candidate pairs of the engine as i * count + j (j indexes the combined left + right for linkage). */
function candidatePairs(records: MatchRecord[], split: number | undefined, opts: LinkageOptions): Set<number> {
  const features = computeFeatures(records);
  const index = buildLinkageIndex(features);
  const out = new Set<number>();
  forEachCandidatePair(index, candidateOptions(split, opts), (i, j) => out.add(i * records.length + j));
  return out;
}

/** Blocking recall over true pairs given as [i, j] index pairs into left/right (right = left for dedupe). */
export function blockingRecall(
  left: MatchRecord[], right: MatchRecord[], truePairs: [number, number][], opts: LinkageOptions = {},
): { recall: number; missed: [number, number][] } {
  const dedupe = right === left;
  const all = dedupe ? left : [...left, ...right];
  const candidates = candidatePairs(all, dedupe ? undefined : left.length, opts);
  const missed: [number, number][] = [];
  for (const [i0, j0] of truePairs) {
    const j = dedupe ? j0 : j0 + left.length;
    const [a, b] = i0 < j ? [i0, j] : [j, i0];
    if (!candidates.has(a * all.length + b)) missed.push([i0, j0]);
  }
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
