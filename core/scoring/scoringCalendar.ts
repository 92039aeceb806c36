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

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Whole programme-local days from an instant to `asOf` (0 on the same day).
 * Scoring asks this of every buyer, so the zone's offset is looked up once
 * per hour of time (offsets change on the hour) instead of once per call.
 */
export function daysSince(asOf: Date, timezone: string): (then: Date) => number {
  const offsets = new Map<number, number>();
  const localDay = (at: Date) => {
    const hour = Math.floor(at.getTime() / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = DateTime.fromMillis(hour * HOUR_MS, { zone: timezone }).offset;
      offsets.set(hour, offset);
    }
    return Math.floor((at.getTime() + offset * 60_000) / DAY_MS);
  };
  const today = localDay(asOf);
  return (then) => Math.max(0, today - localDay(then));
}
