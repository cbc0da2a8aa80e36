// Verifies the audit log: every chained entry chains onto the one before, no
// chain position is missing, and the chain passes through every signed
// checkpoint, whose signatures must check against the node key. By default it
// first chains what is pending, so every entry committed before verification
// began is covered; entries committed meanwhile are reported as pending.
//
// Each entry is checked against the stored hash of the entry before it:
// stored(n) = SHA-256(stored(n-1) || n || body(n)) for every n proves the
// whole chain, and lets the checks run as the bytes arrive. On PostgreSQL
// with a URL (the CLI) entries come as one binary COPY stream in one
// repeatable-read snapshot, hashed straight from the wire bytes.
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../../store/database.ts';
import { chainHashHex, GENESIS_HASH } from './chain.ts';
import { checkpointMessage, listCheckpoints, type Checkpoint } from './checkpoints.ts';
import { verifyMessage, type NodeKey } from './node-key.ts';
import { chainPending } from './chainer.ts';
import { CopyBinaryReader } from './copy-binary.ts';

export interface VerifyOptions {
  /** Verify from the last checkpoint at or before this time (default: from the oldest entry kept). */
  from?: Date;
  /** The key checkpoints must be signed with; without it signatures are not checked (and the result says so). */
  key?: NodeKey;
  batchSize?: number;
  /**
   * The PostgreSQL URL, when known (the CLI): entries are then streamed on a
   * dedicated connection, in one repeatable-read snapshot (retention running
   * meanwhile cannot cause a false gap), as binary COPY.
   */
  postgresUrl?: string;
  /** Chain the pending entries before verifying (default true; false for a strictly read-only check). */
  chainFirst?: boolean;
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
  /** Entries committed but not yet chained when verification ended: not covered by this check. */
  pending: number;
  /** The first entry where the log is not intact, and why. */
  failure?: { seq: number; reason: string };
  ms: number;
}

/** Receives one chained entry, its stored hash as bytes or hex; returns false to stop (a failure was recorded). */
type EntrySink = (seq: number, body: Buffer | string, stored: Uint8Array | string) => boolean;

// A batch comes back as one text value instead of one row per entry: per-row
// result handling is most of the cost of reading through a driver (PGlite
// above all). Each entry is length-prefixed (hex), so bodies need no escaping:
//   seq (16 hex) | hash length (8 hex) | hash (hex) | body length in bytes (8 hex) | body
const SELECT_BATCH = `
  select count(*)::int as n, max(seq) as last,
    string_agg(lpad(to_hex(seq), 16, '0') || lpad(to_hex(octet_length(hash)), 8, '0') || encode(hash, 'hex') || lpad(to_hex(octet_length(body)), 8, '0') || body, '' order by seq) as packed
  from (select seq, hash, body from audit_entries where seq > $1 order by seq limit $2) batch`;

interface Batch {
  n: number;
  last: number | null;
  packed: string | null;
}

/** Calls the sink per entry of a packed batch; false when the sink stopped or the text is not as packed. */
function unpack(packed: string, sink: EntrySink): boolean {
  const buf = Buffer.from(packed, 'utf8');
  const hex = (from: number, len: number) => Number.parseInt(buf.toString('latin1', from, from + len), 16);
  let p = 0;
  while (p < buf.length) {
    if (buf.length - p < 24) throw new Error(`reading the audit log: a packed batch is cut short at byte ${p}`);
    const seq = hex(p, 16);
    const hashLen = hex(p + 16, 8);
    p += 24;
    const stored = buf.toString('latin1', p, p + hashLen * 2);
    p += hashLen * 2;
    const bodyLen = hex(p, 8);
    p += 8;
    if (!Number.isFinite(seq) || !Number.isFinite(bodyLen) || p + bodyLen > buf.length) throw new Error(`reading the audit log: a packed batch is malformed at byte ${p}`);
    if (!sink(seq, buf.subarray(p, p + bodyLen), stored)) return false;
    p += bodyLen;
  }
  return true;
}

async function walkBatches(database: Database, after: number, batchSize: number, sink: EntrySink): Promise<void> {
  const fetch = async (from: number) => (await database.query<Batch>(SELECT_BATCH, [from, batchSize]))[0] ?? { n: 0, last: null, packed: null };
  let batch = await fetch(after);
  while (batch.n > 0 && batch.packed !== null && batch.last !== null) {
    // Prefetch (on PostgreSQL the server reads while this process hashes); an
    // early return awaits it so no query outlives the verification.
    const next = batch.n === batchSize ? fetch(batch.last) : Promise.resolve<Batch>({ n: 0, last: null, packed: null });
    let more: boolean;
    try {
      more = unpack(batch.packed, sink);
    } catch (err) {
      await next.catch(() => {});
      throw err;
    }
    if (!more) {
      await next.catch(() => {});
      return;
    }
    batch = await next;
  }
}

