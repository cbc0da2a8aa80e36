// Growable columnar store of candidate pairs and their comparison vectors:
// typed arrays instead of objects so tens of millions of pairs fit in memory.
import { FIELD_COUNT } from '../compare.ts';

export class PairBuffer {
  a: Int32Array;
  b: Int32Array;
  levels: Uint8Array;
  /** 1 when only a secondary (in-memory) key brought the pair. */
  secondaryOnly: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.levels = new Uint8Array(capacity * FIELD_COUNT);
    this.secondaryOnly = new Uint8Array(capacity);
  }

  /** Reserves a slot for pair (i, j) and returns its index; the caller writes levels at index * FIELD_COUNT. */
  push(i: number, j: number, secondaryOnly = false): number {
    if (this.length === this.a.length) this.grow();
    const k = this.length++;
    this.a[k] = i;
    this.b[k] = j;
    this.secondaryOnly[k] = secondaryOnly ? 1 : 0;
    return k;
  }

  /** Appends another buffer's pairs (in their order). */
  append(from: Pick<PairBuffer, 'a' | 'b' | 'levels' | 'secondaryOnly' | 'length'>): void {
    const length = from.length;
    while (this.a.length < this.length + length) this.grow();
    this.a.set(from.a.subarray(0, length), this.length);
    this.b.set(from.b.subarray(0, length), this.length);
    this.levels.set(from.levels.subarray(0, length * FIELD_COUNT), this.length * FIELD_COUNT);
    this.secondaryOnly.set(from.secondaryOnly.subarray(0, length), this.length);
    this.length += length;
  }

  /** Arrays cut to the length (to send to another thread without the spare room). */
  trimmed(): Pick<PairBuffer, 'a' | 'b' | 'levels' | 'secondaryOnly' | 'length'> {
    const n = this.length;
    return { a: this.a.slice(0, n), b: this.b.slice(0, n), levels: this.levels.slice(0, n * FIELD_COUNT), secondaryOnly: this.secondaryOnly.slice(0, n), length: n };
  }

  private grow(): void {
    const cap = this.a.length * 2;
    const a = new Int32Array(cap); a.set(this.a); this.a = a;
    const b = new Int32Array(cap); b.set(this.b); this.b = b;
    const l = new Uint8Array(cap * FIELD_COUNT); l.set(this.levels); this.levels = l;
    const s = new Uint8Array(cap); s.set(this.secondaryOnly); this.secondaryOnly = s;
  }
}
