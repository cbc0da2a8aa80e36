// Imports a JSON Lines or CSV file, resuming an interrupted import of the
// same file (same head, same size) after its last committed batch.
import { basename, extname } from 'node:path';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { NodeContext } from '../context.ts';
import { canSkipRowChecks, verifyReferences } from '../records/bulk-checks.ts';
import { fileIdentity } from './file-identity.ts';
import { readJsonLines } from './jsonl-reader.ts';
import { readCsvLines } from './csv-reader.ts';
import { completeRun, findRun, startRun } from './progress-marker.ts';
import { runImport, type ImportOptions } from './importer.ts';
import type { ImportSummary } from './summary.ts';
import { dropBulkLoadIndexes, ensureBulkLoadIndexes } from '../records/key-indexes.ts';
import { timePhase } from '../records/phase-timings.ts';
import { vacuumAfterLoad } from '../records/vacuum-after-load.ts';
import { reportImportTimings } from './timings-report.ts';

export type ImportFormat = 'jsonl' | 'csv';

export interface ImportFileOptions extends ImportOptions {
  format?: ImportFormat;
  /** Object kind for CSV files of objects without a `kind` column. */
  kind?: string;
  /** Start from the top even if an interrupted import of this file exists. */
  restart?: boolean;
  /**
   * Initial-load mode: write person_keys without its indexes and build them
   * once at the end. Default: on for files of 32 MiB or more into a store
   * without persons.
   */
  bulk?: boolean;
  /** Called once the starting point is known, before any line is read. */
  onStart?: (info: { totalBytes: number; resumedFromLine?: number; resumedFromByte?: number; bulk: boolean }) => void;
  /** Called when the lines are in and the search indexes of a bulk load are being built. */
  onIndexing?: () => void;
}

/** The format by extension, else by the first non-blank character (`{` = JSON Lines). */
export async function detectFormat(path: string): Promise<ImportFormat> {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.jsonl' || ext === '.ndjson' || ext === '.json') return 'jsonl';
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    const first = head.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
    return first === '{' ? 'jsonl' : 'csv';
  } finally {
    await fh.close();
  }
}

const BULK_MIN_BYTES = 32 * 2 ** 20;

async function storeHasPersons(node: NodeContext): Promise<boolean> {
  const [r] = await node.database.query<{ any: boolean }>('select exists (select 1 from persons) as any');
  return r!.any;
}

/**
 * Validation threads for a file. A worker pays off once a file takes more than
 * a few seconds; below that its start-up costs more than it saves. With the
 * embedded engine the database's thread (WebAssembly) does the writing and
 * keeps a core of its own; with PostgreSQL the server does the writing and
 * the main thread mostly waits, so validation takes every core.
 */
function defaultWorkers(node: NodeContext, size: number): number {
  const cores = availableParallelism();
  if (size <= 8 * 2 ** 20 || cores < 2) return 0;
  return node.database.engine === 'postgres' ? Math.min(4, cores) : Math.min(2, cores - 1);
}

export async function importFile(node: NodeContext, path: string, opts: ImportFileOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const format = opts.format ?? (await detectFormat(path));
  const { key, size } = await fileIdentity(path);
  const db = node.database.db;
  const run = await findRun(db, key);
  const resume = run && run.status === 'running' && !opts.restart && run.committedLines > 0 ? run : undefined;
  let bulk = resume?.bulk ?? false;
  if (!resume) {
    bulk = opts.bulk ?? (size >= BULK_MIN_BYTES && !(await storeHasPersons(node)));
    await startRun(db, { fileKey: key, fileName: basename(path), fileSize: size, format, bulk });
  }
  // Another bulk load may have crashed without its indexes; only a bulk load runs without them.
  if (bulk) await dropBulkLoadIndexes(db);
  else await ensureBulkLoadIndexes(db, { engine: node.database.engine });
  opts.onStart?.({ totalBytes: size, resumedFromLine: resume?.committedLines, resumedFromByte: resume?.committedBytes, bulk });
  const start = resume ? { lines: resume.committedLines, bytes: resume.committedBytes } : { lines: 0, bytes: 0 };
  const lines =
    format === 'jsonl'
      ? readJsonLines(path, { byte: start.bytes, line: start.lines })
      : readCsvLines(path, { source: opts.source, kind: opts.kind, afterLine: start.lines });
  const workers = opts.workers ?? defaultWorkers(node, size);
  const skipRowChecks = bulk && (await canSkipRowChecks(node.database));
  const summary = await timePhase('load lines', () =>
    runImport(node, lines, { ...opts, workers }, { start, counts: resume?.counts, fileKey: key, resumedFromLine: resume?.committedLines, fresh: bulk, skipRowChecks }),
  );
  if (bulk) {
    // Also when interrupted: a node must not be left searching without its indexes.
    opts.onIndexing?.();
    const check = skipRowChecks ? () => timePhase('after the load: reference check', () => verifyReferences(db)) : undefined;
    await timePhase('after the load: indexes and reference check', () => ensureBulkLoadIndexes(db, { engine: node.database.engine, alongside: check }));
    if (!summary.interrupted) await vacuumAfterLoad(node.database);
  }
  if (!summary.interrupted) await completeRun(db, key, summary);
  reportImportTimings(performance.now() - started);
  return { ...summary, seconds: (performance.now() - started) / 1000 };
}
