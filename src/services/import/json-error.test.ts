import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-error.ts';
import { parseJsonLine } from './jsonl-reader.ts';

describe('locateJsonError', () => {
  it.each([
    ['{"a":}', 6, /expected a value/],
    ['{"a":1,}', 8, /property name/],
    ['{"a" 1}', 6, /':'/],
    ['{"a":"x', 6, /unterminated string/],
    ['{"a":1} x', 9, /after the end/],
    ['{a:1}', 2, /property name in double quotes/],
    ['{"a":tru}', 6, /expected a value/],
    ['["\\q"]', 3, /bad escape/],
    ['{"a":[1 2]}', 9, /',' or ']'/],
  ])('%s → column %i', (text, column, message) => {
    const e = locateJsonError(text);
    expect(e.column).toBe(column);
    expect(e.message).toMatch(message);
  });

  it('gives the column in the rejection of a malformed line', () => {
    const r = parseJsonLine('{"type":"person","ref":"1",}');
    expect(r).toEqual({ ok: false, issues: [{ path: 'column 28', message: expect.stringMatching(/^malformed JSON: /) }] });
  });

  it('never throws on random or mutated input (fuzz, fixed seed)', () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const base = '{"type":"person","ref":"P1","names":[{"given":"Ann","family":"Ö\\u00e9"}],"n":-1.5e3,"ok":true,"x":null}';
    const alphabet = '{}[]":,\\ntrufalse0123456789.-eE "\u00e9\ud83d';
    for (let i = 0; i < 3000; i++) {
      let s = base;
      const edits = 1 + Math.floor(rnd() * 4);
      for (let j = 0; j < edits; j++) {
        const at = Math.floor(rnd() * (s.length + 1));
        const op = rnd();
        const ch = alphabet[Math.floor(rnd() * alphabet.length)]!;
        s = op < 0.4 ? s.slice(0, at) + s.slice(at + 1) : op < 0.8 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at);
      }
      const r = parseJsonLine(s);
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(r.ok).toBe(valid);
      if (!r.ok) {
        expect(r.issues[0]!.path).toMatch(/^column \d+$/);
        const col = Number(r.issues[0]!.path.slice(7));
        expect(col).toBeGreaterThanOrEqual(1);
        expect(col).toBeLessThanOrEqual(s.length + 1);
      }
    }
  });
});
