// Dedupe of a large synthetic population (default one million persons) to
// measure time and memory: `node bin/run-ts.js eval/scale.ts [N]`.
import { dedupe } from '../src/matching/linkage/engine.ts';
import { countTruePairsWithin, peakRssMb, quality, type PairQuality } from './metrics.ts';
import { syntheticPopulation } from './synthetic-population.ts';

export interface ScaleResult {
  records: number;
  seconds: number;
  /** CPU seconds of this process (user + system): robust when other work shares the machine. */
  cpuSeconds: number;
  phases: Record<string, number>;
  candidatePairs: number;
  peakRssMb: number;
  quality: PairQuality;
  threshold: number;
}

export function runScale(n: number, log: (s: string) => void = () => {}): ScaleResult {
  const pop = syntheticPopulation(n);
  log(`synthesised ${n.toLocaleString('en')} records`);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = dedupe(pop.records, {
    onProgress: (p) => { if (p.done === p.total && p.total > 0) log(`  ${p.phase} done at ${((performance.now() - t0) / 1000).toFixed(1)} s`); },
  });
  const seconds = (performance.now() - t0) / 1000;
  const c1 = process.cpuUsage(c0);
  const cpuSeconds = (c1.user + c1.system) / 1e6;
  let tp = 0;
  for (const p of r.pairs) if (pop.person[p.a] === pop.person[p.b]) tp++;
  const phases: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.stats.millis)) phases[k] = v / 1000;
  return {
    records: n, seconds, cpuSeconds, phases, candidatePairs: r.stats.pairs, peakRssMb: peakRssMb(),
    quality: quality(countTruePairsWithin(pop.person), r.pairs.length, tp), threshold: r.threshold,
  };
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('eval/scale.ts')) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const res = runScale(n, (s) => console.error(s));
  console.log(JSON.stringify(res, null, 2));
}
