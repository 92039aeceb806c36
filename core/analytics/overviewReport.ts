import { csatReport, npsReport, wholeDays } from '../surveys/surveyReport.ts';
import type { SurveyReports } from '../surveys/surveysPorts.ts';
import type { AnalyticsReads, DayTotals, InstantRange } from './analyticsPorts.ts';
import { averageCheck, changeOf, median, pointsLiability, repeatPurchaseRate } from './figures.ts';
import type { ReportPeriod } from './reportPeriod.ts';

/** A figure for the period, for the period before, and the change between them in percent. */
export interface ComparedFigure {
  value: number | null;
  previous: number | null;
  change: number | null;
}

export const overviewFigureNames = [
  'members',
  'newMembers',
  'activeMembers30',
  'activeMembers90',
  'repeatPurchaseRate',
  'averageCheck',
  'purchases',
  'revenue',
  'pointsIssued',
  'pointsRedeemed',
  'pointsExpired',
  'pointsLiability',
  'openTickets',
  'medianFirstResponseMinutes',
  'medianResolutionMinutes',
  'deskCsat',
  'nps',
] as const;
export type OverviewFigureName = (typeof overviewFigureNames)[number];

export interface OverviewReport {
  figures: Record<OverviewFigureName, ComparedFigure>;
  /** Purchases and revenue of each day of the period that had any. */
  series: { day: string; purchases: number; revenue: number }[];
}

export interface OverviewDeps {
  reads: AnalyticsReads;
  surveys: SurveyReports;
  /** Minor units one point is worth (the programme rules' `pointValue`). */
  pointValue: number;
  /** The programme's time zone: the survey reports read their daily counts for whole local days. */
  timezone: string;
}

type Side = Omit<Record<OverviewFigureName, number | null>, 'pointsLiability' | 'openTickets'>;

/** The overview: every figure for the period beside the period before; liability and open tickets are as of now. */
export async function overviewReport(deps: OverviewDeps, period: ReportPeriod): Promise<OverviewReport> {
  const [current, previous] = await Promise.all([
    sideOf(deps, period.days, period.instants),
    sideOf(deps, period.previous.days, period.previous.instants),
  ]);
  const figures = Object.fromEntries(
    (Object.keys(current) as (keyof Side)[]).map((name) => [name, compared(current[name], previous[name])]),
  ) as Record<keyof Side, ComparedFigure>;
  const now = (value: number | null): ComparedFigure => ({ value, previous: null, change: null });
  const series = (await deps.reads.daySeries(period.days)).map(({ day, purchases, revenue }) => ({
    day,
    purchases,
    revenue,
  }));
  return {
    figures: {
      ...figures,
      pointsLiability: now(pointsLiability(await deps.reads.outstandingPoints(), deps.pointValue)),
      openTickets: now(await deps.reads.openTickets()),
    },
    series,
  };
}

async function sideOf(deps: OverviewDeps, days: { from: string; to: string }, instants: InstantRange): Promise<Side> {
  const { reads } = deps;
  const [totals, members, activity, desk, nps, csat] = await Promise.all([
    reads.dayTotals(days),
    reads.membersUpTo(days.to),
    reads.purchaseActivity(instants),
    deskTimes(reads, instants),
    npsReport(deps.surveys, { range: wholeDays(instants, deps.timezone), groupBy: null }),
    csatReport(deps.surveys, { range: wholeDays(instants, deps.timezone), groupBy: null, touchpoint: 'desk' }),
  ]);
  return {
    members,
    newMembers: totals.newMembers,
    activeMembers30: activity.active30,
    activeMembers90: activity.active90,
    repeatPurchaseRate: repeatPurchaseRate(activity.buyers, activity.repeatBuyers),
    ...moneyAndPoints(totals),
    ...desk,
    deskCsat: csat.summary.csat,
    nps: nps.summary.nps,
  };
}

function moneyAndPoints(totals: DayTotals) {
  return {
    averageCheck: averageCheck(totals.revenue, totals.purchases),
    purchases: totals.purchases,
    revenue: totals.revenue,
    pointsIssued: totals.pointsIssued,
    pointsRedeemed: totals.pointsRedeemed,
    pointsExpired: totals.pointsExpired,
  };
}

/** Median minutes from opening to the first answer, and to resolution, of the tickets opened in the range. */
async function deskTimes(reads: AnalyticsReads, range: InstantRange) {
  const tickets = await reads.ticketTimes(range);
  const minutes = (pick: (t: (typeof tickets)[number]) => Date | null) =>
    tickets.flatMap((t) => {
      const at = pick(t);
      return at ? [(at.getTime() - t.openedAt.getTime()) / 60_000] : [];
    });
  const rounded = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    medianFirstResponseMinutes: rounded(median(minutes((t) => t.firstResponseAt))),
    medianResolutionMinutes: rounded(median(minutes((t) => t.resolvedAt))),
  };
}

function compared(value: number | null, previous: number | null): ComparedFigure {
  return { value, previous, change: changeOf(value, previous) };
}
