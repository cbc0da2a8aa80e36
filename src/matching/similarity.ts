// String similarity measures for names. They run on every candidate pair
// of a batch linkage, so none of them allocates per call: work buffers are
// module-level and grow only when a longer string comes by.

// Which positions of b are matched, marked with the call's stamp so that
// no clearing is needed between calls; and the matched positions of a.
let matchedB = new Int32Array(64);
let matchedA = new Int32Array(64);
let stamp = 0;

/**
 * Jaro–Winkler similarity in [0, 1]: prefix scale 0.1, prefix of at most 4,
 * applied (as Winkler specifies) only when the Jaro similarity exceeds 0.7.
 * Two identical strings (also two empty ones) give 1; an empty and a
 * non-empty one give 0. Compares UTF-16 code units: fold names first.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (matchedA.length < la) matchedA = new Int32Array(la * 2);
  if (matchedB.length < lb) {
    matchedB = new Int32Array(lb * 2);
    stamp = 0;
  }
  if (++stamp === 0x7fffffff) {
    matchedB.fill(0);
    stamp = 1;
  }
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let m = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = i + window < lb - 1 ? i + window : lb - 1;
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (matchedB[j] !== stamp && b.charCodeAt(j) === c) {
        matchedB[j] = stamp;
        matchedA[m++] = i;
        break;
      }
    }
  }
  if (m === 0) return 0;
  let halfTranspositions = 0;
  let x = 0;
  for (let j = 0; j < lb && x < m; j++) {
    if (matchedB[j] !== stamp) continue;
    if (a.charCodeAt(matchedA[x]) !== b.charCodeAt(j)) halfTranspositions++;
    x++;
  }
  const jaro = (m / la + m / lb + (m - halfTranspositions / 2) / m) / 3;
  if (jaro <= 0.7) return jaro;
  const maxPrefix = Math.min(4, la, lb);
  let p = 0;
  while (p < maxPrefix && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

let row0 = new Int32Array(64);
let row1 = new Int32Array(64);
let row2 = new Int32Array(64);

function ensureRows(n: number): void {
  if (row1.length < n) {
    row0 = new Int32Array(n * 2);
    row1 = new Int32Array(n * 2);
    row2 = new Int32Array(n * 2);
  }
}

/**
 * Levenshtein distance (insertions, deletions, substitutions). With max,
 * stops as soon as the distance must exceed it and returns max + 1.
 */
export function levenshtein(a: string, b: string, max: number = Number.MAX_SAFE_INTEGER): number {
  return editDistance(a, b, max, false);
}

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form: an
 * adjacent transposition counts 1 (MAKSIM/MAKISM), no substring is edited
 * twice. With max, returns max + 1 as soon as the distance must exceed it.
 */
export function damerauLevenshtein(a: string, b: string, max: number = Number.MAX_SAFE_INTEGER): number {
  return editDistance(a, b, max, true);
}

function editDistance(x: string, y: string, maxIn: number, transpositions: boolean): number {
  const max = maxIn < 0 || Number.isNaN(maxIn) ? 0 : Math.floor(maxIn);
  if (x === y) return 0;
  // The shorter string runs along the row.
  const a = x.length <= y.length ? x : y;
  const b = a === x ? y : x;
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const la = endA - start;
  const lb = endB - start;
  if (lb - la > max) return max + 1;
  if (la === 0) return lb > max ? max + 1 : lb;
  ensureRows(la + 1);
  let prev2 = row0;
  let prev = row1;
  let cur = row2;
  for (let i = 0; i <= la; i++) prev[i] = i;
  let prevRowMin = 0;
  for (let j = 1; j <= lb; j++) {
    const cb = b.charCodeAt(start + j - 1);
    const cbPrev = j > 1 ? b.charCodeAt(start + j - 2) : -1;
    cur[0] = j;
    let rowMin = j;
    for (let i = 1; i <= la; i++) {
      const ca = a.charCodeAt(start + i - 1);
      let v = prev[i - 1] + (ca === cb ? 0 : 1);
      const del = prev[i] + 1;
      if (del < v) v = del;
      const ins = cur[i - 1] + 1;
      if (ins < v) v = ins;
      if (transpositions && i > 1 && j > 1 && ca === cbPrev && a.charCodeAt(start + i - 2) === cb) {
        const tr = prev2[i - 2] + 1;
        if (tr < v) v = tr;
      }
      cur[i] = v;
      if (v < rowMin) rowMin = v;
    }
    // A row's values can only be undercut by a transposition from the row
    // two back, so two rows over max settle it.
    if (rowMin > max && (!transpositions || prevRowMin > max)) return max + 1;
    prevRowMin = rowMin;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[la];
  return d > max ? max + 1 : d;
}

/**
 * Jaccard similarity of two token sets (duplicates count once): shared
 * tokens / distinct tokens. 1 for two empty lists, 0 when only one is empty.
 */
export function jaccardTokens(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length * b.length > 256) return jaccardBySet(a, b);
  let distinctA = 0;
  let shared = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i];
    let dup = false;
    for (let k = 0; k < i; k++) if (a[k] === t) { dup = true; break; }
    if (dup) continue;
    distinctA++;
    for (let k = 0; k < b.length; k++) if (b[k] === t) { shared++; break; }
  }
  let distinctB = 0;
  for (let i = 0; i < b.length; i++) {
    let dup = false;
    for (let k = 0; k < i; k++) if (b[k] === b[i]) { dup = true; break; }
    if (!dup) distinctB++;
  }
  return shared / (distinctA + distinctB - shared);
}

function jaccardBySet(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let shared = 0;
  for (const t of sa) if (sb.has(t)) shared++;
  return shared / (sa.size + sb.size - shared);
}
