import { z } from 'zod';
import { overviewFigureNames } from '../core/analytics/overviewReport.ts';

const day = z.iso.date();
const periodSchema = z.object({ from: day, to: day }).meta({ description: 'Programme-local days, both included.' });

const comparedFigure = z.object({
  value: z
    .number()
    .nullable()
    .meta({ description: 'The figure for the period; null when it cannot be computed (no purchases, no answers).' }),
  previous: z
    .number()
    .nullable()
    .meta({ description: 'The same figure for the period before; null for figures that are as of now.' }),
  change: z
    .number()
    .nullable()
    .meta({ description: 'Change against the period before, in percent; null when the period before is 0 or null.' }),
});

const figureDescriptions: Record<(typeof overviewFigureNames)[number], string> = {
  members: 'Members who joined on or before the last day.',
  newMembers: 'Members who joined in the period.',
  activeMembers30: 'Members with a purchase in the 30 days up to the end of the period.',
  activeMembers90: 'Members with a purchase in the 90 days up to the end of the period.',
  repeatPurchaseRate: "Buyers with two or more purchases in the period ÷ the period's buyers, in percent.",
  averageCheck: 'Revenue ÷ purchases, minor units.',
  purchases: 'Purchases in the period, refunded ones excluded.',
  revenue: 'What those purchases were worth (paid plus paid with points), minor units.',
  pointsIssued: 'Points credited (purchases, bonuses, adjustments).',
  pointsRedeemed: 'Points spent at tills.',
  pointsExpired: 'Points that expired.',
  pointsLiability: "Every member's unspent points × the value of one point, minor units, now.",
  openTickets: 'Desk tickets not resolved, now.',
  medianFirstResponseMinutes: 'Median minutes from opening to the first answer, of the tickets opened in the period.',
  medianResolutionMinutes: 'Median minutes from opening to resolution, of the tickets opened in the period.',
  deskCsat: 'Share of 4s and 5s among the ratings after resolved tickets, in percent.',
  nps: '% promoters − % detractors among the NPS answers of the period (as GET /api/v1/reports/nps).',
};

const ltvRow = z.object({
  key: z
    .string()
    .nullable()
    .meta({ description: 'The group: a tier ("" for none), a join month, `chat` or `till`; null overall.' }),
  members: z.number().int().meta({ description: 'Members of the group who joined in the period and bought.' }),
  averageMonthlySpend: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Mean of each member's spend ÷ their lifetime months, minor units." }),
  averageLifetimeMonths: z
    .number()
    .nullable()
    .meta({ description: 'Mean months from the first to the last month with a purchase, both counted.' }),
  ltv: z.number().int().nullable().meta({ description: 'averageMonthlySpend × averageLifetimeMonths, minor units.' }),
});
const effectSide = z.object({
  averageCheck: z.number().int().nullable(),
  frequency: z.number().nullable().meta({ description: 'Purchases per 30 days.' }),
});

export const analyticsSchemas = {
  overview: z.object({
    period: periodSchema,
    previousPeriod: periodSchema.meta({ description: 'The period of equal length just before.' }),
    currency: z.string().meta({ description: 'ISO 4217 currency of the amounts.' }),
    figures: z.object(
      Object.fromEntries(
        overviewFigureNames.map((name) => [name, comparedFigure.meta({ description: figureDescriptions[name] })]),
      ) as Record<(typeof overviewFigureNames)[number], typeof comparedFigure>,
    ),
    series: z
      .array(z.object({ day, purchases: z.number().int(), revenue: z.number().int() }))
      .meta({ description: 'Purchases and revenue of each day of the period that had any.' }),
  }),
  cohorts: z.object({
    period: periodSchema,
    cohorts: z.array(
      z.object({
        joinMonth: z.string().meta({ description: '`YYYY-MM` the members joined in.' }),
        members: z.number().int(),
        months: z.array(
          z.object({
            offset: z.number().int().meta({ description: 'Months since joining; 0 is the joining month.' }),
            month: z.string(),
            buyers: z.number().int().meta({ description: 'Members of the cohort who bought in that month.' }),
            share: z
              .number()
              .nullable()
              .meta({ description: 'buyers ÷ members, in percent; null for an empty cohort.' }),
          }),
        ),
      }),
    ),
  }),
  ltv: z.object({
    period: periodSchema,
    currency: z.string(),
    overall: ltvRow,
    groups: z.array(ltvRow),
    effect: z
      .object({
        members: z.number().int().meta({
          description:
            'Members who joined in a chat in the period after enrolling at a till, with purchases on both sides.',
        }),
        before: effectSide,
        after: effectSide,
      })
      .meta({ description: 'The same members before and after they joined: average check and purchase frequency.' }),
  }),
};
