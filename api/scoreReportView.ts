import { z } from 'zod';
import { customerStages } from '../core/scoring/customerStage.ts';
import { quadrants } from '../core/scoring/loyaltyQuadrant.ts';
import { rfmSegments } from '../core/scoring/rfmSegments.ts';

const share = z.number().min(0).max(1).nullable();
const scoredOn = z.string().nullable().meta({
  description: 'The programme-local day the scores were computed (daily, or on demand); null before the first run.',
});
const stage = z
  .union(customerStages.map((value) => z.literal(value)))
  .meta({ description: '1 first visit, 2 first purchase, 3 repeat visits, 4 attachment, 5 loyalty.' });
const perStage = z.object(Object.fromEntries(customerStages.map((s) => [String(s), z.number().int()])));

/** The score reports' answers, as the OpenAPI document shows them. */
export const scoreReportSchemas = {
  stages: z.object({
    scoredOn,
    stages: z.array(
      z.object({
        stage,
        members: z.number().int().meta({ description: 'Members in this stage now.' }),
        reached: z.number().int().meta({ description: 'Members in this stage or a later one.' }),
        conversion: share.meta({
          description:
            'This stage’s `reached` over the previous one’s, 0 to 1; null for stage 1 or an empty previous stage.',
        }),
      }),
    ),
    trend: z.array(z.object({ month: z.string().meta({ examples: ['2026-06'] }), members: perStage })).meta({
      description: 'Members per stage by programme-local month, as the scoring last counted them that month.',
    }),
    attachment: z
      .object({ purchasesPerMonth: z.number().int(), months: z.number().int() })
      .meta({ description: 'The programme rule stage 4 is measured by, as it stands now.' }),
  }),
  quadrant: z.object({
    scoredOn,
    cells: z.array(
      z.object({
        quadrant: z.enum(quadrants),
        members: z.number().int(),
        share: share.meta({ description: 'Of the members with an NPS or desk CSAT answer, 0 to 1.' }),
      }),
    ),
    unanswered: z.number().int().meta({ description: 'Members with neither answer, in no cell.' }),
    sample: z
      .array(
        z.object({
          purchasesPerMonth: z.number().meta({ description: 'Purchases in the last 12 months, divided by 12.' }),
          emotionalScore: z.number().int().meta({ description: 'The latest answer: NPS 0–10 or desk CSAT 1–5.' }),
          source: z.enum(['nps', 'csat']),
          quadrant: z.enum(quadrants),
        }),
      )
      .meta({ description: 'At most 2,000 members with a quadrant, for a scatter; no names or ids.' }),
  }),
  rfm: z.object({
    scoredOn,
    segments: z.array(
      z.object({
        segment: z.enum(rfmSegments),
        members: z.number().int(),
        memberShare: share.meta({ description: 'Of the members with a purchase, 0 to 1.' }),
        revenueShare: share.meta({ description: 'Of those members’ lifetime spend, 0 to 1.' }),
      }),
    ),
    withoutPurchase: z.number().int().meta({ description: 'Members who never bought, in no segment.' }),
  }),
  refresh: z.object({
    started: z.boolean().meta({ description: 'False when a run was already under way on this instance.' }),
    scoredOn: scoredOn.meta({ description: 'The day of the scores as they were before this run.' }),
  }),
};
