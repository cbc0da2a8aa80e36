// A synthetic population for the scale run: surnames and given names built
// from syllables with a Zipf-like frequency (a few very common names, a long
// tail), dates over 80 years, unique document numbers, and a share of
// duplicates carrying the errors registries make (typos, swapped names,
// day/month swapped, partial dates, missing fields). Built in memory so the
// run needs neither the generator nor files.
import type { MatchRecord } from '../src/domain/match-record.ts';
import { seededRandom } from '../src/matching/model/random.ts';

const ONSETS = ['b', 'br', 'c', 'ch', 'd', 'f', 'g', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'r', 's', 'sch', 'sh', 'st', 't', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ei', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 'l', 'k', 'nd', 'rt', 'sk', 'ch'];
const ENDINGS = ['', 'son', 'sen', 'ova', 'enko', 'ski', 'ic', 'ez', 'ini', 'mann', 'ides', 'berg'];

function syllable(rnd: () => number): string {
  const pick = (xs: string[]) => xs[Math.floor(rnd() * xs.length)];
  return pick(ONSETS) + pick(VOWELS) + pick(CODAS);
}

function namePool(size: number, rnd: () => number, withEnding: boolean): string[] {
  const out = new Set<string>();
  while (out.size < size) {
    const n = 1 + Math.floor(rnd() * 2) + (rnd() < 0.3 ? 1 : 0);
    let s = '';
    for (let i = 0; i < n; i++) s += syllable(rnd);
    if (withEnding) s += ENDINGS[Math.floor(rnd() * ENDINGS.length)];
    out.add(s[0].toUpperCase() + s.slice(1));
  }
  return [...out];
}

/** Index into a pool of `size` with P(k) ∝ 1/(k+10)^s: heavy head, long tail. */
function zipf(size: number, s: number, rnd: () => number): () => number {
  const cdf = new Float64Array(size);
  let acc = 0;
  for (let k = 0; k < size; k++) { acc += 1 / Math.pow(k + 10, s); cdf[k] = acc; }
  for (let k = 0; k < size; k++) cdf[k] /= acc;
  return () => {
    const r = rnd();
    let lo = 0, hi = size - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < r) lo = mid + 1; else hi = mid; }
    return lo;
  };
}

function typo(s: string, rnd: () => number): string {
  if (s.length < 3) return s;
  const i = 1 + Math.floor(rnd() * (s.length - 2));
  const kind = Math.floor(rnd() * 3);
  if (kind === 0) return s.slice(0, i) + s.slice(i + 1);
  if (kind === 1) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return s.slice(0, i) + 'aeioulnrst'[Math.floor(rnd() * 10)] + s.slice(i + 1);
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface SyntheticPopulation {
  records: MatchRecord[];
  /** Person of each record; duplicates share their original's person. */
  person: Int32Array;
}

export function syntheticPopulation(total: number, duplicateShare = 0.1, seed = 1): SyntheticPopulation {
  const rnd = seededRandom(seed);
  const surnames = namePool(120_000, rnd, true);
  const givens = namePool(4_000, rnd, false);
  const pickSurname = zipf(surnames.length, 1.05, rnd);
  const pickGiven = zipf(givens.length, 1.1, rnd);
  const originals = Math.round(total / (1 + duplicateShare));
  const records: MatchRecord[] = new Array(total);
  const person = new Int32Array(total);
  for (let i = 0; i < originals; i++) {
    const y = 1930 + Math.floor(rnd() * 80), m = 1 + Math.floor(rnd() * 12), d = 1 + Math.floor(rnd() * 28);
    records[i] = {
      id: `p${i}`,
      names: [{ given: givens[pickGiven()] + (rnd() < 0.15 ? ` ${givens[pickGiven()]}` : ''), family: surnames[pickSurname()] }],
      birthDate: `${y}-${pad(m)}-${pad(d)}`,
      sex: rnd() < 0.5 ? 'M' : 'F',
      nationalities: [],
      placeOfBirth: '',
      documentNumbers: rnd() < 0.6 ? [`${String.fromCharCode(65 + (i % 26))}${(i * 7919 + 1000003).toString(36).toUpperCase()}`] : [],
      address: rnd() < 0.5 ? `${1 + Math.floor(rnd() * 200)} ${surnames[pickSurname()]} street ${givens[pickGiven()]}ville` : '',
    };
    person[i] = i;
  }
  for (let i = originals; i < total; i++) {
    const src = Math.floor(rnd() * originals);
    const o = records[src];
    const n = o.names[0];
    const v: MatchRecord = { ...o, id: `p${src}-d${i}`, names: [{ ...n }] };
    const errors = 1 + Math.floor(rnd() * 2);
    for (let e = 0; e < errors; e++) {
      const k = Math.floor(rnd() * 8);
      if (k === 0) v.names = [{ given: v.names[0].given, family: typo(v.names[0].family, rnd) }];
      else if (k === 1) v.names = [{ given: typo(v.names[0].given, rnd), family: v.names[0].family }];
      else if (k === 2) v.names = [{ given: v.names[0].family, family: v.names[0].given }];
      else if (k === 3 && v.birthDate.length === 10 && Number(v.birthDate.slice(8, 10)) <= 12) v.birthDate = `${v.birthDate.slice(0, 4)}-${v.birthDate.slice(8, 10)}-${v.birthDate.slice(5, 7)}`;
      else if (k === 4) v.birthDate = v.birthDate.slice(0, 4);
      else if (k === 5) v.documentNumbers = [];
      else if (k === 6) v.address = '';
      else if (v.birthDate.length === 10) v.birthDate = v.birthDate.slice(0, 8) + pad(1 + Math.floor(rnd() * 28));
    }
    records[i] = v;
    person[i] = src;
  }
  return { records, person };
}
