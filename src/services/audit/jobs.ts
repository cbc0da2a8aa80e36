// Background jobs of the audit area (registered in src/services/jobs.ts):
// signing a checkpoint of the chain, and retention.
import type { BackgroundJob } from '../jobs.ts';
import { writeCheckpoint } from './checkpoints.ts';
import { runRetention } from './retention.ts';

/** How often the node signs the head of the audit chain. */
export const CHECKPOINT_INTERVAL_MS = Number(process.env.PONTIS_AUDIT_CHECKPOINT_MS) > 0 ? Number(process.env.PONTIS_AUDIT_CHECKPOINT_MS) : 10 * 60_000;
export const RETENTION_INTERVAL_MS = 6 * 3600_000;

export const auditJobs: BackgroundJob[] = [
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
