// Throughput of `pontis generate`: persons per second and peak resident
// memory while writing a population to disk.
//   node bin/run-ts.js src/generator/generate.bench.ts [persons] [jsonl|csv] [workers] [outdir]
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePopulation, type PopulationFormat } from './write.ts';

const persons = Number(process.argv[2] ?? 1_000_000);
const format = (process.argv[3] ?? 'jsonl') as PopulationFormat;
const workers = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
const dir = process.argv[5] ?? mkdtempSync(join(tmpdir(), 'pontis-generate-bench-'));
const out = join(dir, `population.${format}`);

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
};
const timer = setInterval(sample, 100);
const started = process.hrtime.bigint();
const summary = await writePopulation({ persons, seed: 1, out, format, workers, onProgress: sample, progressEvery: 50_000 });
const cpu = process.cpuUsage();
const secs = Number(process.hrtime.bigint() - started) / 1e9;
clearInterval(timer);
sample();
const result = {
  persons,
  format,
  workers: workers ?? 'default',
  processCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(1),
  seconds: +secs.toFixed(1),
  personsPerSecond: Math.round(persons / secs),
  linesPerSecond: Math.round(summary.lines / secs),
  peakRssMB: Math.round(peakRss / 1e6),
  outputMB: Math.round(statSync(out).size / 1e6),
  truthMB: summary.truth ? Math.round(statSync(summary.truth).size / 1e6) : 0,
  entities: summary.entities,
  objects: summary.objects,
  alerts: summary.alerts,
};
console.log(JSON.stringify(result));
if (!process.argv[5]) rmSync(dir, { recursive: true, force: true });
