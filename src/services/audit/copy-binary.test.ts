// The binary COPY reader: tuples cut anywhere across chunks come out whole,
// malformed input is named with its byte offset, and nothing makes it throw.
import { describe, expect, it } from 'vitest';
import { CopyBinaryReader } from './copy-binary.ts';

function encode(tuples: (Buffer | null)[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)];
  for (const t of tuples) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(t.length);
    parts.push(count);
    for (const f of t) {
      const len = Buffer.alloc(4);
      len.writeInt32BE(f ? f.length : -1);
      parts.push(len, ...(f ? [f] : []));
    }
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

function read(bytes: Buffer, cuts: number[], fields = 2): { tuples: string[][]; error?: string } {
  const reader = new CopyBinaryReader(fields);
  const tuples: string[][] = [];
  let from = 0;
  for (const to of [...cuts, bytes.length]) {
    if (!reader.push(bytes.subarray(from, to), (f) => (tuples.push(f.map((x) => x.toString('utf8'))), true))) break;
    from = to;
  }
  return { tuples, error: reader.finish() };
}

const SAMPLE = [
  [Buffer.from('1'), Buffer.from('{"a":"ž"}')],
  [Buffer.from(''), Buffer.from('x'.repeat(300))],
  [Buffer.from('3'), Buffer.from('\t\n\\')],
];

describe('binary COPY reader', () => {
  it('reads every tuple whole wherever the stream is cut', () => {
    const bytes = encode(SAMPLE);
    const expected = SAMPLE.map((t) => t.map((f) => f.toString('utf8')));
    for (let cut = 0; cut <= bytes.length; cut++) expect(read(bytes, [cut])).toEqual({ tuples: expected, error: undefined });
    expect(read(bytes, Array.from({ length: bytes.length }, (_, i) => i))).toEqual({ tuples: expected, error: undefined });
  });

  it('names what is wrong and where', () => {
    expect(read(Buffer.from('not copy data at all'), []).error).toMatch(/signature is missing at byte 0/);
    expect(read(encode([[Buffer.from('a')]]), []).error).toMatch(/a tuple has 1 fields, expected 2 at byte 19/);
    expect(read(encode([[Buffer.from('a'), null]]), []).error).toMatch(/field 2 of a tuple is null at byte 26/);
    const full = encode(SAMPLE);
    expect(read(full.subarray(0, full.length - 5), []).error).toMatch(/ended before the end-of-data marker/);
    expect(read(Buffer.concat([full, Buffer.from([1])]), []).error).toMatch(/data after the end-of-data marker/);
  });

  it('stops when the consumer says so', () => {
    const reader = new CopyBinaryReader(2);
    let seen = 0;
    expect(reader.push(encode(SAMPLE), () => ++seen < 2)).toBe(false);
    expect(seen).toBe(2);
    expect(reader.error).toBeUndefined();
  });

  it('survives mutated and truncated input without throwing', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const base = encode(SAMPLE);
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(base.subarray(0, Math.floor(rnd() * (base.length + 1))));
      for (let m = Math.floor(rnd() * 4); m > 0; m--) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
      const cuts = Array.from({ length: Math.floor(rnd() * 4) }, () => Math.floor(rnd() * bytes.length)).sort((a, b) => a - b);
      const r = read(bytes, cuts);
      expect(Array.isArray(r.tuples)).toBe(true);
      expect(r.error === undefined || /at byte \d+$/.test(r.error)).toBe(true);
      expect(r.tuples.every((t) => t.length === 2)).toBe(true);
    }
  });
});
