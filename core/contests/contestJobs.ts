import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import { closeContests, type ContestJobDeps } from './closeContests.ts';

/** Contests whose voting closed are settled: prizes, and every participant told the result. */
export function contestJobs(deps: ContestJobDeps): ScheduledJob[] {
  return [{ name: 'contests-close', run: (now) => closeContests(deps, now) }];
}
