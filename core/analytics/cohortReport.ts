import { DateTime } from 'luxon';
import type { AnalyticsReads } from './analyticsPorts.ts';
import { retentionShare } from './figures.ts';

/** One cohort: the members who joined in a month, and how many of them bought in each month since (month 0 is the joining month). */
export interface Cohort {
  joinMonth: string;
  members: number;
  months: { offset: number; month: string; buyers: number; share: number | null }[];
}

/**
 * Cohort retention for the members who joined in the months `from`..`to`:
 * each cohort's months run from its joining month to `lastMonth` (the
 * current month), a month with no buyer shown as 0.
 */
export async function cohortReport(
  reads: AnalyticsReads,
  months: { from: string; to: string },
  lastMonth: string,
): Promise<Cohort[]> {
  const [sizes, cells] = await Promise.all([reads.cohortSizes(months), reads.cohortCells(months)]);
  const buyers = new Map(cells.map((cell) => [`${cell.joinMonth}|${cell.month}`, cell.buyers]));
  const size = new Map(sizes.map((row) => [row.joinMonth, row.members]));
  return monthsBetween(months.from, months.to).map((joinMonth) => {
    const members = size.get(joinMonth) ?? 0;
    return {
      joinMonth,
      members,
      months: monthsBetween(joinMonth, lastMonth).map((month, offset) => {
        const count = buyers.get(`${joinMonth}|${month}`) ?? 0;
        return { offset, month, buyers: count, share: retentionShare(count, members) };
      }),
    };
  });
}

/** Every `YYYY-MM` from `first` to `last`, both included; empty when `last` is earlier. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let at = DateTime.fromISO(`${first}-01`); at.toFormat('yyyy-MM') <= last; at = at.plus({ months: 1 }))
    months.push(at.toFormat('yyyy-MM'));
  return months;
}
