import type { AnalyticsReads } from '../../analytics/analyticsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import { dayTotals, daySeries, membersUpTo } from './dayReads.ts';
import { effectSides } from './effectReads.ts';
import { cohortCells, cohortSizes, lifetimes } from './monthReads.ts';
import { purchaseActivity, openTickets, outstandingPoints, ticketTimes } from './rawReads.ts';

/** The analytics reads on SQLite or PostgreSQL. */
export function createAnalyticsReads(db: Database): AnalyticsReads {
  return {
    dayTotals: (days) => dayTotals(db, days),
    daySeries: (days) => daySeries(db, days),
    membersUpTo: (day) => membersUpTo(db, day),
    purchaseActivity: (range) => purchaseActivity(db, range),
    outstandingPoints: () => outstandingPoints(db),
    openTickets: () => openTickets(db),
    ticketTimes: (range) => ticketTimes(db, range),
    cohortSizes: (months) => cohortSizes(db, months),
    cohortCells: (months) => cohortCells(db, months),
    lifetimes: (months, groupBy) => lifetimes(db, months, groupBy),
    effectSides: (range) => effectSides(db, range),
  };
}
