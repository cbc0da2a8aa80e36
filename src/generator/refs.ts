// Record references that look like a registry's own identifiers and give
// nothing away: a keyed permutation (a small Feistel network) of
// (entity number, slot). Because the permutation is a bijection, refs are
// unique without any shared counter, so any worker can make them and the
// order records are written in does not matter.
import { mix32 } from './prng.ts';

/** Distinct record slots per entity: see `population.ts`. */
export const SLOTS_PER_ENTITY = 32;

/** A bijection on 32-bit integers, different for every key. */
export function permute32(x: number, key: number): number {
  let l = x >>> 16;
  let r = x & 0xffff;
  for (let round = 0; round < 4; round++) {
    const f = mix32((r ^ Math.imul(key, round + 1)) >>> 0) & 0xffff;
    const next = l ^ f;
    l = r;
    r = next;
  }
  return ((l << 16) | r) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class RefMaker {
  private readonly keys = new Map<string, number>();
  constructor(private readonly seed: number) {}

  /** The ref of the record in `slot` of entity `index`, in a source with `prefix`, for kind P(erson), O(bject) or A(lert). */
  ref(prefix: string, kind: 'P' | 'O' | 'A', index: number, slot: number): string {
    const name = prefix + kind;
    let key = this.keys.get(name);
    if (key === undefined) {
      key = mix32(this.seed ^ hashString(name));
      this.keys.set(name, key);
    }
    const id = index * SLOTS_PER_ENTITY + slot;
    if (id > 0xffffffff) throw new Error('population too large for 32-bit record ids');
    return `${prefix}-${kind}${String(permute32(id, key)).padStart(10, '0')}`;
  }
}
