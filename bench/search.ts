// `npm run bench -- search [--persons N] [--engines embedded,postgres] [--seconds S] [--concurrency C] [--queries Q]`
// `npm run bench -- search --stores postgres://…,DIR --generated N[:SEED] [--cold] [--no-naive] …`
//
// Loads a synthetic population (src/generator) through the importer — or,
// with --stores, uses stores already loaded by `pontis import` of
// `pontis generate --persons N --seed SEED` (10 M takes longer to load than
// a benchmark run should; the probes are recomputed from the generator,
// whose entities are a pure function of seed and index) — then
// measures the single search: person and identifier latency at the service
// level, mixed throughput through the HTTP API, and — side by side on the
// same data — the naive way (pg_trgm similarity on the name) for speed and
// for how many of a person's other records each finds. Writes the `search`
// section of docs/benchmarks.md.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { entityBundles, generatePopulation, parseToday } from '../src/generator/population.ts';
import { RefMaker } from '../src/generator/refs.ts';
import { Rng } from '../src/generator/prng.ts';
import type { ImportLine } from '../src/domain/import-record.ts';
import type { PersonRecord } from '../src/domain/person.ts';
import type { ObjectRecord } from '../src/domain/object.ts';
import { personToMatchRecord } from '../src/domain/match-record.ts';
import { recordId } from '../src/store/ids.ts';
import { openNode } from '../src/services/node.ts';
import { silentLogger } from '../src/services/logger.ts';
import { systemClock } from '../src/services/clock.ts';
import type { NodeContext } from '../src/services/context.ts';
import { importLines } from '../src/services/import/index.ts';
import { issueApiToken, userActor } from '../src/services/access/index.ts';
import { MAX_CANDIDATES, search, searchPersons, searchModel, type SearchRequestInput } from '../src/services/search/index.ts';
import { startServer } from '../src/api/server.ts';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';
import { percentile, writeSection } from './report.ts';
import type { Actor } from '../src/access/actor.ts';

interface Options {
  persons: number;
  engines: ('embedded' | 'postgres')[];
  seconds: number;
  concurrency: number;
  queries: number;
  write: boolean;
  /** Also run the pg_trgm comparison (its GIN index on 10 M names takes minutes to build on the embedded store). */
  naive: boolean;
  /** JSON lines of figures from an earlier run (another engine) to report alongside. */
  previous?: string;
  /** Stores loaded beforehand (PostgreSQL URLs or embedded data directories); replaces engines and persons. */
  stores: string[];
  /** What the stores were loaded from: `pontis generate --persons N --seed S` (default today). */
  generated: { persons: number; seed: number };
  /** Read a store loaded beforehand into the OS page cache before measuring (--cold: leave the cache as it is). */
  warm: boolean;
}

