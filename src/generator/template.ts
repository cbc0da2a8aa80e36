// Tiny pattern language for identifiers that look like a given country's:
//   D digit · N digit 1–9 · L letter · C consonant · A letter or digit ·
//   G German document alphabet · {B|HH|M} one of these literal strings ·
//   [DDD|LLD] one of these patterns · anything else literal.
import type { Rng } from './prng.ts';

const SETS: Record<string, string> = {
  D: '0123456789',
  N: '123456789',
  L: 'ABCDEFGHJKLMNPRSTUVWXYZ', // I, O, Q are avoided by most issuers
  C: 'BCDFGHJKLMNPRSTVWXZ',
  A: '0123456789ABCDEFGHJKLMNPRSTUVWXYZ',
  G: 'CFGHJKLMNPRTVWXYZ0123456789',
};

/** A template compiled to its parts: a literal, a character set, or a list of alternatives. */
type Part = { literal: string } | { set: string } | { choices: Part[][] };

const compiled = new Map<string, Part[]>();

function compile(template: string): Part[] {
  const parts: Part[] = [];
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if (ch === '{' || ch === '[') {
      const end = template.indexOf(ch === '{' ? '}' : ']', i);
      const alternatives = template.slice(i + 1, end).split('|');
      parts.push({ choices: alternatives.map((a) => (ch === '{' ? [{ literal: a }] : compile(a))) });
      i = end;
    } else if (SETS[ch]) parts.push({ set: SETS[ch] });
    else parts.push({ literal: ch });
  }
  return parts;
}

function fill(rng: Rng, parts: Part[]): string {
  let out = '';
  for (const p of parts) {
    if ('set' in p) out += p.set[rng.int(p.set.length)];
    else if ('literal' in p) out += p.literal;
    else out += fill(rng, rng.pick(p.choices));
  }
  return out;
}

export function fillTemplate(rng: Rng, template: string): string {
  let parts = compiled.get(template);
  if (!parts) {
    parts = compile(template);
    compiled.set(template, parts);
  }
  return fill(rng, parts);
}
