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
  /** 1 for a secondary key (see below), per key id. */
  secondary: Uint8Array;
}

// A key starting with '~' is passive: its holders pair only with holders
// that have it actively (see blocking.ts).
//
// A key starting with '+' is secondary: an extra, broad rule of the batch
// engine (secondary-keys.ts) whose blocks are only worth scoring while they
// are small, so they have their own, lower size limit. Secondary keys form
// their own blocks: the blocks of the stored keys stay exactly what they
// would be without them.
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

/** Hashed keys of records, packed with the record index (see above); one part of an index. */
export interface HashedKeys {
  packed: Float64Array;
  used: number;
  /** Distinct keys per record. */
  perRecord: Int32Array;
  /** The keys are secondary ones. */
  secondary: boolean;
}

function packing(recordCount: number): { hashSpace: number; scale: number } {
  const indexBits = Math.max(1, Math.ceil(Math.log2(recordCount + 1))) + 1;
  return { hashSpace: Math.pow(2, Math.min(34, 53 - indexBits)), scale: Math.pow(2, indexBits) };
}

/**
 * The keys of every record hashed and packed. An index is built from up to
 * two parts, the stored rules' keys and the secondary ones, which may be
 * computed on different threads; a key of one part never shares a block
 * with a key of the other, even when their hashes collide.
 */
export function hashRecordKeys(recordCount: number, keysOf: (i: number) => readonly string[], secondary = false): HashedKeys {
  const { hashSpace, scale } = packing(recordCount);
  let packed = new Float64Array(Math.max(16, recordCount * 8));
  let used = 0;
  const perRecord = new Int32Array(recordCount);
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
    perRecord[i] = seen.length;
  }
  return { packed, used, perRecord, secondary };
}

const PLUS = 0x2b;

export function buildCandidateIndex(recordCount: number, keysOf: (i: number) => readonly string[]): CandidateIndex {
  const stored = hashRecordKeys(recordCount, (i) => keysOf(i).filter((k) => k.charCodeAt(0) !== PLUS));
  const secondary = hashRecordKeys(recordCount, (i) => keysOf(i).filter((k) => k.charCodeAt(0) === PLUS), true);
  return indexFromHashedKeys(recordCount, [stored, secondary]);
}

/** The index of one or two parts (stored keys, secondary keys); blocks ordered by hash, stored before secondary. */
export function indexFromHashedKeys(recordCount: number, parts: HashedKeys[]): CandidateIndex {
  if (parts.length > 2) throw new Error('an index has at most two parts');
  const { scale } = packing(recordCount);
  const [first, second] = parts[0]?.secondary ? [parts[1], parts[0]] : [parts[0], parts[1]];
  const A = first ? first.packed.subarray(0, first.used).sort() : new Float64Array(0);
  const B = second ? second.packed.subarray(0, second.used).sort() : new Float64Array(0);
  const secondA = first?.secondary ?? false, secondB = second?.secondary ?? true;
  const used = A.length + B.length;
  const recordOffsets = new Int32Array(recordCount + 1);
  for (let i = 0; i < recordCount; i++) recordOffsets[i + 1] = recordOffsets[i] + (first?.perRecord[i] ?? 0) + (second?.perRecord[i] ?? 0);
  const fill = recordOffsets.slice(0, recordCount);
  const keyIds = new Int32Array(used);
  const members = new Int32Array(used);
  const starts: number[] = [];
  const secondaryFlags: number[] = [];
  let keyCount = 0, lastHash = -1, lastPart = -1;
  let pa = 0, pb = 0;
  for (let p = 0; p < used; p++) {
    // Merge by hash; at equal hashes all of A before B, and a new block where the part changes.
    let v: number, part: number;
    if (pb >= B.length || (pa < A.length && Math.floor(A[pa] / scale) <= Math.floor(B[pb] / scale))) { v = A[pa++]; part = 0; } else { v = B[pb++]; part = 1; }
    const h = Math.floor(v / scale);
    const member = v - h * scale;
    const i = member >>> 1;
    if (h !== lastHash || part !== lastPart) {
      starts.push(p); keyCount++; lastHash = h; lastPart = part;
      secondaryFlags.push((part === 0 ? secondA : secondB) ? 1 : 0);
    }
    // Ascending key ids per record, because keys are visited in id order.
    keyIds[fill[i]++] = (keyCount - 1) * 2 + (member & 1);
    members[p] = member;
  }
  starts.push(used);
  return {
    recordCount, recordOffsets, keyIds, blockOffsets: Int32Array.from(starts), members, keyCount, secondary: Uint8Array.from(secondaryFlags),
  };
}

/**
 * Smallest key id of a block not skipped under which records i and j pair
 * (one holds it actively), or -1; with `storedOnly`, only keys of the stored
 * rules count (not the in-memory secondary ones).
 */
