import { DateTime } from 'luxon';
import type { AutomationKind } from './automations.ts';

/** Who an automatic message is for at one moment, as storage asks it. */
export type TriggerQuery =
  | { kind: 'joined'; ranges: Array<{ atLeast: Date; before: Date }> }
  | { kind: 'lapsed'; lastPurchaseBefore: Date; notMessagedSince: Date };

/** The earliest year a programme could have had members; anniversaries are looked for from here. */
const FIRST_YEAR = 2000;

/**
 * The members a trigger picks now, on the programme's calendar, and the
 * round that makes each one's message once: the welcome series once ever,
 * win-back once a day at most (and once in its days by the query), the
 * anniversary once a year. The welcome series looks one day back too, so a
 * day the job could not run delays a welcome instead of losing it.
 */
export function automationAudience(
  kind: AutomationKind,
  days: number,
  now: Date,
  timezone: string,
): { query: TriggerQuery; round: string } {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  if (kind === 'win-back') {
    const since = DateTime.fromJSDate(now).minus({ days }).toJSDate();
    return { query: { kind: 'lapsed', lastPurchaseBefore: since, notMessagedSince: since }, round: today.toISODate()! };
  }
  if (kind === 'anniversary')
    return { query: { kind: 'joined', ranges: anniversaries(today) }, round: String(today.year) };
  const after = Number(kind.slice('welcome-'.length));
  const ranges = [
    { atLeast: today.minus({ days: after + 1 }).toJSDate(), before: today.minus({ days: after - 1 }).toJSDate() },
  ];
  return { query: { kind: 'joined', ranges }, round: '' };
}

/** This local day in every earlier year; on 28 February of a common year, 29 February of leap years too. */
function anniversaries(today: DateTime): Array<{ atLeast: Date; before: Date }> {
  const days: DateTime[] = [];
  for (let year = FIRST_YEAR; year < today.year; year += 1) {
    const same = today.set({ year });
    if (same.month === today.month && same.day === today.day) days.push(same);
    if (today.month === 2 && today.day === 28 && !today.isInLeapYear) {
      const leapDay = DateTime.fromObject({ year, month: 2, day: 29 }, { zone: today.zone });
      if (leapDay.isValid) days.push(leapDay);
    }
  }
  return days.map((day) => ({ atLeast: day.toJSDate(), before: day.plus({ days: 1 }).toJSDate() }));
}
