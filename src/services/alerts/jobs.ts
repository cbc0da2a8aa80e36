// Background jobs of the alerts area (registered in src/services/jobs.ts).
import type { BackgroundJob } from '../jobs.ts';

export const alertJobs: BackgroundJob[] = [];
