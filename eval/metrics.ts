// Precision, recall and F1 of found pairs against the true pairs, and the
// blocking recall (share of true pairs that reached scoring).

export interface PairQuality {
  truePairs: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

export function quality(truePairs: number, found: number, truePositives: number): PairQuality {
  const precision = found > 0 ? truePositives / found : 1;
  const recall = truePairs > 0 ? truePositives / truePairs : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { truePairs, found, truePositives, precision, recall, f1 };
}

/** Number of unordered pairs within groups sharing an entity label (dedupe). */
export function countTruePairsWithin(entities: ArrayLike<string | number>): number {
  const counts = new Map<string | number, number>();
  for (let i = 0; i < entities.length; i++) counts.set(entities[i], (counts.get(entities[i]) ?? 0) + 1);
  let n = 0;
  for (const c of counts.values()) n += (c * (c - 1)) / 2;
  return n;
}

/** Number of (left, right) pairs with the same entity label (linkage). */
export function countTruePairsAcross(left: ArrayLike<string | number>, right: ArrayLike<string | number>): number {
  const counts = new Map<string | number, number>();
  for (let i = 0; i < right.length; i++) counts.set(right[i], (counts.get(right[i]) ?? 0) + 1);
  let n = 0;
  for (let i = 0; i < left.length; i++) n += counts.get(left[i]) ?? 0;
  return n;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