async function walkCopy(url: string, after: number, sink: EntrySink): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let midStream = false;
  try {
    await client.query('begin isolation level repeatable read read only');
    // Chain order is key order: read it from the primary key, never by sorting the whole table.
    await client.query('set local enable_sort = off');
    const stream = client.query(copyTo(`copy (select seq, hash, body from audit_entries where seq > ${Math.trunc(after)} order by seq) to stdout (format binary)`));
    const reader = new CopyBinaryReader(3);
    midStream = true;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const more = reader.push(chunk, (f) => {
        const seqField = f[0]!;
        if (seqField.length !== 8) throw new Error(`reading the audit log from PostgreSQL: a chain position of ${seqField.length} bytes`);
        return sink(seqField.readUInt32BE(0) * 0x1_0000_0000 + seqField.readUInt32BE(4), f[2]!, f[1]!);
      });
      if (!more) {
        if (reader.error) throw new Error(`reading the audit log from PostgreSQL: ${reader.error}`);
        return; // the sink recorded a failure; the connection is dropped below
      }
    }
    midStream = false;
    const error = reader.finish();
    if (error) throw new Error(`reading the audit log from PostgreSQL: ${error}`);
  } finally {
    if (midStream) {
      // Stopping a COPY half-way: drop the connection instead of reading the rest.
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      await client.end().catch(() => {});
    } else {
      await client.query('rollback').catch(() => {});
      await client.end().catch(() => {});
    }
  }
}

export async function verifyAuditLog(database: Database, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const started = performance.now();
  if (opts.chainFirst !== false) await chainPending(database.db);
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
    pending: 0,
    ms: 0,
  };
  const finish = async () => {
    const [p] = await database.query<{ n: number }>('select count(*)::int as n from audit_pending');
    result.pending = p?.n ?? 0;
    result.ms = Math.round(performance.now() - started);
    return result;
  };
  const fail = (seq: number, reason: string) => {
    result.failure = { seq, reason };
    return finish();
  };

  if (opts.key) {
    for (const cp of checkpoints) {
      if (cp.keyId !== opts.key.id) return fail(cp.seq, `the checkpoint at entry ${cp.seq} is signed by key ${cp.keyId}, not by this node's key ${opts.key.id}`);
      if (!verifyMessage(opts.key, checkpointMessage(cp.seq, cp.hash, cp.at), cp.signature)) return fail(cp.seq, `the signature of the checkpoint at entry ${cp.seq} is not valid`);
    }
  }

  const bounds = await database.query<{ min: number | null; max: number | null }>('select min(seq) as min, max(seq) as max from audit_entries');
  const minSeq = bounds[0]?.min ?? null;
  const maxSeq = bounds[0]?.max ?? null;
  const lastCheckpoint = checkpoints.at(-1);
  if (minSeq === null || maxSeq === null) {
    if (lastCheckpoint) return fail(1, `the audit log is empty but a signed checkpoint covers entries up to ${lastCheckpoint.seq}`);
    result.ok = true;
    return finish();
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
  let prev: Uint8Array | string = anchor ? anchor.hash : GENESIS_HASH;
  let expected = anchor ? anchor.seq + 1 : 1;
  if (anchor) {
    result.anchor = { kind: 'checkpoint', seq: anchor.seq, at: anchor.at.toISOString() };
    const row = (await database.query<{ hash: Uint8Array }>('select hash from audit_entries where seq = $1', [anchor.seq]))[0];
    if (row && !Buffer.from(row.hash).equals(anchor.hash)) {
      return fail(anchor.seq, `entry ${anchor.seq} does not match the signed checkpoint: the log was rewritten up to here`);
    }
    result.checkpointsChecked++;
  }
  let previousCheckpointSeq = anchor?.seq ?? 0;
  let failure: { seq: number; reason: string } | undefined;

  const checkpointHex = new Map(checkpoints.filter((c) => c.seq >= expected).map((c) => [c.seq, c.hash.toString('hex')]));
  const sink: EntrySink = (seq, body, stored) => {
    if (seq !== expected) {
      failure = { seq: expected, reason: seq > expected ? `entry ${expected} is missing (the next entry is ${seq})` : `entry ${seq} is out of order` };
      return false;
    }
    const h = chainHashHex(prev, seq, body);
    if (h !== (typeof stored === 'string' ? stored : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength).toString('hex'))) {
      failure = { seq, reason: `entry ${seq} was altered, reordered or inserted: its hash does not follow from the entry before` };
      return false;
    }
    if (checkpointHex.size > 0) {
      const cp = checkpointHex.get(seq);
      if (cp !== undefined) {
        if (h !== cp) {
          failure = { seq: previousCheckpointSeq + 1, reason: `entries ${previousCheckpointSeq + 1}–${seq} were rewritten with recomputed hashes: entry ${seq} does not match its signed checkpoint` };
          return false;
        }
        result.checkpointsChecked++;
        previousCheckpointSeq = seq;
      }
    }
    if (result.firstSeq === null) result.firstSeq = seq;
    prev = stored;
    expected++;
    result.entriesChecked++;
    return true;
  };

  if (opts.postgresUrl && database.engine === 'postgres') await walkCopy(opts.postgresUrl, expected - 1, sink);
  else await walkBatches(database, expected - 1, batchSize, sink);
  if (failure) return fail(failure.seq, failure.reason);

  result.lastSeq = expected - 1;
  result.lastHash = typeof prev === 'string' ? prev : Buffer.from(prev).toString('hex');
  if (lastCheckpoint && lastCheckpoint.seq > result.lastSeq) {
    return fail(result.lastSeq + 1, `entries ${result.lastSeq + 1}–${lastCheckpoint.seq} were removed: a signed checkpoint covers up to ${lastCheckpoint.seq}`);
  }
  result.ok = true;
  return finish();
}
