// `pontis import FILE`: loads authorities, sources, persons, objects and
// alerts from JSON Lines (the shapes `pontis generate` writes) or CSV, in
// batches of one transaction each. Re-running is idempotent; after a crash
// or Ctrl-C the same command resumes after the last committed batch.
import { createWriteStream, existsSync, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { OBJECT_KINDS } from '../../domain/object.ts';
import { openNode } from '../../services/node.ts';
import { createLogger } from '../../services/logger.ts';
import { createProgressBar, formatRejection, formatSummary, importFile, type ImportFormat, type ProgressBar } from '../../services/import/index.ts';
import { CsvHeaderError } from '../../services/import/csv-reader.ts';
import { writeTimings } from '../../services/records/write-batch.ts';
import { ValidationError } from '../../domain/errors.ts';
import { intOption, UsageError } from '../errors.ts';

/** The embedded page cache of an import unless PONTIS_EMBEDDED_SHARED_BUFFERS says otherwise (PGlite's own default): see where the node is opened. */
const IMPORT_SHARED_BUFFERS = '128MB';

interface ImportCliOptions {
  data: string;
  database?: string;
  source?: string;
  kind?: string;
  format?: ImportFormat;
  batch: number;
  rejects?: string;
  restart?: boolean;
  bulk?: boolean;
  json?: boolean;
  progress: boolean;
}

const HELP = `
Formats
  JSON Lines (.jsonl, .ndjson): one object per line with "type" authority,
  source, person, object or alert, as written by \`pontis generate\`.
  CSV (.csv), UTF-8 with a header; the header decides what the rows are:
    persons  id,given_names,surname,birth_date,sex,nationality,place_of_birth,
             document_number,address  (all but id optional; optional
             document_type, document_country; nationalities separated by ;)
    objects  ref (or id), kind (or --kind, or inferred from the identifier
             column present), and the object's fields in snake_case: vin,
             plate, plate_country, make, model, colour, serial, calibre,
             document_type, number, issuing_country, state, expiry, iban,
             holder, bic, description, inventory_number, images (;-separated)
    alerts   ref (or id), category, subject_ref, subject_type (person or
             object; default person), subject_source (default: the alert's
             source), action, expires_at, and optionally reason, crime_area,
             legal_basis, protective_measures, handling_code, valid_from,
             review_at, status, links (;-separated alert refs)
  CSV rows need --source (or a source column) naming an existing source.

Rejected lines are reported with line number, field and reason, on stderr
or as JSON Lines in --rejects FILE; nothing of a rejected line is stored.
Exit status: 0 all lines imported, 3 some lines rejected, 130 interrupted
(rerun the same command to continue), 2 bad usage, 1 other failure.`;

export function register(program: Command): void {
  program
    .command('import')
    .description('Import persons, documents, objects and alerts from JSON Lines or CSV (idempotent, resumable)')
    .argument('<file>', 'JSON Lines or CSV file')
    .option('--data <dir>', 'data directory of the embedded store', process.env.PONTIS_DATA ?? './data')
    .option('--database <url>', 'PostgreSQL URL (postgres://…); default: embedded store in --data', process.env.PONTIS_DATABASE_URL)
    .option('--source <id>', 'source of CSV rows and of lines that name none')
    .option('--kind <kind>', `object kind of CSV rows without a kind column (${OBJECT_KINDS.join(', ')})`)
    .option('--format <format>', 'jsonl or csv (default: from the extension, else the content)')
    .option('--batch <n>', 'lines per transaction', intOption('--batch', 1, 1_000_000), 5000)
    .option('--rejects <file>', 'write rejected lines as JSON Lines to FILE instead of stderr')
    .option('--restart', 'start from the top even if an interrupted import of this file exists')
    .option('--bulk', 'initial-load mode: build the person search indexes once at the end (default for files ≥ 32 MiB into a store without persons)')
    .option('--no-bulk', 'keep the person search indexes up to date line by line')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText('after', HELP)
    .action(async (file: string, opts: ImportCliOptions) => {
      if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
      if (opts.format && opts.format !== 'jsonl' && opts.format !== 'csv') throw new UsageError(`--format must be jsonl or csv, got "${opts.format}"`);
      if (opts.kind && !(OBJECT_KINDS as readonly string[]).includes(opts.kind)) throw new UsageError(`--kind must be one of ${OBJECT_KINDS.join(', ')}, got "${opts.kind}"`);
      const node = await openNode({
        dataDir: opts.data,
        databaseUrl: opts.database,
        // A load streams through the embedded page cache: PGlite's 128 MB loaded a million
        // persons as fast as the 1 GB a serving node gets (112.6 against 116.4 s), in 0.9 GB less memory.
        sharedBuffers: IMPORT_SHARED_BUFFERS,
        logger: createLogger({ level: process.env.PONTIS_LOG_LEVEL ? undefined : 'warn' }),
      });
      const showProgress = opts.progress && process.stderr.isTTY === true;
      let bar: ProgressBar | undefined;
      let rejectsOut: WriteStream | undefined;
      const controller = new AbortController();
      const onSigint = () => {
        if (controller.signal.aborted) {
          process.stderr.write('\npontis: interrupted again; stopping now, the batch in progress is rolled back\n');
          process.exit(130);
        }
        bar?.done();
        process.stderr.write('pontis: stopping after the batch in progress (Ctrl-C again to stop at once)\n');
        controller.abort();
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      try {
        const summary = await importFile(node, file, {
          source: opts.source,
          kind: opts.kind,
          format: opts.format,
          batchSize: opts.batch,
          restart: opts.restart,
          bulk: opts.bulk,
          signal: controller.signal,
          onStart: (info) => {
            if (opts.rejects) rejectsOut = createWriteStream(opts.rejects, { flags: info.resumedFromLine ? 'a' : 'w' });
            if (info.resumedFromLine) process.stderr.write(`pontis: resuming an interrupted import of ${file} after line ${info.resumedFromLine.toLocaleString('en-GB')}\n`);
            if (showProgress) bar = createProgressBar(process.stderr, info.totalBytes, info.resumedFromByte ?? 0, info.resumedFromLine ?? 0);
          },
          onIndexing: () => {
            bar?.done();
            if (showProgress) process.stderr.write('pontis: building the search indexes and statistics of the initial load …\n');
          },
          onProgress: (p) => bar?.update(p),
          onCommit: (p) => node.logger.debug('import batch committed', { file, line: p.lines, byte: p.bytes }),
          onReject: (r) => {
            if (rejectsOut) rejectsOut.write(JSON.stringify(r) + '\n');
            else {
              bar?.done();
              process.stderr.write(formatRejection(r) + '\n');
            }
          },
        });
        bar?.done();
        if (rejectsOut) await new Promise<void>((r) => rejectsOut!.end(r));
        if (process.env.PONTIS_IMPORT_TIMINGS) process.stderr.write(`write ms by type: ${JSON.stringify(writeTimings)}\n`);
        if (opts.json) process.stdout.write(JSON.stringify(summary) + '\n');
        else process.stdout.write(formatSummary(summary) + '\n');
        if (rejectsOut && summary.rejected) process.stderr.write(`pontis: ${summary.rejected} rejected line(s) listed in ${opts.rejects}\n`);
        await node.close();
        process.exitCode = summary.interrupted ? 130 : summary.rejected > 0 ? 3 : 0;
      } catch (e) {
        bar?.done();
        await node.close().catch(() => {});
        if (e instanceof CsvHeaderError) throw new ValidationError(`${file}: the CSV header cannot be used`, e.issues);
        throw e;
      } finally {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
      }
    });
}
