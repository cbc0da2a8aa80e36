// Blocking: the few keys under which a record can be found. Two records
// become a candidate pair when they share at least one key; only candidates
// are scored. The same keys serve the batch engine (pairs within each key)
// and the node's index (`person_keys`), so the recall measured in `npm run
// eval` is also the recall of a search.
//
// Rules (a pair needs to satisfy one):
//   sy  surname key + birth year            survives given-name errors, partial dates
//   n   {surname key, given key} unordered  survives any date error, swapped names
//   kd  surname or given key + full date    survives an error in the other name part, swapped names
//   ds  full birth date + surname initial   survives given-name and phonetic surname errors
//   dg  full birth date + given initial     survives surname errors not caught by gd
//   doc document number (O/0 … folded)      survives every name and date error
//   dt  document characters, sorted         survives also transposed characters
import type { MatchRecord } from '../domain/match-record.ts';
import { extractFeatures, type RecordFeatures } from './model/features.ts';

export interface BlockingRule {
  prefix: string;
  description: string;
}

export const BLOCKING_RULES: readonly BlockingRule[] = [
  { prefix: 'sy', description: 'surname key + birth year' },
  { prefix: 'n', description: 'surname key and given-name key, in either order' },
  { prefix: 'kd', description: 'surname key or given-name key + full birth date' },
  { prefix: 'ds', description: 'full birth date + surname initial' },
  { prefix: 'dg', description: 'full birth date + given-name initial' },
  { prefix: 'doc', description: 'document number with O/0, I/1, S/5, B/8 … folded' },
  { prefix: 'dt', description: 'characters of the document number, sorted (transpositions)' },
];

// Records with many aliases and transliterations would otherwise carry dozens
// of keys; the first forms are the ones documents use.
const MAX_NAME_KEYS = 3;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function push(set: string[], v: string, limit: number): void {
  if (v && set.length < limit && !set.includes(v)) set.push(v);
}

/** The blocking keys of a record whose features are already computed. */
export function blockingKeysOf(f: RecordFeatures): string[] {
  const fam: string[] = [], giv: string[] = [], famInitials: string[] = [], givInitials: string[] = [];
  for (const n of f.names) {
    for (const k of n.family.keys) push(fam, k, MAX_NAME_KEYS);
    for (const k of n.given.firstKeys) push(giv, k, MAX_NAME_KEYS);
    for (const form of n.family.forms) push(famInitials, form[0], 2);
    for (const form of n.given.forms) push(givInitials, form[0], 2);
  }
  const keys: string[] = [];
  const b = f.birth;
  const year = b && b.year !== null ? String(b.year) : '';
  const full = b && b.year !== null && b.month !== null && b.day !== null ? `${b.year}${pad2(b.month)}${pad2(b.day)}` : '';
  if (year) for (const k of fam) keys.push(`sy:${k}|${year}`);
  for (const s of fam) for (const g of giv) keys.push(s < g ? `n:${s}|${g}` : `n:${g}|${s}`);
  if (full) {
    for (const k of fam) keys.push(`kd:${k}|${full}`);
    for (const k of giv) keys.push(`kd:${k}|${full}`);
    for (const i of famInitials) keys.push(`ds:${full}|${i}`);
    for (const i of givInitials) keys.push(`dg:${full}|${i}`);
  }
  for (const d of f.documentsFolded) {
    if (d.length < 4) continue;
    keys.push(`doc:${d}`);
    if (d.length >= 6) keys.push(`dt:${[...d].sort().join('')}`);
  }
  return [...new Set(keys)];
}

/** The keys stored for a record in the node's index and looked up for a query. */
export function blockingKeys(rec: MatchRecord): string[] {
  return blockingKeysOf(extractFeatures(rec));
}