function parseArgs(args: string[]): Options {
  const get = (name: string) => {
    const hit = args.find((a) => a.startsWith(`--${name}=`));
    if (hit) return hit.slice(name.length + 3);
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const num = (name: string, d: number) => {
    const v = get(name);
    if (v === undefined) return d;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got ${v}`);
    return n;
  };
  const engines = (get('engines') ?? 'embedded,postgres').split(',').map((e) => e.trim());
  for (const e of engines) if (e !== 'embedded' && e !== 'postgres') throw new Error(`--engines: unknown engine ${e}`);
  return {
    persons: Math.round(num('persons', 200_000)),
    engines: engines as Options['engines'],
    seconds: num('seconds', 20),
    concurrency: Math.round(num('concurrency', 16)),
    queries: Math.round(num('queries', 400)),
    write: !args.includes('--no-write'),
    naive: !args.includes('--no-naive'),
    previous: get('previous'),
    stores: (get('stores') ?? '').split(',').filter(Boolean),
    generated: parseGenerated(get('generated')),
    warm: !args.includes('--cold'),
  };
}

function parseGenerated(v: string | undefined): Options['generated'] {
  if (v === undefined) return { persons: 0, seed: 1 };
  const m = /^(\d+)(?::(\d+))?$/.exec(v);
  if (!m) throw new Error(`--generated must be PERSONS[:SEED] as given to pontis generate, got ${v}`);
  return { persons: Number(m[1]), seed: m[2] === undefined ? 1 : Number(m[2]) };
}

const isUrl = (store: string) => /^postgres(ql)?:\/\//.test(store);

/**
 * Reads a store loaded beforehand into the OS page cache, as a node that has
 * served for a while has it: each search reads a hundred or so records at
 * random, and right after a restart each of those is a disk read (at 10 M
 * persons that tripled the person p95). PostgreSQL reads its tables and
 * indexes with pg_prewarm ('read': into the OS cache, not its own buffers);
 * the embedded store's directory is read file by file.
 */
async function warmPageCache(node: NodeContext, store: string): Promise<number> {
  const started = performance.now();
  if (isUrl(store)) {
    await node.database.query('create extension if not exists pg_prewarm');
    await node.database.query(`select pg_prewarm(c.oid, 'read') from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'i', 't', 'm')`);
    await node.database.query(`select pg_prewarm(t.reltoastrelid, 'read') from pg_class t where t.relnamespace = 'public'::regnamespace and t.reltoastrelid <> 0`);
  } else {
    const buf = Buffer.allocUnsafe(1 << 20);
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.isFile()) {
          const fd = openSync(path, 'r');
          try {
            while (readSync(fd, buf, 0, buf.length, null) > 0);
          } finally {
            closeSync(fd);
          }
        }
      }
    };
    walk(resolve(store));
  }
  return (performance.now() - started) / 1000;
}

interface PersonProbe {
  query: { given: string; family: string; birthDate?: string };
  /** The entity's other records: what a perfect search also returns. */
  expected: string[];
}

interface ObjectProbe {
  object: { kind: 'vehicle' | 'plate' | 'firearm' | 'iban' | 'document'; value: string; country?: string };
  expected: string;
}

interface Population {
  personProbes: PersonProbe[];
  objectProbes: ObjectProbe[];
  counts: { persons: number; objects: number; alerts: number };
}

/** Separators typed the way officers type them, so normalisation is part of what is measured. */
function scramble(v: string, i: number): string {
  if (i % 3 === 0) return v.toLowerCase();
  if (i % 3 === 1) return v.replace(/(.{4})/g, '$1 ').trim();
  return v.replace(/(.{3})/g, '$1-').replace(/-$/, '');
}

function objectProbe(o: ObjectRecord, source: string, i: number): ObjectProbe | undefined {
  const expected = recordId('object', source, o.ref);
  switch (o.kind) {
    case 'vehicle':
      return o.vin ? { object: { kind: 'vehicle', value: scramble(o.vin, i) }, expected } : undefined;
    case 'number_plate':
      return { object: { kind: 'plate', value: o.plate, country: o.plateCountry }, expected };
    case 'firearm':
      return { object: { kind: 'firearm', value: scramble(o.serial, i) }, expected };
    case 'bank_account':
      return { object: { kind: 'iban', value: scramble(o.iban, i) }, expected };
    case 'document':
      return { object: { kind: 'document', value: o.number }, expected };
    default:
      return undefined;
  }
}

async function load(node: NodeContext, opts: Options): Promise<Population> {
  const entityRecords = new Map<string, string[]>();
  const sampleEvery = Math.max(1, Math.floor(opts.persons / (opts.queries * 6)));
  const sampled = new Map<string, { given: string; family: string; birthDate?: string; id: string }>();
  const objectProbes: ObjectProbe[] = [];
  const counts = { persons: 0, objects: 0, alerts: 0 };
  let personIndex = 0;
  async function* lines(): AsyncGenerator<ImportLine> {
    for (const item of generatePopulation({ persons: opts.persons, seed: 20260601 })) {
      if (item.type === 'truth') {
        const id = recordId('person', item.source, item.ref);
        const list = entityRecords.get(item.entity);
        if (list) list.push(id);
        else entityRecords.set(item.entity, [id]);
        continue;
      }
      if (item.type === 'person') {
        counts.persons++;
        if (personIndex++ % sampleEvery === 0) {
          const p = item as unknown as PersonRecord & { source: string };
          const n = p.names[0];
          sampled.set(recordId('person', p.source, p.ref), { given: n.given ?? '', family: n.family ?? '', birthDate: p.birthDate, id: recordId('person', p.source, p.ref) });
        }
      } else if (item.type === 'object') {
        counts.objects++;
        if (objectProbes.length < opts.queries * 3) {
          const probe = objectProbe(item as unknown as ObjectRecord, (item as { source: string }).source, counts.objects);
          if (probe) objectProbes.push(probe);
        }
      } else if (item.type === 'alert') counts.alerts++;
      yield item;
    }
  }
  const started = performance.now();
  let last = started;
  await importLines(node, lines(), {
    batchSize: 5000,
    onCommit: (p) => {
      const now = performance.now();
      if (now - last > 15_000) {
        last = now;
        console.error(`  imported ${p.lines} lines, ${Math.round((p.lines / (now - started)) * 1000)} lines/s`);
      }
    },
  });
  console.error(`  import: ${counts.persons} persons, ${counts.objects} objects, ${counts.alerts} alerts in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const personProbes: PersonProbe[] = [];
  const idToEntity = new Map<string, string>();
  for (const [entity, ids] of entityRecords) if (ids.length > 1) for (const id of ids) idToEntity.set(id, entity);
  for (const s of sampled.values()) {
    const entity = idToEntity.get(s.id);
    if (!entity || !s.family) continue;
    personProbes.push({ query: { given: s.given, family: s.family, ...(s.birthDate ? { birthDate: s.birthDate } : {}) }, expected: entityRecords.get(entity)!.filter((x) => x !== s.id) });
    if (personProbes.length >= opts.queries) break;
  }
  return { personProbes, objectProbes: objectProbes.slice(0, opts.queries), counts };
}

/**
 * Probes for a store loaded from `pontis generate --persons N --seed S`:
 * entities are recomputed one by one (a pure function of seed and index)
 * instead of generating all N again. Only entities from the first half of
 * the index range are used: the generator cuts the last entities to reach
 * exactly N person records, never those.
 */
async function sampledPopulation(node: NodeContext, opts: Options): Promise<Population> {
  const { persons, seed } = opts.generated;
  if (persons < 1000) throw new Error('--stores needs --generated PERSONS[:SEED], the population the stores were loaded from');
  const today = parseToday(undefined);
  const refs = new RefMaker(seed);
  const rng = new Rng(20260601, 7);
  const personProbes: PersonProbe[] = [];
  const objectProbes: ObjectProbe[] = [];
  for (let tries = 0; (personProbes.length < opts.queries || objectProbes.length < opts.queries) && tries < opts.queries * 400; tries++) {
    const index = 1 + rng.int(Math.floor(persons / 2));
    const records: Array<{ id: string; given: string; family: string; birthDate?: string }> = [];
    for (const bundle of entityBundles(seed, index, today, refs)) {
      for (const item of bundle.items) {
        if (item.type === 'person') {
          const p = item as unknown as PersonRecord & { source: string };
          records.push({ id: recordId('person', p.source, p.ref), given: p.names[0]?.given ?? '', family: p.names[0]?.family ?? '', birthDate: p.birthDate });
        } else if (item.type === 'object' && objectProbes.length < opts.queries) {
          const probe = objectProbe(item as unknown as ObjectRecord, (item as { source: string }).source, objectProbes.length);
          if (probe) objectProbes.push(probe);
        }
      }
    }
    if (records.length > 1 && records[0]!.family && records[0]!.family !== 'UNKNOWN' && personProbes.length < opts.queries) {
      const [q, ...others] = records;
      personProbes.push({ query: { given: q!.given, family: q!.family, ...(q!.birthDate ? { birthDate: q!.birthDate } : {}) }, expected: others.map((o) => o.id) });
    }
  }
  // A store loaded from another population would make every figure below meaningless.
  const ids = personProbes.slice(0, 20).flatMap((p) => p.expected);
  const [{ n }] = await node.database.query<{ n: string }>('select count(*) as n from persons where id = any($1)', [ids]);
  if (Number(n) !== ids.length) throw new Error(`only ${n} of ${ids.length} sampled records are in the store: was it loaded from pontis generate --persons ${persons} --seed ${seed}?`);
  const count = async (table: string) => Number((await node.database.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
  return { personProbes, objectProbes, counts: { persons: await count('persons'), objects: await count('objects'), alerts: await count('alerts') } };
}

const CTX = { purpose: 'criminal_investigation', caseReference: 'BENCH-2026-1' } as const;

function personRequest(p: PersonProbe): SearchRequestInput {
  return { ...CTX, person: { names: { given: p.query.given || undefined, family: p.query.family }, ...(p.query.birthDate ? { birthDate: p.query.birthDate } : {}) } };
}

interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

function summarise(ms: number[]): Latency {
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), p99: percentile(ms, 99), mean: ms.reduce((a, b) => a + b, 0) / Math.max(ms.length, 1) };
}

async function timeEach<T>(items: T[], fn: (x: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const x of items) {
    const t = performance.now();
    await fn(x);
    out.push(performance.now() - t);
  }
  return out;
}

interface EngineFigures {
  engine: string;
  counts: Population['counts'];
  person: Latency;
  identifier: Latency;
  http: {
    seconds: number;
    searches: number;
    perSecond: number;
    latency: Latency;
    errors: number;
    concurrency: number;
    /** The node process (HTTP server, search, embedded engine). */
    cpuMsPerSearch: number;
    /** Of which the node's main thread (HTTP, scoring; on PostgreSQL nearly all of it). */
    mainThreadCpuMsPerSearch: number;
    /** Of which the busiest other thread: on the embedded engine, the database's. */
    busiestOtherThreadCpuMsPerSearch?: number;
    /** The PostgreSQL server processes (postgres engine only). */
    postgresCpuMsPerSearch?: number;
    /** The load generator, a separate process. */
    clientCpuMsPerSearch: number;
  };
  naive: Latency;
  recall: { probes: number; expected: number; engine: number; naive: number };
  identifierRecall: { probes: number; found: number };
  /** CPU per service-level search, one at a time: the node process and its main thread. */
  serviceCpu?: { person: ThreadCpu; identifier: ThreadCpu };
}

async function measure(engine: 'embedded' | 'postgres', opts: Options, store?: string): Promise<EngineFigures> {
  console.error(`search benchmark on ${engine}: ${store ? `store ${store}` : `${opts.persons} persons`}`);
  const tmp = mkdtempSync(join(tmpdir(), 'pontis-bench-search-'));
  const cluster = engine === 'postgres' && !store ? await startPostgresCluster() : undefined;
  const node = store
    ? await openNode({ dataDir: isUrl(store) ? undefined : store, databaseUrl: isUrl(store) ? store : undefined, logger: silentLogger, clock: systemClock })
    : await openNode({ dataDir: engine === 'embedded' ? tmp : undefined, databaseUrl: cluster?.url, logger: silentLogger, clock: systemClock });
  try {
    const pop = store ? await sampledPopulation(node, opts) : await load(node, opts);
    // Both engines start measuring from fresh statistics (the embedded store also
    // analyzes itself in the background, which must not fall into the timing;
    // a store loaded before it did so has no statistics yet).
    if (!store || engine === 'embedded') await node.database.query('analyze');
    // …and with the load's writes on disk: the checkpoint a fresh load is due
    // for (the embedded store checkpoints itself too) would otherwise fall
    // into the timing of whichever search comes after it.
    if (!store) await node.database.query('checkpoint');
    if (store && opts.warm) console.error(`  page cache warmed in ${(await warmPageCache(node, store)).toFixed(0)} s`);
    const authority = 'nl-politie';
    const { token } = await issueApiToken(node, { authorityId: authority, roles: ['police_officer'], label: 'search benchmark' });
    const actor: Actor = userActor({ id: 'bench', username: 'bench', display_name: 'Benchmark', authority_id: authority, roles: ['police_officer'], disabled: false }, { id: authority, country: 'NLD', kind: 'police', name: 'Politie Nederland' });
    // Warm caches (model, plans) before timing.
    for (const p of pop.personProbes.slice(0, 20)) await search(node, actor, personRequest(p));

    console.error('  service-level latency');
    const personCpu = cpuMeter();
    const person = summarise(await timeEach(pop.personProbes, (p) => search(node, actor, personRequest(p))));
    const personCost = personCpu(pop.personProbes.length);
    const identifierCpu = cpuMeter();
    const identifier = summarise(await timeEach(pop.objectProbes, (p) => search(node, actor, { ...CTX, object: p.object })));
    const identifierCost = identifierCpu(pop.objectProbes.length);

    console.error('  recall: engine vs pg_trgm');
    const allSources = (await node.database.query<{ id: string }>('select id from sources')).map((r) => r.id);
    const cm = await searchModel(node);
    let expected = 0, foundEngine = 0, foundNaive = 0;
    if (opts.naive) await node.database.query('create extension if not exists pg_trgm');
    const trgmStarted = performance.now();
    if (opts.naive) {
      await node.database.query('create index if not exists bench_persons_trgm on persons using gin (display_name gin_trgm_ops)');
      console.error(`  pg_trgm index ready in ${((performance.now() - trgmStarted) / 1000).toFixed(0)} s`);
    }
    if (engine === 'postgres') await node.database.query('analyze persons');
    const naiveTimes: number[] = [];
    for (const p of pop.personProbes) {
      const q = personToMatchRecord('q', { ref: 'q', names: [{ given: p.query.given, family: p.query.family, kind: 'primary' }], birthDate: p.query.birthDate, nationalities: [], addresses: [], documents: [] });
      const out = await searchPersons(node.database, cm, q, allSources, { limit: 20 });
      const got = new Set(out.matches.map((m) => m.id));
      const name = [p.query.given, p.query.family].filter(Boolean).join(' ');
      const t = performance.now();
      const naive = opts.naive ? await node.database.query<{ id: string }>('select id from persons where display_name % $1 order by similarity(display_name, $1) desc limit 20', [name]) : [];
      if (opts.naive) naiveTimes.push(performance.now() - t);
      const naiveIds = new Set(naive.map((r) => r.id));
      expected += p.expected.length;
      for (const id of p.expected) {
        if (got.has(id)) foundEngine++;
        if (naiveIds.has(id)) foundNaive++;
      }
    }
    let idFound = 0;
    for (const p of pop.objectProbes) {
      const r = await search(node, actor, { ...CTX, object: p.object });
      if (r.hits.some((h) => 'recordId' in h && h.recordId === p.expected) || r.hits.some((h) => !('recordId' in h))) idFound++;
    }

    console.error(`  HTTP throughput: ${opts.concurrency} clients for ${opts.seconds} s`);
    const server = await startServer(node);
    const bodies = [...pop.personProbes.map(personRequest), ...pop.objectProbes.map((p) => ({ ...CTX, object: p.object }))];
    // Interleave person and identifier searches: a mixed load.
    bodies.sort((a, b) => (JSON.stringify(a).length % 7) - (JSON.stringify(b).length % 7));
    const postmaster = engine === 'postgres' ? await postmasterPid(node) : undefined;
    const pgBefore = postmaster ? postgresCpu(postmaster) : undefined;
    const httpCpu = cpuMeter();
    const traffic = await runLoadClient({ url: `${server.url}/api/v1/search`, token, bodies: bodies.map((b) => JSON.stringify(b)), concurrency: opts.concurrency, seconds: opts.seconds });
    const served = Math.max(traffic.times.length, 1);
    const nodeCpu = httpCpu(served);
    const pgCpu = postmaster && pgBefore ? cpuSince(pgBefore, postgresCpu(postmaster)) : undefined;
    await server.close();
    const http: EngineFigures['http'] = {
      seconds: traffic.seconds,
      searches: traffic.times.length,
      perSecond: traffic.times.length / traffic.seconds,
      latency: summarise(traffic.times),
      errors: traffic.errors,
      concurrency: opts.concurrency,
      cpuMsPerSearch: nodeCpu.process,
      mainThreadCpuMsPerSearch: nodeCpu.main,
      busiestOtherThreadCpuMsPerSearch: nodeCpu.busiestOther,
      ...(pgCpu !== undefined ? { postgresCpuMsPerSearch: pgCpu / served } : {}),
      clientCpuMsPerSearch: traffic.cpuMs / served,
    };
    return {
      engine,
      counts: pop.counts,
      person,
      identifier,
      http,
      naive: summarise(naiveTimes),
      recall: { probes: pop.personProbes.length, expected, engine: foundEngine, naive: foundNaive },
      identifierRecall: { probes: pop.objectProbes.length, found: idFound },
      serviceCpu: { person: personCost, identifier: identifierCost },
    };
  } finally {
    await node.close();
    await cluster?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

interface LoadJob {
  url: string;
  token: string;
  bodies: string[];
  concurrency: number;
  seconds: number;
}

interface LoadResult {
  times: number[];
  errors: number;
  seconds: number;
  cpuMs: number;
}

/**
 * The load generator runs in its own process (this file with --load-client),
 * so the node's CPU per search is the node's alone; it still shares the
 * machine's cores with the node and PostgreSQL, as clients on the same host do.
 */
async function runLoadClient(job: LoadJob): Promise<LoadResult> {
  const child = spawn(process.execPath, [resolve('bin/run-ts.js'), resolve('bench/search.ts'), '--load-client'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<number | null>((res) => child.on('close', res));
  child.stdin.end(JSON.stringify(job));
  const code = await exited;
  if (code !== 0) throw new Error(`the load generator exited with ${code}`);
  return JSON.parse(out) as LoadResult;
}

/** Keep-alive HTTP/1.1 clients posting the bodies in turn until the time is up. */
async function loadClient(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const job = JSON.parse(input) as LoadJob;
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const post = (body: string) =>
    new Promise<number>((done, fail) => {
      const req = request(job.url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${job.token}` } }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode ?? 0));
      });
      req.on('error', fail);
      req.end(body);
    });
  await post(job.bodies[0]!); // connect before the clock starts
  const times: number[] = [];
  let errors = 0, next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < deadline) {
        const body = job.bodies[next++ % job.bodies.length]!;
        const t = performance.now();
        if ((await post(body)) !== 200) errors++;
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  process.stdout.write(JSON.stringify({ times, errors, seconds, cpuMs: (cpu.user + cpu.system) / 1000 } satisfies LoadResult));
}

/** The PostgreSQL postmaster: the parent of a backend. */
async function postmasterPid(node: NodeContext): Promise<number> {
  const [{ pid }] = await node.database.query<{ pid: number }>('select pg_backend_pid() as pid');
  return Number(procStat(pid)?.[1]);
}

/** /proc/<pid>/stat from the field after the command name on (state, ppid, …), or undefined when the process is gone. */
function procStat(pid: number | string): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  } catch {
    return undefined;
  }
}

/** User + system CPU in ms of each thread of this process, by thread id. */
function threadCpu(): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of readdirSync(`/proc/${process.pid}/task`)) {
    const f = procStat(`${process.pid}/task/${t}`);
    if (f) out.set(Number(t), (Number(f[11]) + Number(f[12])) * 10);
  }
  return out;
}

/**
 * CPU per search of the node process, of its main thread (HTTP, scoring: it
 * can use one core at most, whatever the other threads do) and of its
 * busiest other thread (on the embedded engine, the database's).
 */
interface ThreadCpu {
  process: number;
  main: number;
  busiestOther: number;
}

/** Starts measuring this process's CPU; the function returned gives it per search (ms) for n searches. */
function cpuMeter(): (n: number) => ThreadCpu {
  const before = process.cpuUsage();
  const threadsBefore = threadCpu();
  return (n) => {
    const cpu = process.cpuUsage(before);
    const per = Math.max(n, 1);
    let main = 0, busiestOther = 0;
    for (const [tid, v] of threadCpu()) {
      const used = v - (threadsBefore.get(tid) ?? 0);
      if (tid === process.pid) main = used;
      else busiestOther = Math.max(busiestOther, used);
    }
    return { process: (cpu.user + cpu.system) / 1000 / per, main: main / per, busiestOther: busiestOther / per };
  };
}

/** User + system CPU in ms of the postmaster and each of its children (backends come and go with the pool). */
function postgresCpu(postmaster: number): Map<number, number> {
  const tickMs = 10; // USER_HZ is 100 on Linux
  const out = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const f = procStat(d);
    if (f && (Number(d) === postmaster || Number(f[1]) === postmaster)) out.set(Number(d), (Number(f[11]) + Number(f[12])) * tickMs);
  }
  return out;
}

/** CPU used between two readings; a process started meanwhile counts in full, one that ended is lost. */
function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, v] of after) ms += v - (before.get(pid) ?? 0);
  return ms;
}

function population(opts: Options): string {
  if (!opts.stores.length) return `Population: \`--persons ${opts.persons}\` from the synthetic generator (src/generator, multilingual, several records per person across sources), loaded through the importer; alerts as the generator issues them.`;
  const { persons, seed } = opts.generated;
  return `Population: \`pontis generate --persons ${persons} --seed ${seed}\` (multilingual, several records per person across sources, alerts as the generator issues them), loaded beforehand with \`pontis import\` into each store (see the import section for the time it took); the bench recomputes its probes from the generator (entities are a pure function of seed and index) and checks they are in the store. ${opts.warm ? "Before measuring, each store is read once into the OS page cache (pg_prewarm on PostgreSQL, a read of the data directory embedded), as on a node that has served a while; right after a restart each candidate record is a disk read (\`--cold\` measures that case)." : 'Measured with the page cache as it was (`--cold`): candidate records may be disk reads.'}`;
}

function targets(opts: Options): string {
  const base = 'Targets (issue 4): person p95 < 50 ms, identifier < 10 ms, ≥ 300 mixed searches/s, at 10 million persons and 1 million alerts.';
  if (opts.stores.length) return `${base} Issue 3 asks for a single person matched against 10 million in under 50 ms at p95: the person search column.`;
  return `${base} This run used ${opts.persons.toLocaleString('en')} persons, loaded fresh by the run itself; the 10 million figures are in the next section (\`--stores\`, stores loaded beforehand). The search reads only the index rows of the query's blocking keys (\`person_keys\` primary key) and at most ${MAX_CANDIDATES} candidates, so its cost grows with the size of the largest blocks, not with the population.`;
}

const ms = (v: number) => (v < 10 ? v.toFixed(1) : v.toFixed(0));

function report(figures: EngineFigures[], opts: Options, load: number[]): string {
  const rows = figures.map((f) =>
    `| ${f.engine} | ${f.counts.persons.toLocaleString('en')} | ${f.counts.alerts.toLocaleString('en')} | ${ms(f.person.p50)} / **${ms(f.person.p95)}** / ${ms(f.person.p99)} | ${ms(f.identifier.p50)} / **${ms(f.identifier.p95)}** / ${ms(f.identifier.p99)} | **${f.http.perSecond.toFixed(0)}**/s (p95 ${ms(f.http.latency.p95)} ms, ${f.http.errors} errors) | ${ms(f.http.cpuMsPerSearch)} (${threadShares(f)}) / ${f.http.postgresCpuMsPerSearch !== undefined ? ms(f.http.postgresCpuMsPerSearch) : '–'} / ${ms(f.http.clientCpuMsPerSearch ?? 0)} ms |`,
  );
  const naive = figures.map((f) => {
    const pct = (x: number) => (f.recall.expected ? `${((100 * x) / f.recall.expected).toFixed(1)} %` : 'n/a');
    const naiveRun = f.naive.n > 0;
    return `| ${f.engine} | ${f.recall.probes} | ${f.recall.expected} | ${pct(f.recall.engine)} | ${naiveRun ? pct(f.recall.naive) : 'not run'} | ${ms(f.person.p95)} ms | ${naiveRun ? `${ms(f.naive.p50)} / ${ms(f.naive.p95)} ms` : 'not run'} |`;
  });
  const ids = figures.map((f) => `${f.engine}: ${f.identifierRecall.found} of ${f.identifierRecall.probes}`).join('; ');
  return `
${population(opts)} Load average while measuring: ${load.map((l) => l.toFixed(1)).join(', ')} (the 2 cores are shared with other work, so these are pessimistic).

Latency in ms (p50 / **p95** / p99) of \`search()\` at the service level, one at a time (${figures[0]?.person.n ?? 0} person queries: a record's name and birth date as another source wrote them; ${figures[0]?.identifier.n ?? 0} identifier queries: VIN, plate, serial, IBAN, document number, typed with spaces, dashes or lower case). Throughput: mixed person and identifier searches through \`POST /api/v1/search\` (HTTP, token auth, audit and \`searches\` row per search) by ${opts.concurrency} concurrent clients for ${opts.seconds} s. The load generator is a separate process on the same machine (keep-alive HTTP/1.1 connections). *CPU per HTTP search* is CPU time (user + system) divided by the searches served, for the node process (HTTP server, search; on the embedded engine also the database, in a thread of its own) with its main thread's share in brackets, the PostgreSQL server processes, and the load generator: unlike wall-clock figures it hardly depends on how busy the shared machine was. Each thread uses one core at most, so the node serves at most about 1000 / (its busiest thread's share) searches per second, and all of it together must fit in the machine's 2 cores.

| engine | persons | alerts | person search | identifier search | mixed HTTP throughput | CPU per HTTP search: node / PostgreSQL / load generator |
|---|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

${targets(opts)}

**Same data, the naive way**: \`select … where display_name % $name order by similarity(display_name, $name) desc limit 20\` (pg_trgm GIN index), against the matching engine through the blocking index (limit 20). Recall = share of each queried person's *other* records (same real person, other source, other spelling or script) found.

| engine | queries | other records to find | found by Pontis | found by pg_trgm | Pontis person p95 | pg_trgm p50 / p95 |
|---|---:|---:|---:|---:|---:|---:|
${naive.join('\n')}

Identifier searches that found their object: ${ids}.
${serviceCpuLine(figures)}`;
}

/** The node's CPU by thread: its main thread and, on the embedded engine, the database's thread (the busiest other one). */
function threadShares(f: EngineFigures): string {
  const { mainThreadCpuMsPerSearch: main, busiestOtherThreadCpuMsPerSearch: db } = f.http;
  return `main thread ${ms(main)}${f.engine === 'embedded' && db !== undefined ? `, database thread ${ms(db)}` : ''}`;
}

/** Where a search's CPU goes, from the one-at-a-time runs (figures from runs before this was measured have none). */
function serviceCpuLine(figures: EngineFigures[]): string {
  const known = figures.filter((f) => f.serviceCpu);
  if (!known.length) return '';
  const one = (c: ThreadCpu) => `${ms(c.process)} ms (main thread ${ms(c.main)})`;
  return `\nCPU of the node per search in the one-at-a-time runs: ${known.map((f) => `${f.engine}: person ${one(f.serviceCpu!.person)}, identifier ${one(f.serviceCpu!.identifier)}`).join('; ')}. On the embedded engine the rest is the database's thread.\n`;
}

export async function run(args: string[]): Promise<void> {
  const opts = parseArgs(args);
  const figures: EngineFigures[] = opts.previous
    ? readFileSync(opts.previous, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EngineFigures)
    : [];
  const runs: Array<{ engine: 'embedded' | 'postgres'; store?: string }> = opts.stores.length
    ? opts.stores.map((store) => ({ engine: isUrl(store) ? 'postgres' : 'embedded', store }))
    : opts.engines.map((engine) => ({ engine }));
  const section = opts.stores.length ? 'search-large' : 'search';
  for (const { engine, store } of runs) {
    const f = await measure(engine, opts, store);
    console.error(JSON.stringify(f));
    figures.push(f);
    // Written after each engine, so a long run that is cut short still leaves its figures.
    if (opts.write) writeSection(section, report(figures, opts, loadavg()));
  }
  console.log(report(figures, opts, loadavg()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv.includes('--load-client')) await loadClient();
  else await run(process.argv.slice(2));
}
