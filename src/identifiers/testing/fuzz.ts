// Deterministic random input for the fuzz tests in this folder. Test support
// only; nothing in production imports it.
import { expect } from 'vitest';
import type { IdentifierResult } from '../result.ts';

/** mulberry32: small, fast, good enough to spread test inputs, and seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ALPHABETS = {
  mrz: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  noise: 'abcxyzÄÖüßéŁЖжАВΩ«<>-–. \t\r\n/\\*_#@!?0123456789\u0000\u200b\ufeff😀',
} as const;

export function pick<T>(rand: () => number, items: readonly T[] | string): T {
  return items[Math.floor(rand() * items.length)] as T;
}

export function randomString(rand: () => number, alphabet: string, maxLength: number): string {
  const chars = [...alphabet];
  const length = Math.floor(rand() * (maxLength + 1));
  let out = '';
  for (let i = 0; i < length; i++) out += pick(rand, chars);
  return out;
}

/** One to three random edits: replace, insert or delete a character, or change case. */
export function mutate(rand: () => number, input: string, alphabet: string): string {
  let chars = [...input];
  const edits = 1 + Math.floor(rand() * 3);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rand() * (chars.length + 1));
    const op = Math.floor(rand() * 4);
    if (op === 0 && chars.length > 0) chars[Math.min(at, chars.length - 1)] = pick(rand, [...alphabet]);
    else if (op === 1) chars.splice(at, 0, pick(rand, [...alphabet]));
    else if (op === 2 && chars.length > 0) chars.splice(Math.min(at, chars.length - 1), 1);
    else chars = chars.map((c) => (rand() < 0.3 ? c.toLowerCase() : c));
  }
  return chars.join('');
}

/** Asserts the IdentifierResult contract; returns the result for further checks. */
export function expectWellFormed<T>(result: IdentifierResult<T>): IdentifierResult<T> {
  expect(typeof result.ok).toBe('boolean');
  if (result.ok) {
    expect(result.value).toBeDefined();
    if (result.warnings !== undefined) {
      expect(result.warnings.length).toBeGreaterThan(0);
      for (const w of result.warnings) expect(w.length).toBeGreaterThan(0);
    }
  } else {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(5);
  }
  return result;
}
