import { DateTime } from 'luxon';

/** Messages the system sends on its own wait for the day: from 10:00 to 21:00 in the programme's zone. */
const DAY_STARTS = 10;
const DAY_ENDS = 21;

/**
 * When a message that can wait (a reminder) may be delivered: at once during
 * the day, otherwise at the next 10:00 in the programme's time zone.
 */
export function nextDecentMoment(now: Date, timezone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  if (local.hour < DAY_STARTS) return local.set({ hour: DAY_STARTS, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  if (local.hour >= DAY_ENDS)
    return local.plus({ days: 1 }).set({ hour: DAY_STARTS, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  return now;
}

/**
 * When a message that belongs to today (a birthday greeting) may be
 * delivered: not before 10:00 local time, but never pushed to tomorrow.
 */
export function laterToday(now: Date, timezone: string): Date {
  const local = DateTime.fromJSDate(now, { zone: timezone });
  if (local.hour >= DAY_STARTS) return now;
  return local.set({ hour: DAY_STARTS, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
