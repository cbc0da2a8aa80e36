// Greek names in Latin letters, as different offices write them: ELOT 743
// (Greek and Cypriot passports), an English-speaking clerk writing what he
// hears (Yiorgos), the classical/learned habit (Photios, Christos) and a
// German registry (Jannis). Our own small tables.
import { mapWords } from './word-case.ts';

export const GREEK_SCHEMES = ['elot', 'phonetic', 'classical', 'german'] as const;
export type GreekScheme = (typeof GREEK_SCHEMES)[number];

const LETTERS: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x',
  ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ϊ: 'i', ϋ: 'y',
};

const VOICELESS = new Set([...'θκξπστφχψς']);

// Digraphs first; the value may depend on the following letter (αυ → av/af).
interface Rule { from: string; to: (next: string | undefined) => string }

const rule = (from: string, to: string | ((next: string | undefined) => string)): Rule => ({
  from,
  to: typeof to === 'string' ? () => to : to,
});
const vf = (v: string, f: string) => (next: string | undefined) => (next === undefined || VOICELESS.has(next) ? f : v);

const SCHEMES: Record<GreekScheme, { rules: Rule[]; letters: Record<string, string>; initial?: Rule[] }> = {
  elot: {
    rules: [rule('ου', 'ou'), rule('αυ', vf('av', 'af')), rule('ευ', vf('ev', 'ef')), rule('ηυ', vf('iv', 'if')), rule('γγ', 'ng'), rule('γξ', 'nx'), rule('γχ', 'nch')],
    letters: LETTERS,
    initial: [rule('μπ', 'b'), rule('ντ', 'd'), rule('γκ', 'gk')],
  },
  phonetic: {
    rules: [rule('ου', 'ou'), rule('αυ', vf('av', 'af')), rule('ευ', vf('ev', 'ef')), rule('ει', 'i'), rule('οι', 'i'), rule('αι', 'e'), rule('γγ', 'ng'), rule('γκ', 'g'), rule('μπ', 'mb'), rule('ντ', 'nd'), rule('γι', 'y'), rule('γε', 'ye')],
    letters: { ...LETTERS, υ: 'i', χ: 'h', η: 'i' },
    initial: [rule('μπ', 'b'), rule('ντ', 'd'), rule('γι', 'y'), rule('γε', 'ye')],
  },
  classical: {
    rules: [rule('ου', 'ou'), rule('αυ', 'au'), rule('ευ', 'eu'), rule('αι', 'ae'), rule('γγ', 'ng'), rule('γκ', 'nc')],
    letters: { ...LETTERS, β: 'b', η: 'e', φ: 'ph', κ: 'k' },
    initial: [rule('μπ', 'b'), rule('ντ', 'd')],
  },
  german: {
    rules: [rule('ου', 'u'), rule('αυ', vf('aw', 'af')), rule('ευ', vf('ew', 'ef')), rule('ει', 'i'), rule('οι', 'i'), rule('αι', 'ä'), rule('γγ', 'ng'), rule('μπ', 'mb'), rule('ντ', 'nd'), rule('γι', 'j')],
    letters: { ...LETTERS, β: 'w', ζ: 's', υ: 'i', η: 'i' },
    initial: [rule('μπ', 'b'), rule('ντ', 'd'), rule('γι', 'j'), rule('γκ', 'g')],
  },
};

/** Removes the tonos; the dialytika stays because it breaks a digraph (Παπαϊωάννου). */
function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\u0301/g, '').normalize('NFC');
}

export function transliterateGreek(text: string, schemeName: GreekScheme): string {
  const s = SCHEMES[schemeName];
  return mapWords(stripAccents(text), (word) => {
    const chars = [...word];
    let out = '';
    let i = 0;
    while (i < chars.length) {
      const pair = chars[i] + (chars[i + 1] ?? '');
      const candidates = i === 0 && s.initial ? [...s.initial, ...s.rules] : s.rules;
      const hit = candidates.find((r) => r.from === pair);
      if (hit) {
        out += hit.to(chars[i + 2]);
        i += 2;
      } else {
        out += s.letters[chars[i]] ?? chars[i];
        i += 1;
      }
    }
    return out;
  });
}
