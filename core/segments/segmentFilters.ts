import { z } from 'zod';
import { channels } from '../inbound.ts';
import { locales } from '../i18n/locale.ts';
import { npsGroups } from '../surveys/surveyScores.ts';
import { customerStages } from '../scoring/customerStage.ts';
import { quadrants } from '../scoring/loyaltyQuadrant.ts';
import { rfmSegments } from '../scoring/rfmSegments.ts';

/** A range of whole numbers; either end may be left open, but not both. */
function range(max: number, description: string) {
  const end = z.number().int().min(0).max(max);
  return z
    .strictObject({ min: end.optional(), max: end.optional() })
    .refine((value) => value.min !== undefined || value.max !== undefined, {
      message: 'needs min, max or both',
    })
    .refine((value) => value.min === undefined || value.max === undefined || value.min <= value.max, {
      message: 'min must not be above max',
      path: ['max'],
    })
    .meta({ description: `${description} Both ends are inclusive.` });
}

const localDate = z.iso.date().meta({ description: 'A calendar day in the programme time zone, `YYYY-MM-DD`.' });

/**
 * The filters a segment is made of, combined with AND. Every filter is
 * optional and `{}` is every member; a list filter matches any of its values.
 */
/** Up to 20 ids of quizzes, contests or draws; a member who took part in any of them matches. */
const idList = () => z.array(z.string().min(1).max(64)).min(1).max(20).optional();

export const segmentFiltersSchema = z.strictObject({
  tiers: z
    .array(z.string().regex(/^[a-z][a-z0-9_-]{0,23}$/))
    .min(1)
    .max(20)
    .optional()
    .meta({ description: 'Tier codes, as the programme names them; a member in any of them matches.' }),
  locales: z.array(z.enum(locales)).min(1).optional().meta({ description: 'The member’s language.' }),
  channels: z
    .array(z.enum(channels))
    .min(1)
    .optional()
    .meta({ description: 'A member with a chat on any of these channels matches.' }),
  daysSinceLastPurchase: range(
    36_500,
    'Whole programme-local days since the latest purchase not refunded. A member who never bought matches no value: use `purchaseCount: {"max": 0}` for them.',
  ).optional(),
  purchaseCount: range(10_000_000, 'Purchases made, refunds taken back.').optional(),
  lifetimeSpend: range(2_000_000_000, 'Lifetime spend in minor units (bani, kopecks, cents).').optional(),
  joined: z
    .strictObject({ from: localDate.optional(), to: localDate.optional() })
    .refine((value) => value.from !== undefined || value.to !== undefined, { message: 'needs from, to or both' })
    .refine((value) => !value.from || !value.to || value.from <= value.to, {
      message: 'from must not be after to',
      path: ['to'],
    })
    .optional()
    .meta({ description: 'Joined on or after `from` and on or before `to`, programme-local days.' }),
  birthMonths: z
    .array(z.number().int().min(1).max(12))
    .min(1)
    .max(12)
    .optional()
    .meta({ description: 'Birthday in any of these months, 1–12; members who gave no birthday do not match.' }),
  playedQuizzes: idList().meta({ description: 'Quiz ids; a member who started any of them matches.' }),
  enteredContests: idList().meta({
    description:
      'Photo or drawing contest ids (GET /api/v1/contests); a member who sent an entry to any of them matches, whether moderators approved it, rejected it or have yet to decide: sending one is what entering is. An id no contest has is refused (422).',
    examples: [['5f1e2d3c-4b5a-4968-8776-655443322110']],
  }),
  enteredDraws: idList().meta({
    description:
      'Prize draw ids (GET /api/v1/draws); a member holding an entry in any of them matches. An entry withdrawn (its purchase refunded before the draw closed) does not count. An id no draw has is refused (422).',
    examples: [['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d']],
  }),
  npsGroups: z.array(z.enum(npsGroups)).min(1).max(3).optional().meta({
    description:
      'By the member’s latest NPS answer: `promoter` (9–10), `passive` (7–8), `detractor` (0–6). Members who never answered do not match.',
  }),
  stages: z
    .array(z.union(customerStages.map((stage) => z.literal(stage))))
    .min(1)
    .max(5)
    .optional()
    .meta({
      description:
        'By customer stage as the daily scoring last put it (GET /api/v1/reports/stages): 1 first visit, 2 first purchase, 3 repeat visits, 4 attachment, 5 loyalty.',
      examples: [[4, 5]],
    }),
  rfmSegments: z
    .array(z.enum(rfmSegments))
    .min(1)
    .max(10)
    .optional()
    .meta({
      description:
        'By RFM segment as the daily scoring last put it (GET /api/v1/reports/rfm); members who never bought are in none.',
      examples: [['at-risk', 'cant-lose']],
    }),
  quadrants: z
    .array(z.enum(quadrants))
    .min(1)
    .max(4)
    .optional()
    .meta({
      description:
        'By loyalty quadrant as the daily scoring last put it (GET /api/v1/reports/quadrant): `true`, `latent` (attached, buying rarely), `false` (buying often, not attached), `none`. Members with no NPS or desk CSAT answer are in none of them.',
      examples: [['false']],
    }),
});

export type SegmentFilters = z.infer<typeof segmentFiltersSchema>;

/** Tier codes a filter names that the programme does not have: such a filter would silently match nobody. */
export function unknownTiers(filters: SegmentFilters, tierCodes: readonly string[]): string[] {
  return (filters.tiers ?? []).filter((code) => !tierCodes.includes(code));
}

/** Where in the filters an id names a contest or a draw: `/enteredContests/0`… */
export interface UnknownReference {
  filter: 'enteredContests' | 'enteredDraws';
  index: number;
  id: string;
}

/**
 * The contest and draw ids the filters name that `exists` does not know: such
 * a filter would silently match nobody, so it is refused instead.
 */
export async function unknownReferences(
  filters: SegmentFilters,
  exists: { contest(id: string): Promise<boolean>; draw(id: string): Promise<boolean> },
): Promise<UnknownReference[]> {
  const named = [
    ...(filters.enteredContests ?? []).map((id, index) => ({ filter: 'enteredContests' as const, index, id })),
    ...(filters.enteredDraws ?? []).map((id, index) => ({ filter: 'enteredDraws' as const, index, id })),
  ];
  const known = await Promise.all(
    named.map((ref) => (ref.filter === 'enteredContests' ? exists.contest(ref.id) : exists.draw(ref.id))),
  );
  return named.filter((_ref, i) => !known[i]);
}
