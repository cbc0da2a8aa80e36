// Background jobs of the audit area (registered in src/services/jobs.ts).
import type { BackgroundJob } from '../jobs.ts';

export const auditJobs: BackgroundJob[] = [];
