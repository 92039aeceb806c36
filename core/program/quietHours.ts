import { DateTime } from 'luxon';
import type { ProgramRules } from '../program/programRules.ts';

type QuietHours = ProgramRules['quietHours'];

/**
 * The first moment at or after `at` outside the quiet hours, in the
 * programme's time zone: a question due at 22:30 waits for 09:00. The window
 * may wrap midnight (21:00–09:00) or not (13:00–14:00); `from` equal to `to`
 * means no quiet hours.
 */
export function afterQuietHours(at: Date, timezone: string, quiet: QuietHours): Date {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return at;
  const local = DateTime.fromJSDate(at, { zone: timezone });
  const now = local.hour * 60 + local.minute;
  const wraps = from > to;
  const quietNow = wraps ? now >= from || now < to : now >= from && now < to;
  if (!quietNow) return at;
  const day = wraps && now >= from ? local.plus({ days: 1 }) : local;
  return day.set({ hour: Math.floor(to / 60), minute: to % 60, second: 0, millisecond: 0 }).toJSDate();
}

/** The programme-local calendar day of a moment, `YYYY-MM-DD`. */
export function localDay(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toISODate()!;
}

/** The start of the programme-local day after the one `at` falls in. */
export function startOfNextDay(at: Date, timezone: string): Date {
  return DateTime.fromJSDate(at, { zone: timezone }).plus({ days: 1 }).startOf('day').toJSDate();
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}
