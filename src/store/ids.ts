// Record ids derived from (source, ref): an import computes them without a
// round trip and a re-import of the same line lands on the same row.
import { createHash } from 'node:crypto';

export function recordId(kind: 'person' | 'object' | 'alert', sourceId: string, ref: string): string {
  const h = createHash('sha1').update(kind).update('\0').update(sourceId).update('\0').update(ref).digest();
  h[6] = (h[6]! & 0x0f) | 0x50; // version 5 layout
  h[8] = (h[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
