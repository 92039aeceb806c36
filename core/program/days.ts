/** One day in milliseconds. Calendar days ("today", birthdays) go through the programme's time zone instead. */
export const DAY_MS = 86_400_000;

/** `days` whole days of 24 hours after `at`. */
export function daysAfter(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}
