import type { ScheduledJob } from '../jobs/jobsPorts.ts';
import { greetBirthdays } from './greetBirthdays.ts';
import type { BirthdayJobDeps } from './membersPorts.ts';

/** The members' scheduled jobs: birthday greetings and gifts. */
export function membersJobs(deps: BirthdayJobDeps): ScheduledJob[] {
  return [{ name: 'birthdays', run: (now) => greetBirthdays(deps, now) }];
}
