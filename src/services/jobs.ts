// Background jobs of a running node (alert expiry, retention, message
// delivery, audit checkpoints). Each area registers its job here.
import type { NodeContext } from './context.ts';
import { alertJobs } from './alerts/jobs.ts';
import { exchangeJobs } from './exchange/jobs.ts';
import { auditJobs } from './audit/jobs.ts';
import { identityJobs } from './identity/jobs.ts';

export interface BackgroundJob {
  name: string;
  intervalMs: number;
  run(node: NodeContext): Promise<void>;
}

const JOBS: BackgroundJob[] = [...alertJobs, ...identityJobs, ...exchangeJobs, ...auditJobs];

export function startBackgroundJobs(node: NodeContext, jobs: BackgroundJob[] = JOBS): { stop(): void } {
  const timers = jobs.map((job) => {
    let running = false;
    const tick = async () => {
      if (running) return; // never overlap a slow run with the next
      running = true;
      try {
        await job.run(node);
      } catch (err) {
        node.logger.error('background job failed', { job: job.name, err });
      } finally {
        running = false;
      }
    };
    return setInterval(tick, job.intervalMs);
  });
  return { stop: () => timers.forEach(clearInterval) };
}
