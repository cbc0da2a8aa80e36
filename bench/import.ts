// `npm run bench -- import [--persons N] [--ten-million] [--engine embedded|postgres]`:
// generates a synthetic population with the generator's library API, then
// imports it with the real CLI (a child process, so its peak memory is its
// own) into a fresh embedded store and into a throwaway PostgreSQL cluster.
// Reports wall time, rows per second, peak RSS, disk size, a lookup on the
// loaded store, and writes the table to docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { writePopulation } from '../src/generator/write.ts';
import { openDatabase } from '../src/store/database.ts';
import { startPostgresCluster, createScratchDatabase } from '../test/support/postgres-cluster.ts';
import type { ImportSummary } from '../src/services/import/index.ts';
import { writeSection } from './report.ts';

const PONTIS = fileURLToPath(new URL('../bin/pontis.js', import.meta.url));

interface Measured {
  engine: 'embedded' | 'postgres';
  persons: number;
  lines: number;
  seconds: number;
  /** CPU time of the import process (all its threads); PostgreSQL's own server processes not included. */
  cpuSeconds: number;
  /** CPU time of the PostgreSQL server processes during the import (postgres only). */
  serverCpuSeconds?: number;
  /** Mean 1-minute load average of the machine during the import. */
  load: number;
  summary: ImportSummary;
  peakRssMiB: number;
  diskMiB: number;
  rows: { persons: number; documents: number; keys: number; objects: number; alerts: number };
  lookupMs: number;
  rerunSeconds?: number;
}

function flag(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
}

function dirSize(path: string): number {
  let total = 0;
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    total += e.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

function ticksOf(pid: string, withChildren: boolean): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime, stime (fields 14, 15) and, for the postmaster, cutime, cstime of its reaped children (16, 17).
  return Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
}

/**
 * CPU seconds used so far by the PostgreSQL server listening on `port`: the
 * postmaster, its live children and the backends it has reaped (the import's
 * connections once they closed).
 */
function serverCpuSeconds(port: string): number {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  let postmaster: string | undefined;
  for (const pid of procs) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (/(^|\/)postgres$/.test(cmd[0] ?? '') && cmd.includes('-p') && cmd[cmd.indexOf('-p') + 1] === port) postmaster = pid;
    } catch {
      /* gone */
    }
  }
  if (!postmaster) return NaN;
  let ticks = ticksOf(postmaster, true);
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === postmaster) ticks += ticksOf(pid, false);
    } catch {
      /* gone */
    }
  }
  return ticks / 100;
}

/** Runs the CLI, sampling its peak resident memory (VmHWM) from /proc until it exits. */
async function runImportCli(args: string[]): Promise<{ summary: ImportSummary; seconds: number; peakRssMiB: number; cpuSeconds: number; load: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [PONTIS, 'import', ...args, '--json', '--no-progress'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  let peakKiB = 0;
  let cpuTicks = 0;
  const loads: number[] = [];
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
      // utime + stime of the process (all threads), in clock ticks; fields 14 and 15 after the command name.
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks = Math.max(cpuTicks, Number(f[11]) + Number(f[12]));
      loads.push(loadavg()[0]!);
    } catch {
      /* exited */
    }
  };
  const timer = setInterval(sample, 250);
  const code = await new Promise<number | null>((r) => child.on('close', r));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`pontis import exited with ${code}\n${stdout}`);
  const load = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : loadavg()[0]!;
  return { summary: JSON.parse(stdout.trim().split('\n').at(-1)!) as ImportSummary, seconds, peakRssMiB: peakKiB / 1024, cpuSeconds: cpuTicks / 100, load };
}

async function inspect(open: () => ReturnType<typeof openDatabase>) {
  const database = await open();
  try {
    const [rows] = await database.query<Measured['rows']>(`select
      (select count(*) from persons)::int as persons, (select count(*) from identity_documents)::int as documents,
      (select count(*) from person_keys)::int as keys, (select count(*) from objects)::int as objects, (select count(*) from alerts)::int as alerts`);
    // "Queryable": the candidate lookup a person search starts with, on a key that exists.
    const [probe] = await database.query<{ key: string }>('select key from person_keys order by person_id limit 1');
    const t = performance.now();
    for (let i = 0; i < 20; i++) await database.query('select p.id, p.display_name from person_keys k join persons p on p.id = k.person_id where k.key = $1 limit 200', [probe!.key]);
    const lookupMs = (performance.now() - t) / 20;
    return { rows: rows!, lookupMs };
  } finally {
    await database.close();
  }
}

