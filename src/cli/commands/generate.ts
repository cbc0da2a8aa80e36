// `pontis generate`: a deterministic synthetic population (demo data, test
// fixture, benchmark load) as JSON Lines or dedupe CSV, with ground truth.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { UsageError, intOption } from '../errors.ts';
import { DEFAULT_TODAY, parseToday } from '../../generator/population.ts';
import { writePopulation, type PopulationFormat } from '../../generator/write.ts';

interface GenerateOptions {
  persons: number;
  seed: number;
  out: string;
  format: string;
  truth?: string | false;
  today: string;
  workers?: number;
  quiet?: boolean;
}

function checkWritable(option: string, file: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${option}: directory ${dir} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${option}: ${file} is a directory`);
}

function progressBar(total: number) {
  const start = Date.now();
  return ({ persons }: { persons: number }) => {
    const secs = (Date.now() - start) / 1000;
    const rate = secs > 0 ? Math.round(persons / secs) : 0;
    const pct = total > 0 ? Math.floor((persons / total) * 100) : 100;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${persons.toLocaleString('en')} / ${total.toLocaleString('en')} persons, ${rate.toLocaleString('en')}/s `);
  };
}

export function register(program: Command): void {
  program
    .command('generate')
    .description('write a realistic, deterministic synthetic population (persons, objects, alerts) with ground truth')
    .requiredOption('--persons <n>', 'number of person records to write', intOption('--persons', 1, 100_000_000))
    .option('--seed <s>', 'random seed; the same seed, size and --today give byte-identical output', intOption('--seed', 0, 4_294_967_295), 1)
    .requiredOption('--out <file>', 'file to write')
    .option('--format <format>', 'jsonl (import lines: authorities, sources, persons, objects, alerts) or csv (persons only, dedupe columns)', 'jsonl')
    .option('--truth <file>', 'ground-truth CSV (source,ref,entity,variations); default <out>.truth.csv')
    .option('--no-truth', 'do not write the ground truth')
    .option('--today <date>', 'reference date (YYYY-MM-DD) for ages, validity and expiry', DEFAULT_TODAY)
    .option('--workers <n>', 'worker threads (0: none); default one per core from 100,000 persons up — the output is the same either way', intOption('--workers', 0, 16))
    .option('--quiet', 'no progress bar')
    .action(async (opts: GenerateOptions) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv') throw new UsageError(`--format must be jsonl or csv, got "${opts.format}"`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new UsageError(`--today must be a date YYYY-MM-DD, got "${opts.today}"`);
      try {
        parseToday(opts.today);
      } catch {
        throw new UsageError(`--today is not a valid calendar date: "${opts.today}"`);
      }
      checkWritable('--out', opts.out);
      const truth = opts.truth === false ? false : (opts.truth ?? `${opts.out}.truth.csv`);
      if (truth) {
        checkWritable('--truth', truth);
        if (resolve(truth) === resolve(opts.out)) throw new UsageError('--truth must be a different file from --out');
      }
      const tty = process.stderr.isTTY && !opts.quiet;
      const started = Date.now();
      const summary = await writePopulation({
        persons: opts.persons,
        seed: opts.seed,
        today: opts.today,
        out: opts.out,
        format: opts.format as PopulationFormat,
        truth,
        onProgress: tty ? progressBar(opts.persons) : undefined,
        progressEvery: 20_000,
        workers: opts.workers,
      });
      if (tty) process.stderr.write('\n');
      const secs = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        `wrote ${summary.persons} person records of ${summary.entities} persons` +
          (opts.format === 'jsonl' ? `, ${summary.objects} objects and ${summary.alerts} alerts` : '') +
          ` to ${summary.out}` +
          (summary.truth ? `; ground truth in ${summary.truth}` : '') +
          ` (${secs} s)\n`,
      );
    });
}