function smallestCommonKey(ix: CandidateIndex, skipped: Uint8Array, i: number, j: number, storedOnly = false): number {
  let a = ix.recordOffsets[i];
  const ae = ix.recordOffsets[i + 1];
  let b = ix.recordOffsets[j];
  const be = ix.recordOffsets[j + 1];
  while (a < ae && b < be) {
    const x = ix.keyIds[a] >>> 1, y = ix.keyIds[b] >>> 1;
    if (x === y) {
      if (skipped[x] === 0 && (!storedOnly || ix.secondary[x] === 0) && ((ix.keyIds[a] | ix.keyIds[b]) & 1) === 1) return x;
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
  /** The same for blocks of secondary keys ('+'); default 300. */
  maxSecondaryBlockPairs?: number;
  /** At most about this many pairs from secondary blocks, smallest blocks first; default 50,000 + 3 per record. */
  secondaryPairBudget?: number;
  /** Only blocks k with k % stride === offset (to sample blocks in a scattered order). */
  stride?: number;
  offset?: number;
  /** Only blocks fromBlock <= k < toBlock (to share the work between threads in the order of one). */
  fromBlock?: number;
  toBlock?: number;
  /** oversizedBlocks(ix, these options), when already computed (it reads every block). */
  oversized?: OversizedBlocks;
}

export interface OversizedBlocks {
  skipped: Uint8Array;
  estimate: Float64Array;
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

/** Which blocks are too large to enumerate (1), per key id. */
export function oversizedBlocks(ix: CandidateIndex, opts: CandidateOptions): OversizedBlocks {
  const maxPairs = opts.maxBlockPairs ?? 20_000;
  const maxSecondary = opts.maxSecondaryBlockPairs ?? 300;
  const skipped = new Uint8Array(ix.keyCount);
  const estimate = new Float64Array(ix.keyCount);
  let secondaryBlocks = 0, secondaryPairs = 0;
  for (let k = 0; k < ix.keyCount; k++) {
    const pairs = blockPairs(ix, k, opts.split);
    estimate[k] = pairs;
    if (pairs > (ix.secondary[k] ? maxSecondary : maxPairs)) skipped[k] = 1;
    else if (ix.secondary[k] && pairs > 0) { secondaryBlocks++; secondaryPairs += pairs; }
  }
  // In a large population the secondary blocks under the size limit are
  // still many; the smallest, most selective ones are kept up to the budget.
  const budget = opts.secondaryPairBudget ?? 50_000 + 3 * ix.recordCount;
  if (secondaryPairs > budget) {
    const sizes = new Float64Array(secondaryBlocks);
    let b = 0;
    for (let k = 0; k < ix.keyCount; k++) if (ix.secondary[k] && !skipped[k] && estimate[k] > 0) sizes[b++] = estimate[k];
    sizes.sort();
    let sum = 0, cutoff = Infinity;
    for (let x = 0; x < sizes.length; x++) {
      sum += sizes[x];
      if (sum > budget) { cutoff = sizes[x]; break; }
    }
    for (let k = 0; k < ix.keyCount; k++) if (ix.secondary[k] && estimate[k] >= cutoff) skipped[k] = 1;
  }
  return { skipped, estimate };
}

/**
 * Block boundaries 0 = b0 < b1 < … < bParts = keyCount that share the
 * candidate pairs about equally (by the pairs each block would yield).
 */
export function balancedBlockRanges(ix: CandidateIndex, opts: CandidateOptions, parts: number): number[] {
  const { skipped, estimate } = opts.oversized ?? oversizedBlocks(ix, opts);
  let total = 0;
  for (let k = 0; k < ix.keyCount; k++) if (!skipped[k]) total += estimate[k];
  const bounds = [0];
  let acc = 0;
  for (let k = 0; k < ix.keyCount && bounds.length < parts; k++) {
    if (!skipped[k]) acc += estimate[k];
    if (acc >= (total * bounds.length) / parts) bounds.push(k + 1);
  }
  while (bounds.length < parts) bounds.push(ix.keyCount);
  bounds.push(ix.keyCount);
  return bounds;
}

/** `secondaryOnly`: the pair shares only secondary keys (no stored rule would have paired it). */
export function forEachCandidatePair(
  ix: CandidateIndex, opts: CandidateOptions, emit: (i: number, j: number, secondaryOnly: boolean) => void,
): CandidateStats {
  const split = opts.split;
  const stride = opts.stride ?? 1, offset = opts.offset ?? 0;
  const from = opts.fromBlock ?? 0, to = Math.min(opts.toBlock ?? ix.keyCount, ix.keyCount);
  const stats: CandidateStats = { pairs: 0, skippedBlocks: 0, skippedPairs: 0 };
  // Oversized blocks are known up front so a pair they share is still emitted under another key.
  const { skipped, estimate } = opts.oversized ?? oversizedBlocks(ix, opts);
  for (let k = from; k < to; k++) {
    if (skipped[k] && k % stride === offset) { stats.skippedBlocks++; stats.skippedPairs += estimate[k]; }
  }
  let first = from;
  while (first % stride !== offset % stride) first++;
  for (let k = first; k < to; k += stride) {
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
        if (smallestCommonKey(ix, skipped, i, j) === k) {
          stats.pairs++;
          emit(i, j, ix.secondary[k] === 1 && smallestCommonKey(ix, skipped, i, j, true) < 0);
        }
      }
    }
  }
  return stats;
}
