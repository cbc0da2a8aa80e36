// Background jobs of the alerts area (registered in src/services/jobs.ts).
import type { BackgroundJob } from '../jobs.ts';
import { expireAndPurgeAlerts } from './expiry.ts';

export const alertJobs: BackgroundJob[] = [
  { name: 'alert-expiry', intervalMs: 10 * 60_000, run: async (node) => void (await expireAndPurgeAlerts(node)) },
];
