import { z } from 'zod';
import { DateTime } from 'luxon';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { ApiProblem } from '../problem.ts';
import { analyticsSchemas } from '../analyticsView.ts';
import { cohortReport } from '../../core/analytics/cohortReport.ts';
import { ltvReport } from '../../core/analytics/ltvReport.ts';
import { overviewReport } from '../../core/analytics/overviewReport.ts';
import { monthsOf, reportPeriod, type ReportPeriod } from '../../core/analytics/reportPeriod.ts';

const day = z.iso.date();
const periodQuery = {
  from: day
    .optional()
    .meta({ description: 'First day (YYYY-MM-DD, programme time), included; default 29 days before `to`.' }),
  to: day
    .optional()
    .meta({ description: 'Last day (YYYY-MM-DD, programme time), included; default today. At most three years.' }),
};

/** The analytics reports (issue 13): the overview, cohort retention and lifetime value, read from the roll-ups. */
export function reportRoutes(deps: ApiDeps): ApiRoute[] {
  return [overviewRoute(deps), cohortsRoute(deps), ltvRoute(deps)];
}

function overviewRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/overview',
    operationId: 'getOverviewReport',
    tag: 'Reports',
    access: 'reports',
    query: z.strictObject(periodQuery),
    summary: "The programme's figures for a period, each beside the period of equal length before it",
    description:
      'Members, new and active members, repeat purchase rate, average check, purchases, revenue, points issued, redeemed and expired, the outstanding points liability in money, open tickets, median desk times, desk CSAT and NPS. Each figure is described in the schema; `change` is in percent.',
    example: { query: { from: '2026-03-01', to: '2026-03-31' } },
    responses: { 200: { description: 'The overview.', schema: analyticsSchemas.overview } },
    problems: [],
    handle: async ({ query }) => {
      const period = periodOf(query, deps);
      const rules = await deps.points.rules();
      const report = await overviewReport(
        {
          reads: deps.analytics,
          surveys: deps.surveys.reports,
          pointValue: rules.pointValue,
          timezone: deps.settings.timezone,
        },
        period,
      );
      return {
        status: 200,
        body: { period: period.days, previousPeriod: period.previous.days, currency: rules.currency, ...report },
      };
    },
  });
}

function cohortsRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/cohorts',
    operationId: 'getCohortReport',
    tag: 'Reports',
    access: 'reports',
    query: z.strictObject(periodQuery),
    summary: 'Cohort retention: of the members who joined in each month, the share who bought in each month since',
    description:
      'One cohort per month from the month of `from` to the month of `to`; each runs from its joining month (offset 0) to the current month.',
    example: { query: { from: '2026-01-01', to: '2026-03-31' } },
    responses: { 200: { description: 'The cohorts.', schema: analyticsSchemas.cohorts } },
    problems: [],
    handle: async ({ query }) => {
      const period = periodOf(query, deps);
      const thisMonth = DateTime.fromJSDate(deps.clock(), { zone: deps.settings.timezone }).toFormat('yyyy-MM');
      const last = thisMonth > period.days.to.slice(0, 7) ? thisMonth : period.days.to.slice(0, 7);
      const cohorts = await cohortReport(deps.analytics, monthsOf(period.days), last);
      return { status: 200, body: { period: period.days, cohorts } };
    },
  });
}

function ltvRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/ltv',
    operationId: 'getLtvReport',
    tag: 'Reports',
    access: 'reports',
    query: z.strictObject({
      ...periodQuery,
      groupBy: z.enum(['tier', 'joinMonth', 'enrolment']).optional().meta({
        description:
          'Also per current tier, per month of joining, or per enrolment (`chat`: members who chat, `till`: enrolled at a till and never chatted).',
      }),
    }),
    summary: 'Lifetime value: average monthly spend × average lifetime in months, and the programme’s effect',
    description:
      'Over the members who joined in the months of the period and bought. A lifetime runs from the first to the last month with a purchase, both counted. `effect` compares the average check and purchase frequency of members enrolled at a till before and after they joined in a chat (in the period), for those with purchases on both sides.',
    example: { query: { from: '2025-01-01', to: '2026-03-31', groupBy: 'tier' } },
    responses: { 200: { description: 'Lifetime value.', schema: analyticsSchemas.ltv } },
    problems: [],
    handle: async ({ query }) => {
      const period = periodOf(query, deps);
      const rules = await deps.points.rules();
      const report = await ltvReport(deps.analytics, {
        months: monthsOf(period.days),
        groupBy: query.groupBy ?? null,
        instants: period.instants,
      });
      return { status: 200, body: { period: period.days, currency: rules.currency, ...report } };
    },
  });
}

/** The period asked for, or a 400 that says, in the programme's language, what is wrong with it. */
function periodOf(query: { from?: string | undefined; to?: string | undefined }, deps: ApiDeps): ReportPeriod {
  const outcome = reportPeriod(
    { ...(query.from && { from: query.from }), ...(query.to && { to: query.to }) },
    deps.clock(),
    deps.settings.timezone,
  );
  if (outcome.ok) return outcome.period;
  const t = deps.translator.forLocale(deps.settings.defaultLocale);
  const detail = t(outcome.reason === 'from-after-to' ? 'analytics.period.fromAfterTo' : 'analytics.period.tooLong');
  return throwProblem(detail, outcome.reason === 'from-after-to' ? '/from' : '/to');
}

function throwProblem(detail: string, pointer: string): never {
  throw new ApiProblem('validation', detail, { errors: [{ location: 'query', pointer, detail }] });
}
