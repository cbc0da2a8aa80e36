// What `pontis dedupe` and `pontis link` share: read and check the CSV
// files, run the engine with a progress bar, write the pairs, summarise.
// Returns the exit code: 0 done, 2 bad input (with a precise message).
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { MatchRecord } from '../../domain/match-record.ts';
import { csvLine, formatProblems, readPeopleCsv } from '../csv.ts';
import { explainFeatures } from '../explain.ts';
import { extractFeatures } from '../model/features.ts';
import { compileModel } from '../model/score.ts';
import { modelToJson, parseModel } from '../model/serialise.ts';
import type { MatchModel } from '../model/types.ts';
import type { LinkageResult } from './engine.ts';
import { dedupeInParallel, linkInParallel } from './parallel.ts';
import { progressBar } from './progress-bar.ts';

export interface LinkageCliOptions {
  out: string;
  threshold?: string;
  explain?: boolean;
  model?: string;
  saveModel?: string;
}

export interface CliStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

const defaultStreams = (): CliStreams => ({ stdout: process.stdout, stderr: process.stderr });

function parseThreshold(s: string | undefined): number | undefined | string {
  if (s === undefined) return undefined;
  const p = Number(s);
  if (!/^\s*(0(\.\d+)?|1(\.0*)?|\.\d+)\s*$/.test(s) || !(p > 0 && p <= 1)) return `--threshold must be a probability in (0, 1], got "${s}"`;
  return p;
}

async function loadModel(path: string): Promise<MatchModel | string> {
  let text: string;
  try { text = await readFile(path, 'utf8'); } catch (e) { return `cannot read model ${path}: ${(e as Error).message}`; }
  const r = parseModel(text);
  return r.ok ? r.model : `${path}: ${r.error}`;
}

async function writePairs(
  path: string, header: string[], result: LinkageResult, left: MatchRecord[], right: MatchRecord[], explain: boolean,
): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const done = new Promise<void>((resolve, reject) => { out.on('finish', resolve); out.on('error', reject); });
  out.write(csvLine(explain ? [...header, 'match_weight', 'explanation'] : header));
  const cm = explain ? compileModel(result.model) : null;
  let chunk = '';
  for (const p of result.pairs) {
    const a = left[p.a], b = right[p.b];
    const row: (string | number)[] = [a.id, b.id, p.probability.toFixed(6)];
    if (cm) {
      const e = explainFeatures(cm, a, b, extractFeatures(a), extractFeatures(b));
      row.push(e.weight.toFixed(2), e.summary);
    }
    chunk += csvLine(row);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
      chunk = '';
    }
  }
  out.end(chunk);
  await done;
}

async function prepare(opts: LinkageCliOptions, err: NodeJS.WritableStream): Promise<{ threshold?: number; model?: MatchModel } | null> {
  const threshold = parseThreshold(opts.threshold);
  if (typeof threshold === 'string') { err.write(`error: ${threshold}\n`); return null; }
  let model: MatchModel | undefined;
  if (opts.model) {
    const m = await loadModel(opts.model);
    if (typeof m === 'string') { err.write(`error: ${m}\n`); return null; }
    model = m;
  }
  return { threshold, model };
}

function summary(result: LinkageResult, what: string, out: string, seconds: number): string {
  const s = result.stats;
  const skipped = s.skippedBlocks > 0 ? ` (${s.skippedBlocks} oversized blocks skipped)` : '';
  return `${s.records.toLocaleString('en')} records, ${s.pairs.toLocaleString('en')} candidate pairs${skipped}; `
    + `${result.pairs.length.toLocaleString('en')} ${what} with probability ≥ ${result.threshold.toFixed(3)} written to ${out} in ${seconds.toFixed(1)} s\n`;
}

export async function runDedupeCli(input: string, opts: LinkageCliOptions, io: CliStreams = defaultStreams()): Promise<number> {
  const prep = await prepare(opts, io.stderr);
  if (!prep) return 2;
  const t0 = performance.now();
  const people = await readPeopleCsv(input);
  if (people.errors.length > 0) { io.stderr.write(`${formatProblems(input, people.errors)}\n`); return 2; }
  const bar = progressBar(io.stderr);
  const result = await dedupeInParallel(people.records, { model: prep.model, threshold: prep.threshold, onProgress: bar.update });
  bar.done();
  await writePairs(opts.out, ['id_a', 'id_b', 'probability'], result, people.records, people.records, !!opts.explain);
  if (opts.saveModel) await writeFile(opts.saveModel, modelToJson(result.model));
  io.stderr.write(summary(result, 'pairs', opts.out, (performance.now() - t0) / 1000));
  return 0;
}

export async function runLinkCli(leftPath: string, rightPath: string, opts: LinkageCliOptions, io: CliStreams = defaultStreams()): Promise<number> {
  const prep = await prepare(opts, io.stderr);
  if (!prep) return 2;
  const t0 = performance.now();
  const [left, right] = await Promise.all([readPeopleCsv(leftPath), readPeopleCsv(rightPath)]);
  const problems = [
    ...(left.errors.length ? [formatProblems(leftPath, left.errors)] : []),
    ...(right.errors.length ? [formatProblems(rightPath, right.errors)] : []),
  ];
  if (problems.length > 0) { io.stderr.write(`${problems.join('\n')}\n`); return 2; }
  const bar = progressBar(io.stderr);
  const result = await linkInParallel(left.records, right.records, { model: prep.model, threshold: prep.threshold, onProgress: bar.update });
  bar.done();
  await writePairs(opts.out, ['left_id', 'right_id', 'probability'], result, left.records, right.records, !!opts.explain);
  if (opts.saveModel) await writeFile(opts.saveModel, modelToJson(result.model));
  io.stderr.write(summary(result, 'links', opts.out, (performance.now() - t0) / 1000));
  return 0;
}
