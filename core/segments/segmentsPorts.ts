import type { Segment, SegmentSampleMember } from './segment.ts';
import type { SegmentFilters } from './segmentFilters.ts';
import type { SegmentQuery } from './segmentQuery.ts';

export interface SegmentInput {
  name: string;
  filters: SegmentFilters;
}

/** Saved segments. A name is unique (case as typed), so a list of them reads unambiguously. */
export interface SegmentStore {
  create(input: SegmentInput, now: Date): Promise<Segment | 'name-taken'>;
  list(): Promise<Segment[]>;
  find(id: string): Promise<Segment | null>;
  update(id: string, input: SegmentInput, now: Date): Promise<Segment | 'name-taken' | 'not-found'>;
  remove(id: string): Promise<boolean>;
}

/** The members a query matches; erased members never do. */
export interface SegmentMembers {
  count(query: SegmentQuery): Promise<number>;
  /** The newest `limit` matching members. */
  sample(query: SegmentQuery, limit: number): Promise<SegmentSampleMember[]>;
  /** Whether one member matches: asked when a member opens something meant for a segment. */
  includes(query: SegmentQuery, memberId: string): Promise<boolean>;
}
