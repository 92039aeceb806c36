import { z } from 'zod';
import type { Segment, SegmentPreview } from '../core/segments/segment.ts';
import { segmentFiltersSchema } from '../core/segments/segmentFilters.ts';
import { timestamp } from './fields.ts';

export const segmentViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  filters: segmentFiltersSchema,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const segmentCountSchema = z.object({
  members: z.number().int().meta({ description: 'Members matching now; erased members never match.' }),
  optedIn: z
    .number()
    .int()
    .meta({ description: 'Of them, those who agreed to news and offers: the members a campaign may reach.' }),
  sample: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        cardNumber: z.string(),
        tier: z.string().nullable(),
        locale: z.string(),
        joinedAt: timestamp,
      }),
    )
    .meta({ description: 'The newest matching members, at most 10, to check the filters by eye.' }),
});

export function segmentView(segment: Segment): z.input<typeof segmentViewSchema> {
  return { ...segment, createdAt: segment.createdAt.toISOString(), updatedAt: segment.updatedAt.toISOString() };
}

export function segmentCountView(preview: SegmentPreview): z.input<typeof segmentCountSchema> {
  return {
    members: preview.members,
    optedIn: preview.optedIn,
    sample: preview.sample.map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() })),
  };
}
