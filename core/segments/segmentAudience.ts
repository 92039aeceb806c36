import { segmentQuery } from './segmentQuery.ts';
import type { SegmentMembers, SegmentStore } from './segmentsPorts.ts';

/** Who something meant for a segment (a quiz) is for, asked member by member. */
export interface SegmentAudience {
  includes(segmentId: string, memberId: string, now: Date): Promise<boolean>;
}

/**
 * Matched at the moment of asking, on the programme's calendar. A segment
 * deleted meanwhile includes nobody: a quiz meant for a few must never
 * widen to everyone.
 */
export function segmentAudience(store: SegmentStore, members: SegmentMembers, timezone: string): SegmentAudience {
  return {
    includes: async (segmentId, memberId, now) => {
      const segment = await store.find(segmentId);
      return segment !== null && members.includes(segmentQuery(segment.filters, now, timezone), memberId);
    },
  };
}
