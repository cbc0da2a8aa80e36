// Blocking: the keys under which a record can be found. Two records become
// a candidate pair when they share at least one key; only candidates are
// scored. The batch engine uses all rules below; the node's index
// (`person_keys`) stores the subset in INDEX_PREFIXES, so a search finds
// what the batch finds except through the index-less rules.
//
// Rules (a pair needs to satisfy one):
//   sy  surname key + birth year            for partial dates (see below)
//   sm  surname key + birth year and month  survives given-name errors and a wrong day
//   ky  one name key + year + other initial survives an error in the other part and in day/month, swaps
//   km  one name key + day, month + other initial  the same for a wrong digit in the year
//   n   {surname key, given key} unordered  missing or partial dates, swapped names (passive for full dates)
//   kd  surname or given key + full date    survives an error in the other name part, swapped names
//   di  full date + both initials unordered survives spelling errors in both names
//   d1  full date + one initial             for a record missing a name part (see below)
//   doc document number (O/0 … folded)      survives every name and date error
//   dt  document characters, sorted         survives also transposed characters
//
// The surname + year key is what brings a partial date (1987) to the full
// one (1987-03-12), but between two full dates it only adds pairs that the
// other rules already judge better, and for a common surname in a large
// population they are many. So a record with a full date carries it as a
// *passive* key (written with a leading '~' by batchBlockingKeysOf): the
// batch engine pairs it with records holding the key actively (partial
// dates), never with another passive holder. The name key + year + initial
// key, the name-only key and the date + one initial key (for records lacking a
// name part) work the same way: two full dates that disagree entirely are
// strong evidence against a match, and pairing every namesake in a
// million records costs more than the few such matches are worth (measured:
// −0.06 % recall on FEBRL 4, −0.1 % on generated data, 3.4 million fewer
// candidate pairs at one million records). The node's index stores its keys without the mark.
import type { MatchRecord } from '../domain/match-record.ts';
import { extractFeatures, type RecordFeatures } from './model/features.ts';

export interface BlockingRule {
  prefix: string;
  description: string;
}

export const BLOCKING_RULES: readonly BlockingRule[] = [
  { prefix: 'sy', description: 'surname key + birth year (pairs with a partial date only)' },
  { prefix: 'sm', description: 'surname key + birth year and month' },
  { prefix: 'ky', description: 'surname or given-name key + birth year + initial of the other name part' },
  { prefix: 'km', description: 'surname or given-name key + day and month of birth + initial of the other name part' },
  { prefix: 'n', description: 'surname key and given-name key, in either order (pairs with a missing or partial date only)' },
  { prefix: 'kd', description: 'surname key or given-name key + full birth date' },
  { prefix: 'di', description: 'full birth date + both initials, in either order' },
  { prefix: 'd1', description: 'full birth date + one initial (pairs with a record missing a name part only)' },
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

/**
 * Batch blocking keys of a record whose features are already computed;
 * passive keys start with '~' (see above).
 */
export function batchBlockingKeysOf(f: RecordFeatures): string[] {
  return keysOf(f, false);
}

function keysOf(f: RecordFeatures, forIndex: boolean): string[] {
  const fam: string[] = [], giv: string[] = [], givKeys: string[] = [], famInitials: string[] = [], givInitials: string[] = [];
  for (const n of f.names) {
    for (const k of n.family.keys) push(fam, k, MAX_NAME_KEYS);
    // The name's group brings AISHA to AICHA and OLEKSANDR to ALEXANDER, whose keys differ. The
    // index, where every key is a row, takes the group alone when there is one.
    for (const g of n.given.groups) push(giv, `=${g}`, MAX_NAME_KEYS);
    if (!forIndex || n.given.groups.length === 0) for (const k of n.given.firstKeys) push(giv, k, MAX_NAME_KEYS);
    for (const k of n.given.firstKeys) push(givKeys, k, MAX_NAME_KEYS);
    push(famInitials, n.family.initial, 2);
    push(givInitials, n.given.initial, 2);
  }
  const keys: string[] = [];
  const b = f.birth;
  const year = b && b.year !== null ? String(b.year) : '';
  const yearMonth = year && b!.month !== null ? `${year}${pad2(b!.month)}` : '';
  const full = yearMonth && b!.day !== null ? `${yearMonth}${pad2(b!.day)}` : '';
  // 1 January / 1 July often stand for "year only", so such dates hold the year key actively.
  const placeholder = full !== '' && b!.day === 1 && (b!.month === 1 || b!.month === 7);
  if (year) for (const k of fam) keys.push(`${full && !placeholder ? '~' : ''}sy:${k}|${year}`);
  if (yearMonth) for (const k of fam) keys.push(`sm:${k}|${yearMonth}`);
  // One name part intact + year + the other part's initial: survives a misspelled part with a wrong
  // day or month, also when the parts are swapped (the key does not say which part is which).
  if (year) {
    for (const g of giv) for (const i of famInitials) keys.push(`ky:${g}|${year}|${i}`);
    for (const k of fam) for (const i of givInitials) keys.push(`ky:${k}|${year}|${i}`);
  }
  // The same with day and month instead of the year: survives a wrong digit in the year.
  if (full) {
    const md = full.slice(4);
    for (const g of giv) for (const i of famInitials) keys.push(`km:${g}|${md}|${i}`);
    for (const k of fam) for (const i of givInitials) keys.push(`km:${k}|${md}|${i}`);
  }
  // Phonetic keys on both sides (not groups), so a swapped record, whose given name sits among the surnames, shares it.
  for (const s of fam) for (const g of forIndex ? givKeys : giv) keys.push(`${full && !placeholder ? '~' : ''}` + (s < g ? `n:${s}|${g}` : `n:${g}|${s}`));
  if (full) {
    for (const k of fam) keys.push(`kd:${k}|${full}`);
    for (const k of giv) keys.push(`kd:${k}|${full}`);
    for (const i of famInitials) for (const j of givInitials) keys.push(i < j ? `di:${full}|${i}${j}` : `di:${full}|${j}${i}`);
    // One initial: what a record missing a name part can share; passive for records that have both.
    const oneMissing = famInitials.length === 0 || givInitials.length === 0;
    for (const i of [...famInitials, ...givInitials]) keys.push(`${oneMissing ? '' : '~'}d1:${full}|${i}`);
  }
  for (const d of f.documentsFolded) {
    if (d.length < 4) continue;
    keys.push(`doc:${d}`);
    if (d.length >= 6) keys.push(`dt:${[...d].sort().join('')}`);
  }
  return [...new Set(keys)];
}

// The node's index keeps the rules that a one-person query needs most and
// leaves out the costliest in rows (di, d1, km, dt): at ten million records
// every key per record is ten million index rows.
const INDEX_PREFIXES = new Set(['sy', 'sm', 'ky', 'n', 'kd', 'doc']);

/** The keys stored for a record in the node's index and looked up for a query (about 6–12 per record). */
export function blockingKeysOf(f: RecordFeatures): string[] {
  const out: string[] = [];
  for (const k of keysOf(f, true)) {
    const key = k.charCodeAt(0) === 0x7e ? k.slice(1) : k;
    if (INDEX_PREFIXES.has(key.slice(0, key.indexOf(':')))) out.push(key);
  }
  return out;
}

/** The keys stored for a record in the node's index and looked up for a query. */
export function blockingKeys(rec: MatchRecord): string[] {
  return blockingKeysOf(extractFeatures(rec));
}
