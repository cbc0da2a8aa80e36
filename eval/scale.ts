// Dedupe of a large population (default one million person records) to
// measure time and memory:
//   node bin/run-ts.js eval/scale.ts [N] [generator|synthetic] [--threads T]
// `generator` (default): the project generator's CSV rows (src/generator,
// as `pontis generate --format csv` writes them); `synthetic`: the
// syllable-name population of synthetic-population.ts (harsher: few names,
// many namesakes). Building the population is not counted.
import type { MatchRecord } from '../src/domain/match-record.ts';
import { dedupeInParallel, linkageThreads } from '../src/matching/linkage/parallel.ts';
import { countTruePairsWithin, peakRssMb, quality, type PairQuality } from './metrics.ts';
import { generatedPopulation } from './generated.ts';
import { syntheticPopulation } from './synthetic-population.ts';

export interface ScaleResult {
  records: number;
  population: 'generator' | 'synthetic';
  /** Threads of the engine (main + workers). */
  threads: number;
  seconds: number;
  /** CPU seconds of this process (user + system): robust when other work shares the machine. */
  cpuSeconds: number;
  phases: Record<string, number>;
  cpuPhases: Record<string, number>;
  candidatePairs: number;
  peakRssMb: number;
  quality: PairQuality;
  threshold: number;
}

export async function runScale(n: number, population: 'generator' | 'synthetic' = 'generator', log: (s: string) => void = () => {}, threads?: number): Promise<ScaleResult> {
  let pop: { records: MatchRecord[]; person: ArrayLike<string | number> };
  if (population === 'generator') {
    const g = generatedPopulation(n, 1, 'csv');
    pop = { records: g.records, person: g.entity };
  } else {
    pop = syntheticPopulation(n);
  }
  log(`synthesised ${n.toLocaleString('en')} records`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await dedupeInParallel(pop.records, {
    threads,
    onProgress: (p) => { if (p.done === p.total && p.total > 0) log(`  ${p.phase} done at ${((performance.now() - t0) / 1000).toFixed(1)} s`); },
  });
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  let tp = 0;
  for (const p of r.pairs) if (pop.person[p.a] === pop.person[p.b]) tp++;
  const phases: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.stats.millis)) phases[k] = v / 1000;
  const cpuPhases: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.stats.cpuMillis)) cpuPhases[k] = v / 1000;
  return {
    records: n, population, threads: linkageThreads(n, { threads }), seconds, cpuSeconds, phases, cpuPhases, candidatePairs: r.stats.pairs, peakRssMb: peakRssMb(),
    quality: quality(countTruePairsWithin(pop.person), r.pairs.length, tp), threshold: r.threshold,
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('eval/scale.ts')) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const t = process.argv.indexOf('--threads');
  const res = await runScale(n, process.argv[3] === 'synthetic' ? 'synthetic' : 'generator', (s) => console.error(s), t > 0 ? Number(process.argv[t + 1]) : undefined);
  console.log(JSON.stringify(res, null, 2));
}
