import type { SegmentPreview } from './segment.ts';
import type { SegmentFilters } from './segmentFilters.ts';
import { segmentQuery } from './segmentQuery.ts';
import type { SegmentMembers } from './segmentsPorts.ts';

/** How many a preview shows: enough to check the filters by eye, few enough to read at a glance. */
export const SAMPLE_SIZE = 10;

/**
 * Who the filters match at `now`: how many, how many of them a campaign may
 * reach, and the newest few to look at. Counted first: a segment nobody
 * matches needs no sample, and looking for one is where such a segment costs
 * most (every member read in search of the newest ten).
 */
export async function previewSegment(
  members: SegmentMembers,
  filters: SegmentFilters,
  now: Date,
  timezone: string,
): Promise<SegmentPreview> {
  const query = segmentQuery(filters, now, timezone);
  const counted = await members.count(query);
  return { ...counted, sample: counted.members === 0 ? [] : await members.sample(query, SAMPLE_SIZE) };
}
