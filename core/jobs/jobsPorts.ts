import type { Translator } from '../i18n/translator.ts';
import type { Logger } from '../logger.ts';
import type { Notification } from '../outbox/outboxPorts.ts';
import type { ProgramRules } from '../program/programRules.ts';
import type { ProgramSettings } from '../settings/programSettings.ts';

/**
 * A job that runs on a schedule, declared by the capability it belongs to
 * (points expiry, birthday greetings, desk re-announcements…) and handed to
 * the scheduler by the composition root. Every run must be idempotent: two
 * instances, or one running twice, change things once.
 */
export interface ScheduledJob {
  /** Unique; also the key under which a run is claimed in the database. */
  name: string;
  run(now: Date): Promise<unknown>;
}

/** The claims on job runs that keep several instances from doing one run twice. */
export interface JobRuns {
  /**
   * Claims the run of `job` until `until`: a conditional update, so of several
   * instances asking at once exactly one gets it. False while another holds it.
   */
  claimRun(job: string, now: Date, until: Date): Promise<boolean>;
}

/** What every scheduled job is built from, besides its own capability's store. */
export interface JobDeps {
  translator: Translator;
  settings: Pick<ProgramSettings, 'timezone'>;
  loadRules: () => Promise<ProgramRules>;
  log: Logger;
  /** Rows read per page of a scan; small pages keep each query short. */
  batchSize?: number;
}

/** One page of a scan; `next` continues it, null when the scan is complete. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** A message for the outbox that is not to be delivered before `notBefore`. */
export type ScheduledNotification = Notification & { notBefore: Date };
