import { DateTime } from 'luxon';
import type { DayRange, InstantRange } from './analyticsPorts.ts';

/** A report's period on the programme's calendar, and the period of equal length just before it. */
export interface ReportPeriod {
  days: DayRange;
  instants: InstantRange;
  previous: { days: DayRange; instants: InstantRange };
}

export type PeriodOutcome = { ok: true; period: ReportPeriod } | { ok: false; reason: 'from-after-to' | 'too-long' };

/** A report covers at most three years of days. */
export const MAX_PERIOD_DAYS = 3 * 366;
/** Without `from` and `to`: the 30 days ending today. */
export const DEFAULT_PERIOD_DAYS = 30;

/**
 * The period a report asks for: `from` and `to` are programme-local days,
 * both included; `to` defaults to today, `from` to 29 days before `to`.
 */
export function reportPeriod(query: { from?: string; to?: string }, now: Date, timezone: string): PeriodOutcome {
  const day = (value: string) => DateTime.fromISO(value, { zone: timezone }).startOf('day');
  const to = query.to ? day(query.to) : DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const from = query.from ? day(query.from) : to.minus({ days: DEFAULT_PERIOD_DAYS - 1 });
  if (from > to) return { ok: false, reason: 'from-after-to' };
  const length = Math.round(to.diff(from, 'days').days) + 1;
  if (length > MAX_PERIOD_DAYS) return { ok: false, reason: 'too-long' };
  const before = from.minus({ days: 1 });
  return {
    ok: true,
    period: {
      ...span(from, to),
      previous: span(before.minus({ days: length - 1 }), before),
    },
  };
}

function span(from: DateTime, to: DateTime): { days: DayRange; instants: InstantRange } {
  return {
    days: { from: from.toISODate()!, to: to.toISODate()! },
    instants: { from: from.toJSDate(), to: to.plus({ days: 1 }).toJSDate() },
  };
}

/** The months a period's days fall in, `YYYY-MM`. */
export function monthsOf(days: DayRange): { from: string; to: string } {
  return { from: days.from.slice(0, 7), to: days.to.slice(0, 7) };
}
