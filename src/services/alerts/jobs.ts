// Background jobs of the alerts area (registered in src/services/jobs.ts).
// The multiple-identity detection job rides along here because the job
// registry imports one list per area and this area owns identity too.
import type { BackgroundJob } from '../jobs.ts';
import { expireAndPurgeAlerts } from './expiry.ts';
import { detectNewMultipleIdentities } from '../identity/detect.ts';

export const alertJobs: BackgroundJob[] = [
  { name: 'alert-expiry', intervalMs: 10 * 60_000, run: async (node) => void (await expireAndPurgeAlerts(node)) },
  { name: 'identity-detection', intervalMs: 15 * 60_000, run: async (node) => void (await detectNewMultipleIdentities(node)) },
];
