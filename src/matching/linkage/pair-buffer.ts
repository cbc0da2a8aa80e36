// Growable columnar store of candidate pairs and their comparison vectors:
// typed arrays instead of objects so tens of millions of pairs fit in memory.
import { FIELD_COUNT } from '../compare.ts';

export class PairBuffer {
  a: Int32Array;
  b: Int32Array;
  levels: Uint8Array;
  length = 0;

  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
    this.levels = new Uint8Array(capacity * FIELD_COUNT);
  }

  /** Reserves a slot for pair (i, j) and returns its index; the caller writes levels at index * FIELD_COUNT. */
  push(i: number, j: number): number {
    if (this.length === this.a.length) this.grow();
    const k = this.length++;
    this.a[k] = i;
    this.b[k] = j;
    return k;
  }

  private grow(): void {
    const cap = this.a.length * 2;
    const a = new Int32Array(cap); a.set(this.a); this.a = a;
    const b = new Int32Array(cap); b.set(this.b); this.b = b;
    const l = new Uint8Array(cap * FIELD_COUNT); l.set(this.levels); this.levels = l;
  }
}
