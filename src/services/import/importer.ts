// The import loop shared by files and in-memory lines: validate each line,
// gather valid ones into batches, write each batch in ONE transaction that
// also advances the resume marker, and report every rejected line. Nothing
// of a rejected line is written; a batch commits its good lines.
import type { NodeContext } from '../context.ts';
import type { RecordType } from '../records/write-batch.ts';
import { writeRecordBatch } from '../records/write-batch.ts';
import { skipRowChecksInTransaction } from '../records/bulk-checks.ts';
import type { FieldIssue } from '../../domain/errors.ts';
import { advanceRun } from './progress-marker.ts';
import { KnownRegistry } from './registry-check.ts';
import { PendingBatch, toRecordBatch, type BatchEntry, type Position } from './pending-batch.ts';
import type { RawLine } from './raw-line.ts';
import { emptyCounts, type ImportCounts, type ImportSummary, type Rejection } from './summary.ts';
import type { ValidLine } from './validate-line.ts';
import { PreparePool } from './prepare-pool.ts';
import { preparedStream } from './prepared-stream.ts';
import { timePhase } from '../records/phase-timings.ts';

function refOfLine(line: ValidLine): string {
  return 'ref' in line.value ? line.value.ref : line.value.id;
}

export const DEFAULT_BATCH_LINES = 5000;

export interface ImportProgress {
  lines: number;
  /** Bytes of the file read so far (files only). */
  bytes: number;
}

export interface ImportOptions {
  /** Lines per transaction (default 5000). */
  batchSize?: number;
  /** Source of lines and CSV rows that name none. */
  source?: string;
  /** Called for every rejected line, in line order per batch. */
  onReject?: (r: Rejection) => void;
  /** Called after each committed batch with the position committed. */
  onCommit?: (p: ImportProgress) => void;
  /** Called every few hundred lines with the position read (for a progress bar). */
  onProgress?: (p: ImportProgress) => void;
  /** Abort to stop after the batch in progress is committed. */
  signal?: AbortSignal;
  /**
   * Worker threads that parse and validate while the main thread writes
   * (default 0: all inline, best for small inputs; importFile picks one for
   * large files on a machine with more than one core).
   */
  workers?: number;
}

export interface ImportRunContext {
  start: Position;
  counts?: ImportCounts;
  /** Resume marker to advance in each batch's transaction. */
  fileKey?: string;
  resumedFromLine?: number;
  /** An initial load into an empty store: write by COPY where the records turn out new (see copy-fresh.ts). */
  fresh?: boolean;
  /** Turn per-row foreign-key checks off in each batch; the caller checks references afterwards (see bulk-checks.ts). */
  skipRowChecks?: boolean;
}

// SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the
// data of some line is at fault, not the database; split the batch to find it.
function isDataError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

export async function runImport(node: NodeContext, lines: AsyncIterable<RawLine>, opts: ImportOptions, ctx: ImportRunContext): Promise<ImportSummary> {
  const started = performance.now();
  const db = node.database.db;
  const batchLines = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_LINES);
  const counts = ctx.counts ?? emptyCounts();
  const known = await KnownRegistry.load(db);
  let committed: Position = ctx.start;
  let batch = new PendingBatch(ctx.start);
  let interrupted = false;

  const reject = (r: Rejection, into: ImportCounts = counts) => {
    into.rejected++;
    if (r.type) into.byType[r.type].rejected++;
    opts.onReject?.(r);
  };

  // Writes entries in one transaction ending at `end`; on a data error splits
  // them in halves until the offending line is alone, and rejects it.
  const write = async (entries: BatchEntry[], end: Position): Promise<void> => {
    const next = structuredClone(counts);
    const late: Rejection[] = [];
    try {
      await db.transaction().execute(async (trx) => {
        if (ctx.skipRowChecks) await skipRowChecksInTransaction(trx);
        const out = await writeRecordBatch(trx, toRecordBatch(entries), { fresh: ctx.fresh });
        for (const [type, c] of Object.entries(out.counts) as [RecordType, typeof out.counts.person][]) {
          next.byType[type].imported += c.inserted;
          next.byType[type].updated += c.updated;
          next.byType[type].unchanged += c.unchanged;
          next.imported += c.inserted;
          next.updated += c.updated;
          next.unchanged += c.unchanged;
        }
        const lineOf = new Map(entries.map((e) => [e.line.value, e.lineNo]));
        for (const a of out.missingSubject) {
          late.push({
            line: lineOf.get(a) ?? 0,
            type: 'alert',
            ref: a.ref,
            errors: [{ path: 'subject/ref', message: `no ${a.subjectType} with ref "${a.record.subject.ref}" in source "${a.subjectSourceId}"; import it before the alert` }],
          });
          next.rejected++;
          next.byType.alert.rejected++;
        }
        if (ctx.fileKey) await advanceRun(trx, ctx.fileKey, end, next);
      });
    } catch (e) {
      if (!isDataError(e)) throw e;
      if (entries.length === 1) {
        const only = entries[0]!;
        const issues: FieldIssue[] = [{ path: '(record)', message: `refused by the database: ${(e as Error).message}` }];
        // Alone in its own transaction, so that the marker still advances past it.
        await write([], end);
        reject({ line: only.lineNo, type: only.line.type, ref: refOfLine(only.line), errors: issues });
        return;
      }
      const mid = entries.length >> 1;
      const left = entries.slice(0, mid);
      const lastLeft = left[left.length - 1]!;
      await write(left, { lines: lastLeft.lineNo, bytes: lastLeft.endByte });
      await write(entries.slice(mid), end);
      return;
    }
    Object.assign(counts, next);
    for (const r of late) opts.onReject?.(r);
  };

  const flush = async () => {
    if (batch.consumed === 0) return;
    await timePhase('write batches (transactions)', () => write(batch.entries, batch.end));
    committed = batch.end;
    batch = new PendingBatch(committed);
    opts.onCommit?.({ lines: committed.lines, bytes: committed.bytes });
  };

  const pool = opts.workers && opts.workers > 0 ? new PreparePool(opts.workers) : undefined;
  try {
    for await (const { raw, result: r } of preparedStream(lines, opts.source, { pool, aheadLines: batchLines + 1000 })) {
      counts.read++;
      if (!r.ok) reject({ line: raw.lineNo, type: r.type, ref: r.ref, errors: r.issues });
      else {
        const refIssues = known.check(r.line);
        if (refIssues.length) reject({ line: raw.lineNo, type: r.line.type, ref: refOfLine(r.line), errors: refIssues });
        else {
          if (batch.holds(r.line)) await flush();
          batch.add({ line: r.line, lineNo: raw.lineNo, endByte: raw.endByte });
          known.learn(r.line);
        }
      }
      batch.consumed++;
      batch.end = { lines: raw.lineNo, bytes: raw.endByte };
      if (opts.onProgress && counts.read % 500 === 0) opts.onProgress({ lines: raw.lineNo, bytes: raw.endByte });
      if (batch.consumed >= batchLines) await flush();
      if (opts.signal?.aborted) {
        interrupted = true;
        break;
      }
    }
    await flush();
  } finally {
    await pool?.close();
  }
  return {
    ...counts,
    seconds: (performance.now() - started) / 1000,
    committedLine: committed.lines,
    ...(ctx.resumedFromLine !== undefined ? { resumedFromLine: ctx.resumedFromLine } : {}),
    interrupted,
  };
}
