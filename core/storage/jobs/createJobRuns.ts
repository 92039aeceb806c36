import type { JobRuns } from '../../jobs/jobsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { claimRun } from './claimRun.ts';

/** The scheduler's `JobRuns` on Prisma: one lease row per job. */
export function createJobRuns(db: Database): JobRuns {
  return { claimRun: (job, now, until) => claimRun(db, job, now, until) };
}
