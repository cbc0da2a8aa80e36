// Candidate pairs from blocking keys: records sharing a key form a block,
// and every pair inside a block is a candidate. A pair sharing several keys
// is emitted once, under the smallest key id both carry, which needs no set
// of seen pairs (that set would not fit in memory for a million records).

export interface CandidateIndex {
  recordCount: number;
  /** Key ids of record i, times 2, plus 1 when the record holds the key actively: keyIds[recordOffsets[i] .. recordOffsets[i+1]), ascending. */
  recordOffsets: Int32Array;
  keyIds: Int32Array;
  /** Members of block k: members[blockOffsets[k] .. blockOffsets[k+1]), ascending record index, times 2, plus 1 when active. */
  blockOffsets: Int32Array;
  members: Int32Array;
  keyCount: number;
}

// A key starting with '~' is passive: its holders pair only with holders
// that have it actively (see blocking.ts).
//
// Keys are hashed into the high bits of a double with the record index in
// the low bits, so grouping records by key is one native numeric sort
// instead of a map of millions of strings. A hash collision only merges two
// blocks (more candidates to score), it never loses a pair.
function hashKey(s: string): number {
  let h1 = 0x811c9dc5, h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return (h1 >>> 0) * 4 + (h2 >>> 30);
}

export function buildCandidateIndex(recordCount: number, keysOf: (i: number) => readonly string[]): CandidateIndex {
  const indexBits = Math.max(1, Math.ceil(Math.log2(recordCount + 1))) + 1;
  const hashSpace = Math.pow(2, Math.min(34, 53 - indexBits));
  const scale = Math.pow(2, indexBits);
  let packed = new Float64Array(Math.max(16, recordCount * 8));
  let used = 0;
  const perRecord = new Int32Array(recordCount + 1);
  const seen: number[] = [];
  for (let i = 0; i < recordCount; i++) {
    seen.length = 0;
    for (const k of keysOf(i)) {
      const passive = k.charCodeAt(0) === 0x7e;
      const h = hashKey(passive ? k.slice(1) : k) % hashSpace;
      if (seen.includes(h)) continue;
      seen.push(h);
      if (used === packed.length) {
        const grown = new Float64Array(packed.length * 2);
        grown.set(packed);
        packed = grown;
      }
      packed[used++] = h * scale + i * 2 + (passive ? 0 : 1);
    }
    perRecord[i + 1] = seen.length;
  }
  const sorted = packed.subarray(0, used).sort();
  const recordOffsets = new Int32Array(recordCount + 1);
  for (let i = 0; i < recordCount; i++) recordOffsets[i + 1] = recordOffsets[i] + perRecord[i + 1];
  const fill = recordOffsets.slice(0, recordCount);
  const keyIds = new Int32Array(used);
  const members = new Int32Array(used);
  const starts: number[] = [];
  let keyCount = 0, lastHash = -1;
  for (let p = 0; p < used; p++) {
    const v = sorted[p];
    const h = Math.floor(v / scale);
    const member = v - h * scale;
    const i = member >>> 1;
    if (h !== lastHash) { starts.push(p); keyCount++; lastHash = h; }
    // Ascending key ids per record, because keys are visited in id order.
    keyIds[fill[i]++] = (keyCount - 1) * 2 + (member & 1);
    members[p] = member;
  }
  starts.push(used);
  return { recordCount, recordOffsets, keyIds, blockOffsets: Int32Array.from(starts), members, keyCount };
}

/** Smallest key id of a block not skipped under which records i and j pair (one holds it actively), or -1. */
function smallestCommonKey(ix: CandidateIndex, skipped: Uint8Array, i: number, j: number): number {
  let a = ix.recordOffsets[i];
  const ae = ix.recordOffsets[i + 1];
  let b = ix.recordOffsets[j];
  const be = ix.recordOffsets[j + 1];
  while (a < ae && b < be) {
    const x = ix.keyIds[a] >>> 1, y = ix.keyIds[b] >>> 1;
    if (x === y) {
      if (skipped[x] === 0 && ((ix.keyIds[a] | ix.keyIds[b]) & 1) === 1) return x;
      a++; b++;
    } else if (x < y) a++; else b++;
  }
  return -1;
}

export interface CandidateOptions {
  /** For linkage: records < split are left, >= split right; only cross pairs are emitted. */
  split?: number;
  /** Blocks that would yield more pairs than this are skipped (they carry no selective information). */
  maxBlockPairs?: number;
  /** Only blocks k with k % stride === offset (to share the work between threads). */
  stride?: number;
  offset?: number;
}

/** Pairs block k would yield (at least one active member; across the split for linkage). */
function blockPairs(ix: CandidateIndex, k: number, split: number | undefined): number {
  let la = 0, lp = 0, ra = 0, rp = 0;
  for (let p = ix.blockOffsets[k]; p < ix.blockOffsets[k + 1]; p++) {
    const m = ix.members[p];
    const right = split !== undefined && m >>> 1 >= split;
    if (m & 1) { if (right) ra++; else la++; } else if (right) rp++; else lp++;
  }
  if (split === undefined) {
    const all = la + lp;
    return (all * (all - 1)) / 2 - (lp * (lp - 1)) / 2;
  }
  return (la + lp) * (ra + rp) - lp * rp;
}

export interface CandidateStats {
  pairs: number;
  skippedBlocks: number;
  skippedPairs: number;
}

export function forEachCandidatePair(ix: CandidateIndex, opts: CandidateOptions, emit: (i: number, j: number) => void): CandidateStats {
  const split = opts.split;
  const maxPairs = opts.maxBlockPairs ?? 20_000;
  const stride = opts.stride ?? 1, offset = opts.offset ?? 0;
  const stats: CandidateStats = { pairs: 0, skippedBlocks: 0, skippedPairs: 0 };
  // Oversized blocks are known up front so a pair they share is still emitted under another key.
  const skipped = new Uint8Array(ix.keyCount);
  for (let k = 0; k < ix.keyCount; k++) {
    const pairs = blockPairs(ix, k, split);
    if (pairs > maxPairs) {
      skipped[k] = 1;
      if (k % stride === offset) { stats.skippedBlocks++; stats.skippedPairs += pairs; }
    }
  }
  for (let k = offset; k < ix.keyCount; k += stride) {
    if (skipped[k]) continue;
    const s = ix.blockOffsets[k], e = ix.blockOffsets[k + 1];
    if (e - s < 2) continue;
    for (let p = s; p < e; p++) {
      const mp = ix.members[p];
      const i = mp >>> 1;
      if (split !== undefined && i >= split) break;
      for (let q = p + 1; q < e; q++) {
        const mq = ix.members[q];
        if (((mp | mq) & 1) === 0) continue;
        const j = mq >>> 1;
        if (split !== undefined && j < split) continue;
        if (smallestCommonKey(ix, skipped, i, j) === k) { stats.pairs++; emit(i, j); }
      }
    }
  }
  return stats;
}
