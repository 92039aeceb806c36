import type { ProgramRules } from '../core/program/programRules.ts';
import type { Translator } from '../core/i18n/translator.ts';
import type { Logger } from '../core/logger.ts';
import type { DeskDeps } from '../core/desk/deskPorts.ts';
import { runScheduledJobs, type JobOutcome } from '../core/jobs/runScheduledJobs.ts';
import type { ProgramSettings } from '../core/settings/programSettings.ts';
import type { ScheduledJob } from '../core/jobs/jobsPorts.ts';
import { deskJobs } from '../core/desk/deskJobs.ts';
import { surveysJobs } from '../core/surveys/surveysJobs.ts';
import { createSurveyStore } from '../core/storage/surveys/createSurveyStore.ts';
import { membersJobs } from '../core/members/membersJobs.ts';
import { pointsJobs } from '../core/points/pointsJobs.ts';
import { quizJobs } from '../core/quizzes/quizJobs.ts';
import { createQuizCloseStore } from '../core/storage/quizzes/createQuizCloseStore.ts';
import { createJobRuns } from '../core/storage/jobs/createJobRuns.ts';
import { createExpiryStore } from '../core/storage/points/createExpiryStore.ts';
import { createBirthdayStore } from '../core/storage/members/createBirthdayStore.ts';
import type { Database } from '../core/storage/db/openDatabase.ts';
import { campaignsJobs } from '../core/campaigns/campaignsJobs.ts';
import { campaignDepsOf } from './campaigns.ts';
import { contestJobs } from '../core/contests/contestJobs.ts';
import { createContestCloseStore } from '../core/storage/contests/createContestCloseStore.ts';
import { drawsJobs } from '../core/contests/draws/drawsJobs.ts';
import { drawDepsOf } from './draws.ts';
import { prizesOf } from './prizes.ts';
import { scoringJobs } from '../core/scoring/scoringJobs.ts';
import { createScoreStore } from '../core/storage/scoring/createScoreStore.ts';
import { backupJobs, type BackupSchedule } from '../core/backup/backupJobs.ts';

export interface SchedulerOptions {
  /** Time between the end of one run and the start of the next; 0 switches the scheduler off. */
  intervalMs: number;
  /** Delay before the first run (default: one second, so start-up is not slowed down). */
  firstRunAfterMs?: number;
}

export interface Scheduler {
  /** Runs every job once at the clock's current time (what a timer tick does). */
  runNow(): Promise<JobOutcome[]>;
  /** No further runs; resolves when a run under way has finished. */
  stop(): Promise<void>;
}

export interface SchedulerDeps {
  translator: Translator;
  settings: ProgramSettings;
  clock: () => Date;
  log: Logger;
  /** The programme rules as they stand (stored, over the configured defaults). */
  loadRules: () => Promise<ProgramRules>;
  /** The staff desk, whose untaken tickets are announced again. */
  desk?: DeskDeps;
  /** The scheduled backup of the SQLite database (BACKUP_DIR); none by default. */
  backup?: BackupSchedule;
  /** Told what each run of the jobs came to (the metrics count runs and failures). */
  onOutcomes?: (outcomes: JobOutcome[]) => void;
}

/**
 * Runs the scheduled jobs (expiry sweep, expiry reminders, birthday
 * greetings, desk re-announcements, quizzes closing, surveys asked, expired
 * and followed up, campaigns started and fanned out) every `intervalMs`, on every instance: each job claims its run
 * in the database, so one instance per interval does the work, and the jobs
 * are idempotent should two ever overlap. Runs never overlap on one instance.
 */
export function startScheduler(db: Database, deps: SchedulerDeps, options: SchedulerOptions): Scheduler {
  const jobs = scheduledJobsOf(db, deps);
  const runs = createJobRuns(db);
  // A little shorter than the interval, so this instance's next tick always finds its own lease expired.
  const leaseMs = Math.max(1, Math.floor(options.intervalMs * 0.9));
  const runNow = async () => {
    const outcomes = await runScheduledJobs(jobs, runs, deps.log, deps.clock(), leaseMs);
    deps.onOutcomes?.(outcomes);
    return outcomes;
  };
  if (options.intervalMs <= 0) return { runNow, stop: async () => {} };
  return loop(runNow, deps.log, options.intervalMs, options.firstRunAfterMs ?? 1_000);
}

/**
 * Every capability's scheduled jobs, in the order a run takes them: adding a
 * job is one line here and a `…Jobs.ts` in its capability.
 */
export function scheduledJobsOf(db: Database, deps: Omit<SchedulerDeps, 'clock'>): ScheduledJob[] {
  const common = { translator: deps.translator, settings: deps.settings, loadRules: deps.loadRules, log: deps.log };
  return [
    ...pointsJobs({ ...common, expiry: createExpiryStore(db) }),
    ...membersJobs({ ...common, birthdays: createBirthdayStore(db) }),
    ...(deps.desk ? deskJobs(deps.desk, deps.translator) : []),
    ...quizJobs({ ...common, quizzes: createQuizCloseStore(db) }),
    ...surveysJobs({ ...common, surveys: createSurveyStore(db), ...(deps.desk && { desk: deps.desk }) }),
    ...campaignsJobs(campaignDepsOf(db, common)),
    ...contestJobs({
      ...common,
      contests: createContestCloseStore(db),
      awardingAt: (now) => prizesOf(db, { ...common, clock: () => now }).awarding,
    }),
    ...drawsJobs((now) => {
      const clock = () => now;
      return drawDepsOf(db, prizesOf(db, { ...common, clock }).awarding, clock, deps.log);
    }),
    ...scoringJobs({ ...common, scores: createScoreStore(db) }),
    // Last, so the copy holds what this run's jobs wrote.
    ...(deps.backup ? backupJobs(deps.backup) : []),
  ];
}

function loop(run: () => Promise<JobOutcome[]>, log: Logger, intervalMs: number, firstRunAfterMs: number): Scheduler {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = run()
      // Each job's failure is logged by runScheduledJobs; this catches a failure around them (the clock…).
      .catch((error: unknown) => log.error({ err: error }, 'scheduled jobs could not run; the next tick tries again'))
      .finally(() => {
        if (!stopped) schedule(intervalMs);
      });
  };
  const schedule = (delay: number) => {
    timer = setTimeout(tick, delay);
    // The scheduler alone never keeps the process alive.
    timer.unref();
  };
  schedule(firstRunAfterMs);
  return {
    runNow: run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
