import type { Logger } from '../logger.ts';
import type { JobRuns, ScheduledJob } from './jobsPorts.ts';

export type JobOutcome = { job: string } & (
  { kind: 'done'; result: unknown } | { kind: 'skipped' } | { kind: 'failed'; error: unknown }
);

/**
 * One run of every job at `now`, in the order given. Each job first claims
 * its run for `leaseMs` (a conditional update, so on several instances one
 * of them does the work and the others skip it); the jobs are idempotent
 * anyway, so a lease that ran out mid-run costs time, never a double
 * effect. A failing job is logged and does not stop the others.
 */
export async function runScheduledJobs(
  jobs: readonly ScheduledJob[],
  runs: JobRuns,
  log: Logger,
  now: Date,
  leaseMs: number,
): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) outcomes.push(await runJob(job, runs, log, now, leaseMs));
  return outcomes;
}

async function runJob(job: ScheduledJob, runs: JobRuns, log: Logger, now: Date, leaseMs: number): Promise<JobOutcome> {
  const name = job.name;
  try {
    if (!(await runs.claimRun(name, now, new Date(now.getTime() + leaseMs)))) return { job: name, kind: 'skipped' };
    const result = await job.run(now);
    if (hadEffect(result)) log.info({ job: name, result }, 'scheduled job done');
    return { job: name, kind: 'done', result };
  } catch (error) {
    log.error({ job: name, err: error }, 'scheduled job failed; the next run tries again');
    return { job: name, kind: 'failed', error };
  }
}

/** A run that changed nothing is not worth a log line every minute. */
function hadEffect(result: unknown): boolean {
  if (typeof result === 'number') return result > 0;
  return (
    typeof result === 'object' &&
    result !== null &&
    Object.values(result).some((value) => typeof value === 'number' && value > 0)
  );
}
