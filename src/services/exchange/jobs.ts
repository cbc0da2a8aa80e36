// Background jobs of the exchange area (registered in src/services/jobs.ts).
import type { BackgroundJob } from '../jobs.ts';

export const exchangeJobs: BackgroundJob[] = [];
