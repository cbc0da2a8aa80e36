// Background jobs of the identity area (registered in src/services/jobs.ts):
// persons added or changed since the last run are checked for multiple identities.
import type { BackgroundJob } from '../jobs.ts';
import { detectNewMultipleIdentities } from './detect.ts';

export const identityJobs: BackgroundJob[] = [
  { name: 'identity-detection', intervalMs: 15 * 60_000, run: async (node) => void (await detectNewMultipleIdentities(node)) },
];
