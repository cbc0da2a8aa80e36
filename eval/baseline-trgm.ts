// The second baseline a developer would reach for without Pontis: PostgreSQL's
// pg_trgm. Two records are the same person when the trigram similarity of
// their full names reaches a threshold and their birth dates are equal (or
// one is unknown). It runs in PostgreSQL itself (PGlite, with the pg_trgm
// extension and a GIN index), as such a developer would run it.
//
// The baseline is given its best chance: it is scored at several thresholds
// and the best F1 is reported, which uses the labels our model never sees.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { MatchRecord } from '../src/domain/match-record.ts';
import { quality, type PairQuality } from './metrics.ts';

export const TRGM_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;

export interface TrgmBaseline {
  best: PairQuality;
  threshold: number;
  seconds: number;
}

interface ScoredPair {
  a: number;
  b: number;
  similarity: number;
}

const fullName = (r: MatchRecord) => {
  const n = r.names[0];
  return n ? `${n.given} ${n.family}`.trim() : '';
};

async function load(pg: PGlite, table: string, records: MatchRecord[]): Promise<void> {
  await pg.exec(`create table ${table} (i int primary key, name text not null, birth text not null)`);
  const chunk = 5000;
  for (let k = 0; k < records.length; k += chunk) {
    const part = records.slice(k, k + chunk);
    await pg.query(`insert into ${table} select * from unnest($1::int[], $2::text[], $3::text[])`, [
      part.map((_, x) => k + x),
      part.map(fullName),
      part.map((r) => r.birthDate.trim()),
    ]);
  }
  await pg.exec(`create index on ${table} using gin (name gin_trgm_ops)`);
}

// Two evaluation rows may hand over the same names and dates (the generated
// population as CSV rows and as full records): compute those once.
const computed = new Map<string, Promise<{ pairs: ScoredPair[]; seconds: number }>>();

function scoredPairs(left: MatchRecord[], right: MatchRecord[] | null): Promise<{ pairs: ScoredPair[]; seconds: number }> {
  const key = JSON.stringify([left.map((r) => [fullName(r), r.birthDate]), right?.map((r) => [fullName(r), r.birthDate])]);
  let out = computed.get(key);
  if (!out) computed.set(key, (out = computeScoredPairs(left, right)));
  return out;
}

async function computeScoredPairs(left: MatchRecord[], right: MatchRecord[] | null): Promise<{ pairs: ScoredPair[]; seconds: number }> {
  const started = performance.now();
  const pg = await PGlite.create({ extensions: { pg_trgm } });
  try {
    await pg.exec('create extension pg_trgm');
    await load(pg, 'l', left);
    if (right) await load(pg, 'r', right);
    await pg.exec(`set pg_trgm.similarity_threshold = ${TRGM_THRESHOLDS[0]}`);
    const other = right ? 'r' : 'l';
    const res = await pg.query<{ a: number; b: number; s: number }>(
      `select a.i as a, b.i as b, similarity(a.name, b.name) as s
         from l a join ${other} b on a.name % b.name ${right ? '' : 'and a.i < b.i'}
        where a.name <> '' and (a.birth = b.birth or a.birth = '' or b.birth = '')`,
    );
    return { pairs: res.rows.map((r) => ({ a: r.a, b: r.b, similarity: r.s })), seconds: (performance.now() - started) / 1000 };
  } finally {
    await pg.close();
  }
}

function best(pairs: ScoredPair[], truePairs: number, same: (a: number, b: number) => boolean, seconds: number): TrgmBaseline {
  let out: TrgmBaseline | undefined;
  for (const t of TRGM_THRESHOLDS) {
    const found = pairs.filter((p) => p.similarity >= t);
    const q = quality(truePairs, found.length, found.filter((p) => same(p.a, p.b)).length);
    if (!out || q.f1 > out.best.f1) out = { best: q, threshold: t, seconds };
  }
  return out!;
}

export async function trgmDedupe(records: MatchRecord[], entity: ArrayLike<string | number>, truePairs: number): Promise<TrgmBaseline> {
  const { pairs, seconds } = await scoredPairs(records, null);
  return best(pairs, truePairs, (a, b) => entity[a] === entity[b], seconds);
}

export async function trgmLink(left: MatchRecord[], right: MatchRecord[], le: ArrayLike<string | number>, re: ArrayLike<string | number>, truePairs: number): Promise<TrgmBaseline> {
  const { pairs, seconds } = await scoredPairs(left, right);
  return best(pairs, truePairs, (a, b) => le[a] === re[b], seconds);
}
