import { DAY_MS } from '../program/days.ts';
import { DateTime } from 'luxon';
import type { MonthDay } from './membersPorts.ts';

/** A birthday entered or changed this recently earns no gift (README.md, "The programme": no bonus for a fresh birthday). */
export const FRESH_BIRTHDAY_DAYS = 30;

/** Whose birthday is today, "today" being decided in the programme's time zone. */
export interface BirthdayDay {
  /** The local year, which keys the once-a-year gift. */
  year: number;
  /** The birth dates celebrated today: 29 February joins 28 February in a year without it. */
  days: MonthDay[];
}

export function birthdaysToday(now: Date, timezone: string): BirthdayDay {
  const today = DateTime.fromJSDate(now, { zone: timezone });
  const days: MonthDay[] = [{ month: today.month, day: today.day }];
  if (today.month === 2 && today.day === 28 && !today.isInLeapYear) days.push({ month: 2, day: 29 });
  return { year: today.year, days };
}

/** A birthday earns its gift unless it was entered or changed within the last 30 days. */
export function earnsBirthdayGift(birthdaySetAt: Date | null, now: Date): boolean {
  return birthdaySetAt === null || now.getTime() - birthdaySetAt.getTime() >= FRESH_BIRTHDAY_DAYS * DAY_MS;
}
