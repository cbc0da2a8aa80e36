// Keying errors as clerks make them: a letter inserted, dropped, replaced
// by a neighbour, or two letters swapped.
import type { Rng } from '../prng.ts';

const LATIN_NEIGHBOURS: Record<string, string> = {
  a: 'qswz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko', j: 'huikmn',
  k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji',
  v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
};

export type TypoKind = 'insert' | 'delete' | 'substitute' | 'transpose';

/** Returns the word with one keying error; words of one letter come back unchanged. */
export function typo(rng: Rng, word: string, kind: TypoKind = rng.pick(['insert', 'delete', 'substitute', 'transpose'] as const)): string {
  const chars = [...word];
  // Errors fall inside the word, rarely on the first letter (clerks see that one).
  const letterIdx = chars.map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i > 0);
  if (letterIdx.length < 1) return word;
  const i = rng.pick(letterIdx);
  const c = chars[i];
  const lower = c.toLowerCase();
  const isUpper = c !== lower;
  const neighbour = () => {
    const n = LATIN_NEIGHBOURS[lower];
    const pickFrom = n ?? chars.filter((x) => /\p{L}/u.test(x)).join('').toLowerCase();
    let r = pickFrom[rng.int(pickFrom.length)];
    if (r === lower) r = pickFrom[(pickFrom.indexOf(r) + 1) % pickFrom.length];
    return isUpper ? r.toUpperCase() : r;
  };
  switch (kind) {
    case 'insert':
      chars.splice(i, 0, rng.chance(0.5) ? c : neighbour());
      break;
    case 'delete':
      chars.splice(i, 1);
      break;
    case 'substitute': {
      const r = neighbour();
      if (r === c) chars.splice(i, 1);
      else chars[i] = r;
      break;
    }
    case 'transpose': {
      const j = i + 1 < chars.length && /\p{L}/u.test(chars[i + 1]) ? i + 1 : i - 1;
      if (chars[j] === c || j < 1) chars.splice(i, 1);
      else [chars[i], chars[j]] = [chars[j], chars[i]];
      break;
    }
  }
  const out = chars.join('');
  return out === word ? chars.slice(0, -1).join('') || word : out;
}
