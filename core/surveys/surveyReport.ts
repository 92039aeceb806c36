import { DateTime } from 'luxon';
import {
  CSAT_SCORES,
  customerSatisfaction,
  netPromoterScore,
  NPS_SCORES,
  npsCountsOf,
  type SurveyKind,
} from './surveyScores.ts';
import type { NpsGroupBy, ReportRange, SurveyReports, Touchpoint } from './surveysPorts.ts';

export interface ScoreSummary {
  responses: number;
  distribution: { score: number; count: number }[];
}
export type NpsSummary = ScoreSummary & { nps: number | null; promoters: number; passives: number; detractors: number };
export type CsatSummary = ScoreSummary & { csat: number | null; satisfied: number };

export interface Report<S> {
  summary: S;
  asked: number;
  /** Of the questions asked in the range, the share answered in time; null when none was asked. */
  responseRate: number | null;
  groups: (S & { key: string | null })[];
}

export interface ReportQuery {
  /** When it starts and ends at programme-local midnights, `wholeDays` gives it its days. */
  range: ReportRange;
  groupBy: NpsGroupBy | null;
  touchpoint?: Touchpoint;
  store?: string;
}

/** The NPS report: the score, its three groups, the 0–10 distribution and the response rate, overall and per group. */
export async function npsReport(reports: SurveyReports, query: ReportQuery): Promise<Report<NpsSummary>> {
  return report(reports, 'nps', query, npsSummary);
}

/** The CSAT report (share of 4s and 5s), for one touch point or store, overall and per group. */
export async function csatReport(reports: SurveyReports, query: ReportQuery): Promise<Report<CsatSummary>> {
  return report(reports, 'csat', query, csatSummary);
}

async function report<S extends ScoreSummary>(
  reports: SurveyReports,
  kind: SurveyKind,
  query: ReportQuery,
  summarize: (distribution: number[]) => S,
): Promise<Report<S>> {
  const filter = {
    ...(query.touchpoint && { touchpoint: query.touchpoint }),
    ...(query.store && { store: query.store }),
  };
  const counts = await reports.scoreCounts({ kind, range: query.range, groupBy: query.groupBy, ...filter });
  const { asked, answered } = await reports.askedCounts({ kind, range: query.range, ...filter });
  const size = (kind === 'nps' ? NPS_SCORES.max : CSAT_SCORES.max) + 1;
  const total = new Array<number>(size).fill(0);
  const byKey = new Map<string | null, number[]>();
  for (const { key, score, count } of counts) {
    if (score < 0 || score >= size) continue;
    total[score]! += count;
    const bucket = query.groupBy === 'week' ? weekOf(key) : key;
    if (!byKey.has(bucket)) byKey.set(bucket, new Array<number>(size).fill(0));
    byKey.get(bucket)![score]! += count;
  }
  const groups = [...byKey.entries()].map(([key, distribution]) => ({ key, ...summarize(distribution) }));
  return {
    summary: summarize(total),
    asked,
    responseRate: asked === 0 ? null : round(answered / asked),
    groups: query.groupBy ? sortGroups(groups, query.groupBy) : [],
  };
}

function npsSummary(distribution: number[]): NpsSummary {
  const counts = npsCountsOf(distribution);
  return { nps: netPromoterScore(counts), ...counts, ...scoreSummary(distribution, NPS_SCORES.min) };
}

function csatSummary(distribution: number[]): CsatSummary {
  const satisfied = (distribution[4] ?? 0) + (distribution[5] ?? 0);
  return { csat: customerSatisfaction(distribution), satisfied, ...scoreSummary(distribution, CSAT_SCORES.min) };
}

function scoreSummary(distribution: number[], min: number): ScoreSummary {
  const scores = distribution.map((count, score) => ({ score, count })).filter(({ score }) => score >= min);
  return { responses: scores.reduce((sum, { count }) => sum + count, 0), distribution: scores };
}

/** The range with its programme-local days when it runs from midnight to midnight there. */
export function wholeDays(range: ReportRange, timezone: string): ReportRange {
  const from = DateTime.fromJSDate(range.from, { zone: timezone });
  const to = DateTime.fromJSDate(range.to, { zone: timezone });
  const midnight = (at: DateTime) => at.equals(at.startOf('day'));
  if (!midnight(from) || !midnight(to)) return range;
  return { ...range, days: { from: from.toISODate()!, to: to.toISODate()! } };
}

/** The Monday of a programme-local day's ISO week. */
function weekOf(day: string | null): string | null {
  return day === null ? null : DateTime.fromISO(day).startOf('week').toISODate();
}

/** Weeks and days in time order; the rest by how many answered, the unlabelled last. */
function sortGroups<G extends { key: string | null; responses: number }>(groups: G[], groupBy: NpsGroupBy): G[] {
  if (groupBy === 'week' || groupBy === 'day') return groups.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  return groups.sort(
    (a, b) =>
      Number(a.key === null) - Number(b.key === null) ||
      b.responses - a.responses ||
      (a.key ?? '').localeCompare(b.key ?? ''),
  );
}

function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}
