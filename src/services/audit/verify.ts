// Verifies the audit log: every entry chains onto the one before, no sequence
// number is missing, and the chain passes through every signed checkpoint,
// whose signatures must check against the node key. Entries are streamed in
// key order in batches (the next batch is fetched while this one is hashed),
// so memory stays flat at any log size.
import pg from 'pg';
import type { Database } from '../../store/database.ts';
import { chainHashHex, GENESIS_HASH } from './chain.ts';
import { checkpointMessage, listCheckpoints, type Checkpoint } from './checkpoints.ts';
import { verifyMessage, type NodeKey } from './node-key.ts';

export interface VerifyOptions {
  /** Verify from the last checkpoint at or before this time (default: from the oldest entry kept). */
  from?: Date;
  /** The key checkpoints must be signed with; without it signatures are not checked (and the result says so). */
  key?: NodeKey;
  batchSize?: number;
  /**
   * The PostgreSQL URL, when known (the CLI): entries are then read on a
   * dedicated connection, in one repeatable-read snapshot (retention running
   * meanwhile cannot cause a false gap), as raw text rows.
   */
  postgresUrl?: string;
}

export interface VerifyResult {
  ok: boolean;
  entriesChecked: number;
  /** Where verification started: the genesis of the log or a signed checkpoint. */
  anchor: { kind: 'genesis' } | { kind: 'checkpoint'; seq: number; at: string };
  firstSeq: number | null;
  lastSeq: number | null;
  lastHash: string | null;
  checkpointsChecked: number;
  signaturesChecked: boolean;
  /** The first entry where the log is not intact, and why. */
  failure?: { seq: number; reason: string };
  ms: number;
}

interface Row {
  seq: number;
  body: string;
  /** Bytes, or PostgreSQL's hex text form (\\x…) from the dedicated reader. */
  hash: Uint8Array | string;
}

interface EntrySource {
  fetch(after: number, limit: number): Promise<Row[]>;
  close(): Promise<void>;
}

const SELECT_BATCH = 'select seq, body, hash from audit_log where seq > $1 order by seq limit $2';

function databaseSource(database: Database): EntrySource {
  return { fetch: (after, limit) => database.query<Row>(SELECT_BATCH, [after, limit]), close: async () => {} };
}

async function dedicatedPostgresSource(url: string): Promise<EntrySource> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin isolation level repeatable read read only');
  const raw = { getTypeParser: () => (v: string) => v };
  return {
    async fetch(after, limit) {
      // Rows as arrays of raw text: no per-row objects and no bytea decoding;
      // the hash stays hex and is compared as hex.
      const r = await client.query<[string, string, string]>({ text: SELECT_BATCH, values: [after, limit], rowMode: 'array', types: raw } as never);
      return r.rows.map((x) => ({ seq: Number(x[0]), body: x[1], hash: x[2] }));
    },
    async close() {
      await client.query('rollback').catch(() => {});
      await client.end();
    },
  };
}

