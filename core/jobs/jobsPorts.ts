import type { Locale } from '../i18n/locale.ts';
import type { Notification } from '../outbox/outboxPorts.ts';

/** A lot of points that expires soon, as a reminder needs it. */
export interface ExpiringLot {
  id: string;
  memberId: string;
  locale: Locale;
  /** Unspent points in the lot. */
  points: number;
  expiresAt: Date;
}

/** A member whose birthday is on one of the days asked for. */
export interface BirthdayMember {
  id: string;
  name: string;
  locale: Locale;
  /** When the birthday was entered or last changed; null for birthdays older than that record. */
  birthdaySetAt: Date | null;
}

export interface MonthDay {
  month: number;
  day: number;
}

/** One page of a scan; `next` continues it, null when the scan is complete. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** A message for the outbox that is not to be delivered before `notBefore`. */
export type ScheduledNotification = Notification & { notBefore: Date };

/** A birthday celebrated: the greeting, and the gift when the member earns one. */
export interface BirthdayGift {
  memberId: string;
  /** The year being celebrated, in the programme's time zone; the gift is once per year. */
  year: number;
  points: number;
  expiresAt: Date | null;
  greeting: ScheduledNotification;
  at: Date;
}

/**
 * The storage the scheduled jobs need; implemented in core/storage/jobs*.ts.
 * Every write is idempotent (a ledger idempotency key, an outbox dedupe key,
 * a conditional update), so two instances running the same job at once, or
 * one running it twice, change things once.
 */
export interface JobsStore {
  /** Members holding lots that expired by `now`, in id order after `after`. */
  membersWithExpiredLots(now: Date, after: string | null, limit: number): Promise<Page<string>>;
  /** Retires one member's expired lots; returns the points taken (0 when another run took them). */
  expireDue(memberId: string, now: Date): Promise<number>;
  /** Unspent lots expiring in (from, to] whose reminder was not written yet, in id order after `after`. */
  lotsToRemind(window: { from: Date; to: Date }, after: string | null, limit: number): Promise<Page<ExpiringLot>>;
  /** Writes a reminder once per dedupe key; false when it existed or the member cannot be reached. */
  remind(notification: ScheduledNotification, at: Date): Promise<boolean>;
  /** Members born on one of `days` not yet celebrated in `year`, in id order after `after`. */
  birthdaysOn(days: MonthDay[], year: number, after: string | null, limit: number): Promise<Page<BirthdayMember>>;
  /** Credits the gift and queues the greeting together; false when that year's birthday was celebrated before. */
  celebrate(gift: BirthdayGift): Promise<boolean>;
  /**
   * Claims the run of `job` until `until`: a conditional update, so of several
   * instances asking at once exactly one gets it. False while another holds it.
   */
  claimRun(job: string, now: Date, until: Date): Promise<boolean>;
}
