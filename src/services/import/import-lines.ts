// Imports lines that are already objects (the generator's output, the demo
// data, tests): the same validation and batching as a file, without a
// resume marker. Lines are numbered from 1 in the order given.
import type { NodeContext } from '../context.ts';
import { canSkipRowChecks, verifyReferences } from '../records/bulk-checks.ts';
import type { ImportLine } from '../../domain/import-record.ts';
import { runImport, type ImportOptions } from './importer.ts';
import { vacuumAfterLoad } from '../records/vacuum-after-load.ts';
import { dropBulkLoadIndexes, ensureBulkLoadIndexes } from '../records/key-indexes.ts';
import type { RawLine } from './raw-line.ts';
import type { ImportSummary } from './summary.ts';

async function* numbered(lines: AsyncIterable<ImportLine | unknown> | Iterable<ImportLine | unknown>): AsyncGenerator<RawLine> {
  let lineNo = 0;
  for await (const value of lines) {
    lineNo++;
    yield { lineNo, endByte: 0, parsed: { ok: true, value } };
  }
}

/** Lines are validated like file lines, so `unknown` input is accepted and checked. */
export async function importLines(
  node: NodeContext,
  lines: AsyncIterable<ImportLine> | Iterable<ImportLine> | AsyncIterable<unknown> | Iterable<unknown>,
  opts: ImportOptions & {
    /**
     * Initial-load mode: write person_keys without its indexes and build them
     * once at the end (also on failure). For loads into an empty store only.
     */
    bulk?: boolean;
  } = {},
): Promise<ImportSummary> {
  const db = node.database.db;
  const engine = node.database.engine;
  if (opts.bulk) await dropBulkLoadIndexes(db);
  else await ensureBulkLoadIndexes(db, { engine });
  const skipRowChecks = opts.bulk === true && (await canSkipRowChecks(node.database));
  let summary: ImportSummary;
  try {
    summary = await runImport(node, numbered(lines), opts, { start: { lines: 0, bytes: 0 }, fresh: opts.bulk, skipRowChecks });
  } catch (e) {
    // Also on failure: a node must not be left searching without its indexes.
    // The reference check runs only after a load that ran: a failed one reports its own error, not a check's.
    if (opts.bulk) await ensureBulkLoadIndexes(db, { engine });
    throw e;
  }
  if (opts.bulk) {
    await ensureBulkLoadIndexes(db, { engine, alongside: skipRowChecks ? () => verifyReferences(db) : undefined });
    if (!summary.interrupted) await vacuumAfterLoad(node.database);
  }
  return summary;
}
