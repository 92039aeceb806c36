import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { validationProblem } from '../validateRequest.ts';
import { quadrantReport, rfmReport, stagesReport } from '../../core/scoring/scoreReports.ts';
import { scoreReportSchemas } from '../scoreReportView.ts';

const HOW = {
  stages:
    '1 first visit: joined, no purchase; 2 first purchase: one; 3 repeat visits: two or more; 4 attachment: at least `attachment.purchasesPerMonth` purchases in each of the last `attachment.months` full months (programme rules); 5 loyalty: attachment and, in the last year, a promoter or passive NPS answer and no detractor answer. Refunded purchases do not count.',
  quadrant:
    'Dick & Basu: attached = the newer of the latest NPS (7 or more) and the latest desk CSAT (4 or 5); buying often = purchases per month over the last 12 months at or above the median of members who bought in that year. true = attached and often, latent = attached and rarely, false = often and not attached, none = neither.',
  rfm: 'Recency (days since the last purchase), frequency (purchases) and monetary (lifetime spend) each scored 1–5 by quintile over members with a purchase (1 + ⌊5 × share of buyers below⌋); the segment comes from R and ⌈(F + M) / 2⌉ by the table in the README.',
};

/** The customer stages, the loyalty square and RFM segments, read from the daily scores (core/scoring/). */
export function scoreReportRoutes(deps: ApiDeps): ApiRoute[] {
  return [stagesRoute(deps), quadrantRoute(deps), rfmRoute(deps), refreshRoute(deps)];
}

function stagesRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/stages',
    operationId: 'getStagesReport',
    tag: 'Reports',
    access: 'reports',
    query: z.strictObject({
      from: z.iso
        .date()
        .optional()
        .meta({ description: 'First day of the trend (its month counts); default: 12 months before `to`.' }),
      to: z.iso
        .date()
        .optional()
        .meta({ description: 'Last day of the trend (its month counts); default: today, programme time.' }),
    }),
    summary: 'Customer stages: the funnel from first visit to loyalty, and each stage’s size by month',
    description: `The funnel is now (as of \`scoredOn\`); the trend is by month over \`from\`–\`to\`. ${HOW.stages}`,
    example: { query: { from: '2026-01-01', to: '2026-06-30' } },
    responses: { 200: { description: 'The report.', schema: scoreReportSchemas.stages } },
    problems: [],
    handle: async ({ query }) => {
      const months = monthsOf(query, deps);
      const [report, rules] = await Promise.all([stagesReport(deps.scores.reads, months), deps.points.rules()]);
      return { status: 200, body: { ...report, attachment: rules.attachment } };
    },
  });
}

function quadrantRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/quadrant',
    operationId: 'getQuadrantReport',
    tag: 'Reports',
    access: 'reports',
    summary: 'The loyalty square: true, latent, false and no loyalty, with a sample for a scatter',
    description: `As of \`scoredOn\`. ${HOW.quadrant}`,
    example: {},
    responses: { 200: { description: 'The report.', schema: scoreReportSchemas.quadrant } },
    problems: [],
    handle: async () => ({ status: 200, body: await quadrantReport(deps.scores.reads) }),
  });
}

function rfmRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/rfm',
    operationId: 'getRfmReport',
    tag: 'Reports',
    access: 'reports',
    summary: 'RFM segments: members, their share and their share of revenue',
    description: `As of \`scoredOn\`. ${HOW.rfm}`,
    example: {},
    responses: { 200: { description: 'The report.', schema: scoreReportSchemas.rfm } },
    problems: [],
    handle: async () => ({ status: 200, body: await rfmReport(deps.scores.reads) }),
  });
}

function refreshRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'POST',
    path: '/api/v1/reports/scores/refresh',
    operationId: 'refreshScores',
    tag: 'Reports',
    access: 'reports',
    summary: 'Recompute the stages, quadrants and RFM scores now',
    description:
      'Starts a scoring run in the background (it also runs once a day by itself). The reports show the new `scoredOn` once it has finished; on 100,000 members that takes seconds.',
    example: {},
    responses: {
      202: { description: 'The run started, or one was already under way.', schema: scoreReportSchemas.refresh },
    },
    problems: [],
    handle: async () => {
      // The day of the scores before this run: a run can finish before the answer is sent.
      const scoredOn = await deps.scores.reads.scoredOn();
      return { status: 202, body: { started: deps.scores.refresh.start(), scoredOn } };
    },
  });
}

/** The months the trend covers: `from`'s to `to`'s, programme time; by default the twelve up to this one. */
function monthsOf(query: { from?: string | undefined; to?: string | undefined }, deps: ApiDeps) {
  const today = DateTime.fromJSDate(deps.clock(), { zone: deps.settings.timezone });
  const to = query.to ? DateTime.fromISO(query.to) : today;
  const from = query.from ? DateTime.fromISO(query.from) : to.minus({ months: 11 });
  if (from > to) throw validationProblem([{ location: 'query', pointer: '/from', detail: 'must not be after `to`' }]);
  return { from: from.toFormat('yyyy-MM'), to: to.toFormat('yyyy-MM') };
}
