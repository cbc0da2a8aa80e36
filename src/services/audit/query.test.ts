// The audit filter and canonical JSON take any input without throwing.
import { describe, expect, it } from 'vitest';
import { AuditFilter } from './query.ts';
import { canonicalJson } from './canonical-json.ts';

describe('audit filter and canonical JSON', () => {
  it('names the field that is wrong', () => {
    const r = AuditFilter.safeParse({ person: 'nope', from: '2026-13-45', outcome: 'maybe' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('/')).sort()).toEqual(['from', 'outcome', 'person']);
    expect(AuditFilter.parse({ from: '2026-06-01', to: '2026-06-02T10:00:00Z' }).from!.toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });

  it('sorts keys, drops undefined and makes strings storable', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [1, 'x', null] } })).toBe('{"a":{"c":[1,"x",null]},"b":1}');
    expect(canonicalJson({ s: 'a\u0000b\ud800' })).toBe('{"s":"a\ufffdb\ufffd"}');
    expect(canonicalJson({ n: NaN, d: new Date('2026-01-01T00:00:00Z') })).toBe('{"d":"2026-01-01T00:00:00.000Z","n":null}');
  });

  it('survives fuzzed input', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const str = () => Array.from({ length: Math.floor(rnd() * 12) }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join('');
    const value = (depth: number): unknown => {
      const k = Math.floor(rnd() * 7);
      if (depth > 3 || k < 3) return [str(), rnd() * 1e6 - 5e5, null, true, undefined, new Date(rnd() * 4e12)][Math.floor(rnd() * 6)];
      if (k < 5) return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, () => [str(), value(depth + 1)]));
    };
    for (let i = 0; i < 500; i++) {
      const v = value(0);
      const text = canonicalJson(v);
      expect(() => JSON.parse(text)).not.toThrow();
      // jsonb refuses NUL and lone surrogates, which JSON.stringify would write as escapes
      expect(text).not.toMatch(/\\u0000|\\ud[89a-f]/i);
      const f = AuditFilter.safeParse(typeof v === 'object' && v !== null && !Array.isArray(v) ? v : { from: str(), person: str(), case: str() });
      expect(typeof f.success).toBe('boolean');
    }
  });
});

import { createHash } from 'node:crypto';
import { chainHash, chainHashHex, GENESIS_HASH } from './chain.ts';

describe('chain hash', () => {
  it('is SHA-256 over previous hash, seq and body, from text or bytes, short or long', () => {
    for (const body of ['{"a":1}', 'ž'.repeat(100_000)]) {
      const seq = Buffer.alloc(8);
      seq.writeBigInt64BE(7n);
      const expected = createHash('sha256').update(GENESIS_HASH).update(seq).update(body, 'utf8').digest();
      expect(chainHash(GENESIS_HASH, 7, body).equals(expected)).toBe(true);
      expect(chainHash(GENESIS_HASH, 7, Buffer.from(body, 'utf8')).equals(expected)).toBe(true);
      expect(chainHashHex(GENESIS_HASH, 7, Buffer.from(body, 'utf8'))).toBe(expected.toString('hex'));
      expect(chainHashHex(GENESIS_HASH.toString('hex'), 7, body)).toBe(expected.toString('hex'));
    }
    // sequence numbers beyond 32 bits keep their high word
    const big = Buffer.alloc(8);
    big.writeBigInt64BE(2n ** 40n + 5n);
    const expected = createHash('sha256').update(GENESIS_HASH).update(big).update('x').digest('hex');
    expect(chainHash(GENESIS_HASH, 2 ** 40 + 5, 'x').toString('hex')).toBe(expected);
  });
});
