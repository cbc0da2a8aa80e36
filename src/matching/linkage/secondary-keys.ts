// Secondary candidate keys: broad rules that only the batch engine uses, in
// memory, on top of the stored blocking keys (blocking.ts). They bring pairs
// with two or three errors at once (a typo in a name *and* a wrong date, a
// new surname *and* a partial date), which no stored key survives. Each
// rule alone is weak, so its blocks are scored only while they are small
// (CandidateOptions.maxSecondaryBlockPairs, and the smallest first up to a
// budget of pairs, secondaryPairBudget): in a large population the
// common names drop out and the rule costs little. Never stored: the index
// rows are the main cost of an import.
//
//   +gy  given-name key or group + birth year         new surname, wrong day/month
//   +ay  any name key (either part) + birth year      the same with swapped names
//   +iy  both initials unordered + birth year + sex   initials only, typos in both names
//   +sg  surname key + given initial                  both date parts wrong
//   +gs  given-name key or group + surname initial    surname misspelled, date wrong
//   +sd  surname key + decade of birth                given name changed, year typo
//   +md  day and month unordered + sex + nationality  names and year disagree
//   +ym  year and month + sex + nationality           names disagree, day wrong
import type { RecordFeatures } from '../model/features.ts';

const MAX_KEYS_PER_PART = 2;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function add(out: string[], k: string): void {
  if (!out.includes(k)) out.push(k);
}

export function secondaryCandidateKeysOf(f: RecordFeatures): string[] {
  const out: string[] = [];
  const b = f.birth;
  const year = b && b.year !== null ? b.year : null;
  const sexNat = `${f.sex}|${f.nationalities[0] ?? ''}`;
  for (const n of f.names) {
    const fam = n.family.keys.slice(0, MAX_KEYS_PER_PART);
    const giv = [...n.given.firstKeys.slice(0, MAX_KEYS_PER_PART), ...n.given.groups.map((g) => `=${g}`)];
    for (const g of giv) {
      if (year !== null) add(out, `+gy:${g}|${year}`);
      if (n.family.initial) add(out, `+gs:${g}|${n.family.initial}`);
    }
    for (const s of fam) {
      if (n.given.initial) add(out, `+sg:${s}|${n.given.initial}`);
      if (year !== null) add(out, `+sd:${s}|${Math.floor(year / 10)}`);
      if (year !== null) add(out, `+ay:${s}|${year}`);
    }
    if (year !== null) for (const g of n.given.firstKeys.slice(0, MAX_KEYS_PER_PART)) add(out, `+ay:${g}|${year}`);
    const i1 = n.family.initial, i2 = n.given.initial;
    if (year !== null && i1 && i2) add(out, `+iy:${i1 < i2 ? i1 + i2 : i2 + i1}|${year}|${f.sex}`);
  }
  if (b && year !== null && b.month !== null) {
    add(out, `+ym:${year}${pad2(b.month)}|${sexNat}`);
    if (b.day !== null) {
      const lo = Math.min(b.month, b.day), hi = Math.max(b.month, b.day);
      add(out, `+md:${pad2(lo)}${pad2(hi)}|${sexNat}`);
    }
  }
  return out;
}
