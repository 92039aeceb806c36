import { greetBirthdays } from './greetBirthdays.ts';
import { reannounceTickets } from '../desk/reannounceTickets.ts';
import type { JobDeps } from './jobDeps.ts';
import { remindExpiringPoints } from './remindExpiringPoints.ts';
import { sweepExpiredPoints } from './sweepExpiredPoints.ts';

/** The scheduled jobs, in the order a run takes them: expired points go before reminders about the rest. */
export const scheduledJobs = {
  'expiry-sweep': sweepExpiredPoints,
  'expiry-reminders': remindExpiringPoints,
  birthdays: greetBirthdays,
  'desk-reannounce': (deps: JobDeps, now: Date) => (deps.desk ? reannounceTickets(deps.desk, deps.translator, now) : Promise.resolve(0)),
} satisfies Record<string, (deps: JobDeps, now: Date) => Promise<unknown>>;

export type JobName = keyof typeof scheduledJobs;

export type JobOutcome = { job: JobName } & ({ kind: 'done'; result: unknown } | { kind: 'skipped' } | { kind: 'failed'; error: unknown });

/**
 * One run of every job at `now`. Each job first claims its run for
 * `leaseMs` (a conditional update, so on several instances one of them
 * does the work and the others skip it); the jobs are idempotent anyway,
 * so a lease that ran out mid-run costs time, never a double effect. A
 * failing job is logged and does not stop the others.
 */
export async function runScheduledJobs(deps: JobDeps, now: Date, leaseMs: number): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  for (const job of Object.keys(scheduledJobs) as JobName[]) outcomes.push(await runJob(deps, job, now, leaseMs));
  return outcomes;
}

async function runJob(deps: JobDeps, job: JobName, now: Date, leaseMs: number): Promise<JobOutcome> {
  try {
    if (!(await deps.store.claimRun(job, now, new Date(now.getTime() + leaseMs)))) return { job, kind: 'skipped' };
    const result = await scheduledJobs[job](deps, now);
    if (hadEffect(result)) deps.log.info({ job, result }, 'scheduled job done');
    return { job, kind: 'done', result };
  } catch (error) {
    deps.log.error({ job, err: error }, 'scheduled job failed; the next run tries again');
    return { job, kind: 'failed', error };
  }
}

/** A run that changed nothing is not worth a log line every minute. */
function hadEffect(result: unknown): boolean {
  if (typeof result === 'number') return result > 0;
  return typeof result === 'object' && result !== null && Object.values(result).some((value) => typeof value === 'number' && value > 0);
}