async function benchEmbedded(file: string, persons: number, lines: number, rerun: boolean): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pontis-bench-embedded-'));
  try {
    console.error(`embedded: importing ${persons.toLocaleString('en-GB')} persons into ${dataDir}`);
    const r = await runImportCli([file, '--data', dataDir]);
    const diskMiB = dirSize(dataDir) / 2 ** 20;
    let rerunSeconds: number | undefined;
    if (rerun) rerunSeconds = (await runImportCli([file, '--data', dataDir])).seconds;
    const q = await inspect(() => openDatabase({ dataDir: join(dataDir, 'db') }));
    return { engine: 'embedded', persons, lines, seconds: r.seconds, cpuSeconds: r.cpuSeconds, load: r.load, summary: r.summary, peakRssMiB: r.peakRssMiB, diskMiB, ...q, rerunSeconds };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function benchPostgres(file: string, persons: number, lines: number, rerun: boolean): Promise<Measured> {
  const cluster = await startPostgresCluster();
  // An interrupted benchmark must not leave its cluster running.
  const stopOnSignal = () => void cluster.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const scratch = await createScratchDatabase(cluster.url, 'pontis_bench');
    console.error(`postgres: importing ${persons.toLocaleString('en-GB')} persons`);
    const port = new URL(cluster.url).port;
    const serverBefore = serverCpuSeconds(port);
    const r = await runImportCli([file, '--database', scratch.url]);
    const serverCpu = serverCpuSeconds(port) - serverBefore;
    console.error(`postgres: server processes used ${serverCpu.toFixed(1)} CPU s during the import`);
    const c = new pg.Client({ connectionString: scratch.url });
    await c.connect();
    const size = Number((await c.query('select pg_database_size(current_database()) as s')).rows[0].s);
    await c.end();
    let rerunSeconds: number | undefined;
    if (rerun) rerunSeconds = (await runImportCli([file, '--database', scratch.url])).seconds;
    const q = await inspect(() => openDatabase({ url: scratch.url, poolSize: 2 }));
    return { engine: 'postgres', persons, lines, seconds: r.seconds, cpuSeconds: r.cpuSeconds, serverCpuSeconds: serverCpu, load: r.load, summary: r.summary, peakRssMiB: r.peakRssMiB, diskMiB: size / 2 ** 20, ...q, rerunSeconds };
  } finally {
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
    await cluster.stop();
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** What the figures say about the 1 million (< 2 min, < 2 GB) and 10 million targets, extrapolated linearly. */
function targets(results: Measured[]): string[] {
  const out = ['Against the targets (linear extrapolation from this run; the import is CPU-bound, so CPU seconds predict an idle machine better than wall time under load):'];
  for (const m of results) {
    const perPersonCpu = m.cpuSeconds / m.persons;
    const oneMillion = perPersonCpu * 1_000_000;
    const diskPerPerson = m.diskMiB / m.persons;
    out.push(
      `- ${m.engine}: ${fmt(perPersonCpu * 1e6)} µs CPU per person in the import process` +
        (m.engine === 'postgres' && m.serverCpuSeconds !== undefined && Number.isFinite(m.serverCpuSeconds)
          ? ` and ${fmt((m.serverCpuSeconds / m.persons) * 1e6)} µs in the PostgreSQL server processes`
          : m.engine === 'postgres' ? ' (PostgreSQL server processes not counted)' : '') +
        ` → about ${fmt(oneMillion / 60, 1)} CPU-minutes for 1 million persons (target: 2 minutes wall on 2 cores), ${m.persons >= 1_000_000 ? 'measured' : 'estimated'} store size ${fmt((diskPerPerson * 1_000_000) / 1024, 1)} GiB per million persons.`,
    );
  }
  const embedded = results.find((m) => m.engine === 'embedded');
  if (embedded && embedded.persons < 10_000_000) {
    const hours = (embedded.cpuSeconds / embedded.persons) * 10_000_000 / 3600;
    out.push(
      `- 10 million on the embedded store: see *Import of 10 million* below (measured through the CLI, as a user runs it). By the per-person cost above a 10 M embedded load takes about ${fmt(hours, 1)} CPU-hours and ${fmt((embedded.diskMiB / embedded.persons) * 10_000_000 / 1024, 0)} GiB: PGlite runs PostgreSQL single-threaded in WebAssembly at about twice the CPU per row of native PostgreSQL, so PostgreSQL (\`--database\`) is the documented path for national-scale stores.`,
    );
  }
  return out;
}

async function countLines(path: string): Promise<number> {
  let n = 0;
  const { createReadStream } = await import('node:fs');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

function table(results: Measured[], genSeconds: number, fileMiB: number, parallel: boolean): string {
  const head = [
    '| Engine | Persons | Lines | Import (wall) | CPU of the import process | CPU of the PostgreSQL server | Load avg | Persons/s | Rows written | Peak RSS | Store size | Key lookup | Re-run (all unchanged) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = results.map((m) => {
    const written = m.rows.persons + m.rows.documents + m.rows.keys + m.rows.objects + m.rows.alerts;
    return `| ${m.engine === 'embedded' ? 'embedded (PGlite)' : 'PostgreSQL'} | ${fmt(m.persons)} | ${fmt(m.lines)} | ${fmt(m.seconds, 1)} s | ${fmt(m.cpuSeconds, 1)} s | ${m.serverCpuSeconds !== undefined && Number.isFinite(m.serverCpuSeconds) ? `${fmt(m.serverCpuSeconds, 1)} s` : '–'} | ${fmt(m.load, 1)} | ${fmt(m.persons / m.seconds)} | ${fmt(written)} | ${fmt(m.peakRssMiB)} MiB | ${fmt(m.diskMiB)} MiB | ${fmt(m.lookupMs, 1)} ms | ${m.rerunSeconds !== undefined ? `${fmt(m.rerunSeconds, 1)} s` : '–'} |`;
  });
  const detail = results.map(
    (m) =>
      `- ${m.engine}: ${fmt(m.rows.persons)} persons, ${fmt(m.rows.documents)} identity documents, ${fmt(m.rows.keys)} blocking keys, ${fmt(m.rows.objects)} objects, ${fmt(m.rows.alerts)} alerts; rejected ${fmt(m.summary.rejected)}.`,
  );
  return [
    `Population from the generator (seed 1): ${fmt(results[0]?.lines ?? 0)} JSON lines, ${fmt(fileMiB)} MiB${Number.isFinite(genSeconds) ? `, generated in ${fmt(genSeconds, 1)} s` : ''}.`,
    `Import with \`pontis import FILE\` (batches of 5,000 lines, one transaction each, resume marker included; files of 32 MiB or more into an empty store are bulk loads: new records go in with COPY, per-row foreign-key checks are off and every reference is checked once at the end, the person_keys indexes and the other tables' secondary indexes are built once at the end; worker threads validate while the database writes — one on the embedded engine, whose database thread keeps the other core, two on PostgreSQL); wall time includes starting the CLI and opening the store.` +
      (parallel ? ' The engines ran side by side (--parallel), each with about half of the machine.' : ''),
    'CPU of the PostgreSQL server: the postmaster and every server process (the import\'s connections, index builds, background writers) over the import. ' +
      'Load avg is the machine\'s mean 1-minute load average during the import (2 cores; other work was running): wall times under a load above 2 are stretched by it, CPU seconds much less so.',
    '',
    ...head,
    ...rows,
    '',
    ...detail,
    '',
    'Key lookup: mean time of the candidate query a person search starts with (persons sharing one blocking key), on the loaded store.',
    '',
    ...targets(results),
  ].join('\n');
}

export async function run(args: string[]): Promise<void> {
  const tenMillion = args.includes('--ten-million');
  const persons = tenMillion ? 10_000_000 : Number(flag(args, '--persons') ?? 1_000_000);
  const engines = (flag(args, '--engine') ?? (tenMillion ? 'embedded' : 'embedded,postgres')).split(',');
  if (!Number.isSafeInteger(persons) || persons < 1) throw new Error(`--persons must be a positive integer`);
  const work = mkdtempSync(join(tmpdir(), 'pontis-bench-import-'));
  try {
    // --file reuses a population generated before (same --persons, seed 1) instead of generating it again.
    const given = flag(args, '--file');
    const file = given ?? join(work, 'population.jsonl');
    const t = performance.now();
    let lines: number;
    let genSeconds = NaN;
    if (given) lines = await countLines(given);
    else {
      console.error(`generating ${persons.toLocaleString('en-GB')} persons …`);
      lines = (await writePopulation({ persons, seed: 1, out: file, format: 'jsonl', truth: false })).lines;
      genSeconds = (performance.now() - t) / 1000;
    }
    const fileMiB = statSync(file).size / 2 ** 20;
    const rerun = persons <= 1_000_000 && !args.includes('--no-rerun');
    const results: Measured[] = [];
    const failures: string[] = [];
    // One engine failing (a cluster that dies, a full disk) must not lose the other's figures.
    const attempt = (engine: string, f: () => Promise<Measured>) => async () => {
      try {
        const m = await f();
        console.error(`${engine} measured: ${JSON.stringify({ ...m, summary: undefined })}`);
        results.push(m);
      } catch (e) {
        console.error(`${engine} failed: ${(e as Error).stack ?? e}`);
        failures.push(`- ${engine}: the run failed (${(e as Error).message.split('\n')[0]}).`);
      }
    };
    const jobs: (() => Promise<void>)[] = [];
    if (engines.includes('embedded')) jobs.push(attempt('embedded', () => benchEmbedded(file, persons, lines, rerun)));
    if (engines.includes('postgres')) jobs.push(attempt('postgres', () => benchPostgres(file, persons, lines, rerun)));
    // --parallel runs the engines side by side (each then has about half the machine).
    if (args.includes('--parallel')) await Promise.all(jobs.map((j) => j()));
    else for (const j of jobs) await j();
    results.sort((a, b) => a.engine.localeCompare(b.engine));
    if (!results.length) throw new Error('no engine could be measured');
    for (const m of results) console.error(`${m.engine}: ${m.seconds.toFixed(1)} s, ${Math.round(m.persons / m.seconds)} persons/s, peak RSS ${Math.round(m.peakRssMiB)} MiB, ${Math.round(m.diskMiB)} MiB on disk`);
    const md = table(results, genSeconds, fileMiB, args.includes('--parallel')) + (failures.length ? `\n\n${failures.join('\n')}` : '');
    console.log(md);
    if (!args.includes('--no-write')) writeSection('import', md);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await run(process.argv.slice(2));
