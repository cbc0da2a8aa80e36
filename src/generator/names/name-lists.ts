// Loads the per-language name lists in ./data/names/*.txt. Each list is
// ordered most common first and sampled with a Zipf-like skew, so "Müller"
// and "Shevchenko" are common and the tail still appears.
import { readFileSync } from 'node:fs';
import { zipfList, type ZipfList } from '../prng.ts';

export interface NameEntry {
  /** As the person's own registry writes it (native script). */
  text: string;
  /** Latin spellings in use, most usual first (only for Arabic-script lists, where no table can restore the vowels). */
  spellings?: string[];
}

export interface NameGroup {
  id: string;
  male: ZipfList<NameEntry>;
  female: ZipfList<NameEntry>;
  family: ZipfList<NameEntry>;
  /** Flat list of family names, to pick a second (maiden) one. */
  familyCount: number;
}

const cache = new Map<string, NameGroup>();

export interface NameListParse {
  sections: Record<'m' | 'f' | 'family', NameEntry[]>;
  /** Problems found, each with its line number; an empty list means the file is well-formed. */
  errors: string[];
}

/**
 * Parses a name list: `[m]`, `[f]` and `[family]` sections of comma-separated
 * names, `#` comments; an entry `native=Latin1/Latin2` lists Latin spellings.
 */
export function parseNameList(text: string): NameListParse {
  const sections: Record<'m' | 'f' | 'family', NameEntry[]> = { m: [], f: [], family: [] };
  const seen: Record<string, Set<string>> = { m: new Set(), f: new Set(), family: new Set() };
  const errors: string[] = [];
  let current: 'm' | 'f' | 'family' | undefined;
  const lines = String(text).split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[(m|f|family)\]$/.exec(line);
    if (header) {
      current = header[1] as 'm' | 'f' | 'family';
      return;
    }
    if (line.startsWith('[')) {
      errors.push(`line ${i + 1}: unknown section ${line.slice(0, 30)}; expected [m], [f] or [family]`);
      current = undefined;
      return;
    }
    if (!current) {
      errors.push(`line ${i + 1}: names before any [m]/[f]/[family] header`);
      return;
    }
    for (const item of line.split(',')) {
      const t = item.trim();
      if (t === '') continue;
      const eq = t.indexOf('=');
      const text = (eq >= 0 ? t.slice(0, eq) : t).trim();
      const spellings = eq >= 0 ? t.slice(eq + 1).split('/').map((x) => x.trim()).filter((x) => x !== '') : undefined;
      if (text === '' || (spellings && spellings.length === 0)) {
        errors.push(`line ${i + 1}: malformed entry "${t.slice(0, 40)}"`);
        continue;
      }
      if (seen[current].has(text)) continue;
      seen[current].add(text);
      sections[current].push(spellings ? { text, spellings } : { text });
    }
  });
  return { sections, errors };
}

export function nameGroup(id: string): NameGroup {
  let g = cache.get(id);
  if (!g) {
    const text = readFileSync(new URL(`../data/names/${id}.txt`, import.meta.url), 'utf8');
    const { sections: s, errors } = parseNameList(text);
    // Our own data files: a problem here is a bug in the repository, not bad input.
    if (errors.length > 0) throw new Error(`name list ${id}: ${errors.join('; ')}`);
    if (s.m.length === 0 || s.f.length === 0 || s.family.length === 0) throw new Error(`name list ${id} lacks a section`);
    g = {
      id,
      male: zipfList(s.m, 1.0, 2.7),
      female: zipfList(s.f, 1.0, 2.7),
      family: zipfList(s.family, 0.9, 6),
      familyCount: s.family.length,
    };
    cache.set(id, g);
  }
  return g;
}
