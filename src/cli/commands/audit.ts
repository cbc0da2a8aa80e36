// `pontis audit`: verify the tamper-evident audit log, sign a checkpoint, export.
import type { Command } from 'commander';
import { openNode } from '../../services/node.ts';
import { verifyAuditLog } from '../../services/audit/verify.ts';
import { writeCheckpoint } from '../../services/audit/checkpoints.ts';
import { chainPending } from '../../services/audit/chainer.ts';
import { existingNodeKey } from '../../services/audit/node-key.ts';
import { csvHeader, csvRow, parseAuditFilter, streamAudit } from '../../services/audit/query.ts';
import { UsageError } from '../errors.ts';

interface StoreOpts {
  data: string;
  database?: string;
}

function storeOptions(cmd: Command): Command {
  return cmd
    .option('--data <dir>', 'data directory of the embedded store and node key', process.env.PONTIS_DATA ?? './data')
    .option('--database <url>', 'PostgreSQL URL (postgres://…)', process.env.PONTIS_DATABASE_URL);
}

function parseDate(name: string, v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const r = parseAuditFilter({ from: v });
  if (!r.from) throw new UsageError(`${name} must be an ISO date, got "${v}"`);
  return r.from;
}

export function register(program: Command): void {
  const audit = program.command('audit').description('The tamper-evident audit log');

  storeOptions(
    audit
      .command('verify')
      .description('Prove the audit log complete and unaltered since a signed checkpoint, or name the first entry where it is not (exit 1)')
      .option('--from <date>', 'verify from the last checkpoint at or before this date')
      .option('--read-only', 'do not chain pending entries first; they are then reported as not yet chained'),
  ).action(async (o: StoreOpts & { from?: string; readOnly?: boolean }) => {
    const from = parseDate('--from', o.from);
    const node = await openNode({ dataDir: o.data, databaseUrl: o.database });
    try {
      const key = existingNodeKey(node);
      const r = await verifyAuditLog(node.database, { from, key, postgresUrl: o.database, chainFirst: !o.readOnly });
      const start = r.anchor.kind === 'genesis' ? 'the first entry' : `the checkpoint at entry ${r.anchor.seq} (${r.anchor.at})`;
      if (!key) process.stderr.write('warning: no node key found (data dir keys/ or PONTIS_NODE_KEY_FILE); checkpoint signatures were not checked\n');
      if (r.ok) {
        process.stdout.write(`audit log intact: ${r.entriesChecked} entries checked from ${start} to entry ${r.lastSeq ?? 0}, ${r.checkpointsChecked} checkpoint(s) matched, in ${r.ms} ms\n`);
        if (r.lastHash) process.stdout.write(`head hash ${r.lastHash}\n`);
        if (r.pending > 0) process.stdout.write(`${r.pending} newer entr${r.pending === 1 ? 'y is' : 'ies are'} not yet chained and not covered by this check\n`);
      } else {
        process.stdout.write(`audit log NOT intact at entry ${r.failure!.seq}: ${r.failure!.reason}\n(${r.entriesChecked} entries checked from ${start} before the failure)\n`);
        process.exitCode = 1;
      }
    } finally {
      await node.close();
    }
  });

  storeOptions(audit.command('checkpoint').description('Sign a checkpoint of the newest entry with the node key now')).action(async (o: StoreOpts) => {
    const node = await openNode({ dataDir: o.data, databaseUrl: o.database });
    try {
      const cp = await writeCheckpoint(node);
      process.stdout.write(cp ? `checkpoint at entry ${cp.seq}, hash ${cp.hash.toString('hex')}, key ${cp.keyId}\n` : 'the audit log is empty; nothing to sign\n');
    } finally {
      await node.close();
    }
  });

  storeOptions(
    audit
      .command('export')
      .description('Write matching entries to stdout, oldest first')
      .option('--format <format>', 'jsonl or csv', 'jsonl')
      .option('--person <id>', 'a person record id (with their identity cluster)')
      .option('--user <name>', 'username, user id or token id')
      .option('--case <ref>', 'case reference')
      .option('--from <date>', 'from (inclusive)')
      .option('--to <date>', 'to (exclusive)'),
  ).action(async (o: StoreOpts & { format: string; person?: string; user?: string; case?: string; from?: string; to?: string }) => {
    if (o.format !== 'jsonl' && o.format !== 'csv') throw new UsageError(`--format must be jsonl or csv, got "${o.format}"`);
    const filter = parseAuditFilter({ person: o.person, user: o.user, case: o.case, from: o.from, to: o.to });
    const node = await openNode({ dataDir: o.data, databaseUrl: o.database });
    try {
      // Chained entries carry their hash in the export; pending ones would show none.
      await chainPending(node.database.db);
      if (o.format === 'csv') process.stdout.write(csvHeader());
      for await (const batch of streamAudit(node.database, filter)) {
        process.stdout.write(batch.map((e) => (o.format === 'csv' ? csvRow(e) : JSON.stringify(e) + '\n')).join(''));
      }
    } finally {
      await node.close();
    }
  });
}