export async function verifyAuditLog(database: Database, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 20_000;
  const checkpoints = await listCheckpoints(database.db);
  const result: VerifyResult = {
    ok: false,
    entriesChecked: 0,
    anchor: { kind: 'genesis' },
    firstSeq: null,
    lastSeq: null,
    lastHash: null,
    checkpointsChecked: 0,
    signaturesChecked: opts.key !== undefined,
    ms: 0,
  };
  const fail = (seq: number, reason: string) => {
    result.failure = { seq, reason };
    result.ms = Math.round(performance.now() - started);
    return result;
  };

  if (opts.key) {
    for (const cp of checkpoints) {
      if (cp.keyId !== opts.key.id) return fail(cp.seq, `the checkpoint at entry ${cp.seq} is signed by key ${cp.keyId}, not by this node's key ${opts.key.id}`);
      if (!verifyMessage(opts.key, checkpointMessage(cp.seq, cp.hash, cp.at), cp.signature)) return fail(cp.seq, `the signature of the checkpoint at entry ${cp.seq} is not valid`);
    }
  }

  const bounds = await database.query<{ min: number | null; max: number | null }>('select min(seq) as min, max(seq) as max from audit_log');
  const minSeq = bounds[0]?.min ?? null;
  const maxSeq = bounds[0]?.max ?? null;
  const lastCheckpoint = checkpoints.at(-1);
  if (minSeq === null || maxSeq === null) {
    if (lastCheckpoint) return fail(1, `the audit log is empty but a signed checkpoint covers entries up to ${lastCheckpoint.seq}`);
    result.ok = true;
    result.ms = Math.round(performance.now() - started);
    return result;
  }

  // Entries before the oldest kept one were removed by retention; the chain
  // then starts from the checkpoint retention signed at the boundary.
  const anchors: (Checkpoint | null)[] = [...(minSeq === 1 ? [null] : []), ...checkpoints.filter((c) => c.seq >= minSeq - 1)];
  if (anchors.length === 0 || (!opts.from && anchors[0] !== null && anchors[0]!.seq !== minSeq - 1)) return fail(minSeq, `entries before ${minSeq} are missing and no signed checkpoint vouches for entry ${minSeq - 1}`);
  let anchor = anchors[0]!;
  if (opts.from) {
    const before = anchors.filter((a) => a === null || a.at <= opts.from!);
    anchor = before.at(-1) ?? anchors[0]!;
  }
  let prev: string = (anchor ? anchor.hash : GENESIS_HASH).toString('hex');
  let expected = anchor ? anchor.seq + 1 : 1;
  if (anchor) {
    result.anchor = { kind: 'checkpoint', seq: anchor.seq, at: anchor.at.toISOString() };
    const row = (await database.query<{ hash: Uint8Array }>('select hash from audit_log where seq = $1', [anchor.seq]))[0];
    if (row && !Buffer.from(row.hash).equals(anchor.hash)) {
      return fail(anchor.seq, `entry ${anchor.seq} does not match the signed checkpoint: the log was rewritten up to here`);
    }
    result.checkpointsChecked++;
  }
  const pending = new Map(checkpoints.filter((c) => c.seq >= expected).map((c) => [c.seq, c]));
  let previousCheckpointSeq = anchor?.seq ?? 0;

  const source = opts.postgresUrl && database.engine === 'postgres' ? await dedicatedPostgresSource(opts.postgresUrl) : databaseSource(database);
  try {
    return await walk(source);
  } finally {
    await source.close();
  }

  async function walk(source: EntrySource): Promise<VerifyResult> {
    const fetch = (after: number) => source.fetch(after, batchSize);
    let batch = await fetch(expected - 1);
    while (batch.length > 0) {
      // Prefetch; an early return below awaits it so no query outlives the verification.
    const next = batch.length === batchSize ? fetch(batch[batch.length - 1]!.seq) : Promise.resolve([] as Row[]);
      for (const row of batch) {
        if (row.seq !== expected) {
          await next.catch(() => {});
          return fail(expected, row.seq > expected ? `entry ${expected} is missing (the next entry is ${row.seq})` : `entry ${row.seq} is out of order`);
        }
        const h = chainHashHex(prev, row.seq, row.body);
        if (h !== (typeof row.hash === 'string' ? row.hash.slice(2) : Buffer.from(row.hash).toString('hex'))) {
          await next.catch(() => {});
          return fail(row.seq, `entry ${row.seq} was altered, reordered or inserted: its hash does not follow from the entry before`);
        }
        const cp = pending.get(row.seq);
        if (cp) {
          if (h !== cp.hash.toString('hex')) {
            await next.catch(() => {});
            return fail(previousCheckpointSeq + 1, `entries ${previousCheckpointSeq + 1}–${row.seq} were rewritten with recomputed hashes: entry ${row.seq} does not match its signed checkpoint`);
          }
          result.checkpointsChecked++;
          previousCheckpointSeq = row.seq;
        }
        if (result.firstSeq === null) result.firstSeq = row.seq;
        prev = h;
        expected++;
        result.entriesChecked++;
      }
      batch = await next;
    }
    result.lastSeq = expected - 1;
    result.lastHash = prev;
    if (lastCheckpoint && lastCheckpoint.seq > result.lastSeq) {
      return fail(result.lastSeq + 1, `entries ${result.lastSeq + 1}–${lastCheckpoint.seq} were removed: a signed checkpoint covers up to ${lastCheckpoint.seq}`);
    }
    result.ok = true;
    result.ms = Math.round(performance.now() - started);
    return result;
  }
}
