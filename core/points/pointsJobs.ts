import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import type { ExpiryJobDeps } from './pointsPorts.ts';
import { remindExpiringPoints } from './remindExpiringPoints.ts';
import { sweepExpiredPoints } from './sweepExpiredPoints.ts';

/** The points engine's scheduled jobs: expired points go before reminders about the rest. */
export function pointsJobs(deps: ExpiryJobDeps): ScheduledJob[] {
  return [
    { name: 'expiry-sweep', run: (now) => sweepExpiredPoints(deps, now) },
    { name: 'expiry-reminders', run: (now) => remindExpiringPoints(deps, now) },
  ];
}
