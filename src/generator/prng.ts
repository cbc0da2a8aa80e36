// A small, fast, seeded PRNG (sfc32) with the sampling helpers the generator
// needs. Every entity gets its own stream derived from (seed, index), so the
// n-th entity is the same whatever the population size: runs with the same
// seed share their prefix, and a change in one entity never shifts the rest.

/** splitmix32 step: turns any 32-bit input into a well-mixed 32-bit output. */
export function mix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
  return (x ^ (x >>> 15)) >>> 0;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream = 0) {
    this.a = mix32(seed);
    this.b = mix32(this.a ^ stream);
    this.c = mix32(this.b ^ 0x5bd1e995);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Next uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Picks by weight from a prepared table. */
  weighted<T>(table: WeightedTable<T>): T {
    return table.items[bisect(table.cdf, this.float() * table.total)];
  }

  /** Picks from a list ordered most common first, with a Zipf-like skew. */
  zipf<T>(list: ZipfList<T>): T {
    return list.items[bisect(list.cdf, this.float() * list.total)];
  }

  /** `len` random characters from `alphabet`. */
  chars(alphabet: string, len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
}

export interface WeightedTable<T> {
  items: T[];
  cdf: Float64Array;
  total: number;
}
export type ZipfList<T> = WeightedTable<T>;

export function weightedTable<T>(entries: ReadonlyArray<readonly [T, number]>): WeightedTable<T> {
  const items = entries.map((e) => e[0]);
  const cdf = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => {
    total += w;
    cdf[i] = total;
  });
  return { items, cdf, total };
}

/**
 * Rank-frequency weights 1/(rank + q)^s: the head is common (the top name
 * takes a few percent) while the long tail still shows up.
 */
export function zipfList<T>(items: readonly T[], s = 1.0, q = 2.7): ZipfList<T> {
  return weightedTable(items.map((item, rank) => [item, 1 / Math.pow(rank + 1 + q, s)] as const));
}

function bisect(cdf: Float64Array, x: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
