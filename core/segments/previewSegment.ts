import type { SegmentPreview } from './segment.ts';
import type { SegmentFilters } from './segmentFilters.ts';
import { segmentQuery } from './segmentQuery.ts';
import type { SegmentMembers } from './segmentsPorts.ts';

/** How many a preview shows: enough to check the filters by eye, few enough to read at a glance. */
export const SAMPLE_SIZE = 10;

/** Who the filters match at `now`: how many, how many of them a campaign may reach, and the newest few to look at. */
export async function previewSegment(
  members: SegmentMembers,
  filters: SegmentFilters,
  now: Date,
  timezone: string,
): Promise<SegmentPreview> {
  const query = segmentQuery(filters, now, timezone);
  const [counted, sample] = await Promise.all([members.count(query), members.sample(query, SAMPLE_SIZE)]);
  return { ...counted, sample };
}
