import { DateTime } from 'luxon';
import { z } from 'zod';
import type { ApiDeps } from '../apiDeps.ts';
import { defineRoute, type ApiRoute } from '../apiRoute.ts';
import { timestamp } from '../fields.ts';
import { validationProblem } from '../validateRequest.ts';
import { csatReport, npsReport, wholeDays, type ReportQuery } from '../../core/surveys/surveyReport.ts';
import type { ReportRange } from '../../core/surveys/surveysPorts.ts';
import { csatView, npsView, reportSchemas } from '../surveyReportView.ts';

const moment = z.iso.datetime({ offset: true }).or(z.iso.date());
const rangeQuery = {
  from: moment.optional().meta({ description: 'Start (inclusive), a time or a date; default: 90 days before `to`.' }),
  to: moment.optional().meta({ description: 'End (exclusive), a time or a date; default: now.' }),
};
const storeLabel = z.string().min(1).max(60);

/** The NPS and CSAT reports, read-only, aggregated in the database. */
export function surveyReportRoutes(deps: ApiDeps): ApiRoute[] {
  return [npsRoute(deps), csatRoute(deps), commentsRoute(deps)];
}

function npsRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/nps',
    operationId: 'getNpsReport',
    tag: 'Reports',
    access: 'reports',
    query: z.strictObject({
      ...rangeQuery,
      groupBy: z.enum(['week', 'day', 'tier', 'channel', 'store', 'locale']).optional().meta({
        description: 'Also per week (Mondays, programme time), day, tier at asking time, channel, store or language.',
      }),
    }),
    summary: 'NPS: promoters, passives, detractors, the 0–10 distribution and the response rate',
    description:
      'NPS = % promoters (9–10) − % detractors (0–6), from −100 to 100, over the answers given in the range; null without answers. `asked` counts questions put in the range, `responseRate` the share of them answered in time.',
    example: { query: { from: '2026-01-01', to: '2026-04-01', groupBy: 'week' } },
    responses: { 200: { description: 'The report.', schema: reportSchemas.nps } },
    problems: [],
    handle: async ({ query }) => {
      const report = await npsReport(deps.surveys.reports, reportQuery(query, query.groupBy ?? null, deps));
      return { status: 200, body: npsView(report) };
    },
  });
}

function csatRoute(deps: ApiDeps): ApiRoute {
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/csat',
    operationId: 'getCsatReport',
    tag: 'Reports',
    access: 'reports',
    query: z.strictObject({
      ...rangeQuery,
      touchpoint: z
        .enum(['desk', 'purchase', 'relationship'])
        .optional()
        .meta({ description: 'One touch point (`relationship`: a survey a marketer sent); default all.' }),
      store: storeLabel.optional().meta({ description: 'One store, as the till labels purchases.' }),
      groupBy: z.enum(['week', 'day', 'store', 'channel', 'locale', 'tier']).optional(),
    }),
    summary: 'CSAT: the share of 4s and 5s, per touch point and store',
    description:
      'CSAT = share of 4 and 5 stars among the answers in the range, in percent; null without answers. The desk touch point is the rating after a resolved ticket; its `asked` counts rated tickets only.',
    example: { query: { touchpoint: 'purchase', groupBy: 'store' } },
    responses: { 200: { description: 'The report.', schema: reportSchemas.csat } },
    problems: [],
    handle: async ({ query }) => {
      const report = await csatReport(deps.surveys.reports, {
        ...reportQuery(query, query.groupBy ?? null, deps),
        ...(query.touchpoint && { touchpoint: query.touchpoint }),
        ...(query.store && { store: query.store }),
      });
      return { status: 200, body: csatView(report) };
    },
  });
}

function commentsRoute(deps: ApiDeps): ApiRoute {
  const commentSchema = z.object({
    id: z.string(),
    score: z.number().int(),
    group: z.enum(['detractor', 'passive', 'promoter']),
    comment: z.string(),
    answeredAt: timestamp,
    member: z.object({ id: z.string(), name: z.string() }),
    ticketId: z
      .string()
      .nullable()
      .meta({ description: "The desk ticket a detractor's answer opened (GET /api/v1/tickets/{id})." }),
  });
  return defineRoute({
    method: 'GET',
    path: '/api/v1/reports/nps/comments',
    operationId: 'getNpsComments',
    tag: 'Reports',
    access: 'reports',
    query: z.strictObject({
      ...rangeQuery,
      group: z.enum(['detractor', 'passive', 'promoter']).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      cursor: z.string().min(1).max(64).optional().meta({ description: '`nextCursor` of the previous page.' }),
    }),
    summary: 'What members wrote after their NPS answer, newest first',
    example: { query: { group: 'detractor', limit: '20' } },
    responses: {
      200: {
        description: 'One page of comments.',
        schema: z.object({ comments: z.array(commentSchema), nextCursor: z.string().nullable() }),
      },
    },
    problems: [],
    handle: async ({ query }) => {
      const { range } = reportQuery(query, null, deps);
      const rows = await deps.surveys.reports.comments({
        range,
        limit: query.limit + 1,
        ...(query.group && { group: query.group }),
        ...(query.cursor && { cursor: query.cursor }),
      });
      const page = rows.slice(0, query.limit);
      return {
        status: 200,
        body: {
          comments: page.map((row) => ({
            id: row.id,
            score: row.score,
            group: row.group,
            comment: row.comment,
            answeredAt: row.answeredAt.toISOString(),
            member: { id: row.memberId, name: row.memberName },
            ticketId: row.ticketId,
          })),
          nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
        },
      };
    },
  });
}

type RangeParams = { from?: string | undefined; to?: string | undefined };

function reportQuery(query: RangeParams, groupBy: ReportQuery['groupBy'], deps: ApiDeps): ReportQuery {
  return { range: wholeDays(rangeOf(query, deps.clock(), deps.settings.timezone), deps.settings.timezone), groupBy };
}

/** A date alone is midnight in the programme's time zone; a time keeps its own offset. */
function rangeOf({ from, to }: RangeParams, now: Date, timezone: string): ReportRange {
  const read = (value: string) => DateTime.fromISO(value, { zone: timezone }).toJSDate();
  // By default the 90 days up to and including today, whole days, so the daily counts answer it.
  const tomorrow = DateTime.fromJSDate(now, { zone: timezone }).plus({ days: 1 }).startOf('day');
  const end = to ? read(to) : tomorrow.toJSDate();
  const start = from ? read(from) : DateTime.fromJSDate(end, { zone: timezone }).minus({ days: 90 }).toJSDate();
  if (start.getTime() >= end.getTime())
    throw validationProblem([{ location: 'query', pointer: '/from', detail: 'must be before `to`' }]);
  return { from: start, to: end };
}
