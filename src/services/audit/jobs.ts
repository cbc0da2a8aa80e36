// Background jobs of the audit area (registered in src/services/jobs.ts):
// chaining committed entries, signing a checkpoint of the chain, retention.
import type { BackgroundJob } from '../jobs.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { runRetention } from './retention.ts';
import { runChainJob } from './chainer.ts';

/** How often the node signs the head of the audit chain. */
export const CHECKPOINT_INTERVAL_MS = Number(process.env.PONTIS_AUDIT_CHECKPOINT_MS) > 0 ? Number(process.env.PONTIS_AUDIT_CHECKPOINT_MS) : 10 * 60_000;
/**
 * How often committed audit entries are linked into the hash chain: also the
 * window in which a pending entry deleted by a database administrator would
 * go unnoticed.
 */
export const CHAIN_INTERVAL_MS = Number(process.env.PONTIS_AUDIT_CHAIN_MS) > 0 ? Number(process.env.PONTIS_AUDIT_CHAIN_MS) : 1000;
export const RETENTION_INTERVAL_MS = 6 * 3600_000;

export const auditJobs: BackgroundJob[] = [
  { name: 'audit-chain', intervalMs: CHAIN_INTERVAL_MS, run: async (node) => void (await runChainJob(node.database)) },
  { name: 'audit-checkpoint', intervalMs: CHECKPOINT_INTERVAL_MS, run: async (node) => void (await writeCheckpoint(node)) },
  {
    name: 'retention',
    intervalMs: RETENTION_INTERVAL_MS,
    run: async (node) => {
      const s = await runRetention(node);
      node.logger.info('retention run', { ...s });
    },
  },
];
