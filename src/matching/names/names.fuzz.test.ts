// Names come from registers, scanners and keyboards: anything can arrive.
import { describe, expect, it } from 'vitest';
import { foldLatin } from './fold.ts';
import { nameKey, givenNameGroup } from './keys.ts';
import { nameForms, MAX_NAME_FORMS } from './parse.ts';
import { detectScript } from './script.ts';
import { latinForms, MAX_LATIN_FORMS } from './transliterate.ts';

let seed = 424242;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

const PIECES = [
  'a', 'Z', 'é', 'ß', 'Ø', 'ı', 'İ', "'", '’', '-', ' ', '.', ',', '<', '0', '9', 'Ш', 'щ', 'Й', 'ї', 'Ђ', 'Ъ', 'ь',
  'Γ', 'ΐ', 'ς', 'Ϋ', 'Μπ', 'ال', 'عبد', 'محمد', 'ة', 'ى', '\u0651', '\u064e', '\u0640', '\u200f', '\u200e', '\u202e',
  '\u200d', '\u0301', '\u0308', '\u0306', '😀', '👨‍👩‍👧', '\ud800', '\udfff', '\u0000', '\t', '\n', '李', 'ﬁ', 'Ａ', '١',
  '\ufeff', '\ufdfa', 'ǅ', 'ŉ', 'ﷲ', 'Ⅻ', '½', '\u00ad',
];
const SEEDS = ['Шевченко Олександр', 'Γεώργιος Παπαδόπουλος', 'عبد الرحمن الرشيد', "Jean-Pierre O'Brien van der Berg", 'Müller'];

function randomName(): string {
  if (rnd() < 0.3) {
    const chars = [...pick(SEEDS)];
    for (let k = 0; k < 3; k++) chars[Math.floor(rnd() * chars.length)] = pick(PIECES);
    return chars.join('');
  }
  let s = '';
  const n = Math.floor(rnd() * 12);
  for (let k = 0; k < n; k++) s += pick(PIECES);
  return s;
}

describe('name primitives on random input (fixed seed)', () => {
  it('never throw and return well-formed, bounded results', () => {
    for (let n = 0; n < 1500; n++) {
      const s = randomName();
      const folded = foldLatin(s);
      expect(folded).toBe(folded.trim());
      expect(folded).not.toMatch(/ {2}/);
      expect(folded).not.toMatch(/[a-z'\u0300-\u036f\p{Cf}]/u);
      expect(foldLatin(folded)).toBe(folded);
      expect(['latin', 'cyrillic', 'greek', 'arabic', 'other', 'mixed']).toContain(detectScript(s));
      const forms = latinForms(s);
      expect(forms.length).toBeLessThanOrEqual(MAX_LATIN_FORMS);
      expect(new Set(forms).size).toBe(forms.length);
      for (const f of forms) {
        expect(f.length).toBeGreaterThan(0);
        expect(foldLatin(f)).toBe(f);
        // Cyrillic, Greek and Arabic letters are all transliterated.
        expect(f).not.toMatch(/[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff]/);
        for (const t of f.split(' ')) expect(nameKey(t).length).toBeLessThanOrEqual(8);
        givenNameGroup(f);
      }
      const nf = nameForms(s, randomName());
      expect(nf.length).toBeLessThanOrEqual(MAX_NAME_FORMS);
      for (const form of nf) {
        expect(Array.isArray(form.given) && Array.isArray(form.family)).toBe(true);
        for (const t of [...form.given, ...form.family]) {
          expect(t.length).toBeGreaterThan(0);
          expect(t).not.toContain(' ');
        }
      }
    }
  });

  it('stay bounded on very long input', () => {
    const long = 'Шевченко-Олександр '.repeat(20_000);
    expect(latinForms(long).length).toBeLessThanOrEqual(MAX_LATIN_FORMS);
    const forms = nameForms(long, 'محمد '.repeat(10_000));
    expect(forms.length).toBeLessThanOrEqual(MAX_NAME_FORMS);
    for (const f of forms) {
      expect(f.given.length).toBeLessThanOrEqual(16);
      expect(f.family.length).toBeLessThanOrEqual(16);
      for (const t of [...f.given, ...f.family]) expect(t.length).toBeLessThanOrEqual(64);
    }
    expect(nameKey('A'.repeat(100_000)).length).toBeLessThanOrEqual(8);
  });
});
