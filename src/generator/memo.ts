// Name spellings repeat endlessly (the vocabulary is a few thousand names),
// so string transforms are memoised. The cache is cleared when it grows
// past a bound, which keeps memory flat on any population size.

export function memoise(fn: (s: string) => string, limit = 200_000): (s: string) => string {
  let cache = new Map<string, string>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= limit) cache = new Map();
      cache.set(s, v);
    }
    return v;
  };
}
