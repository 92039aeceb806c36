import { DateTime } from 'luxon';
import type { ProgramRules } from '../program/programRules.ts';

/**
 * The instants the scoring rules count between, all on the programme's
 * calendar: the moment of scoring, a year back, and the last full months
 * the attachment rule looks at (the current month is never full).
 */
export interface ScoringWindows {
  asOf: Date;
  /** The programme-local day and month of `asOf`. */
  day: string;
  month: string;
  yearAgo: Date;
  /** Starts of the last `months` full months, oldest first, and the end of the newest (the current month's start). */
  monthStarts: Date[];
  monthsEnd: Date;
}

export function scoringWindows(asOf: Date, timezone: string, rules: Pick<ProgramRules, 'attachment'>): ScoringWindows {
  const local = DateTime.fromJSDate(asOf, { zone: timezone });
  const thisMonth = local.startOf('month');
  const months = rules.attachment.months;
  return {
    asOf,
    day: local.toISODate() ?? '',
    month: local.toFormat('yyyy-MM'),
    yearAgo: local.minus({ years: 1 }).toJSDate(),
    monthStarts: Array.from({ length: months }, (_, i) => thisMonth.minus({ months: months - i }).toJSDate()),
    monthsEnd: thisMonth.toJSDate(),
  };
}

/** Whole programme-local days from `then` to `asOf` (0 on the same day). */
export function daysBetween(then: Date, asOf: Date, timezone: string): number {
  const start = DateTime.fromJSDate(then, { zone: timezone }).startOf('day');
  const end = DateTime.fromJSDate(asOf, { zone: timezone }).startOf('day');
  return Math.max(0, Math.round(end.diff(start, 'days').days));
}
