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
  /** How many match, and how many of them agreed to news and offers, in one reading. */
  count(query: SegmentQuery): Promise<{ members: number; optedIn: number }>;
  /** The newest `limit` matching members. */
  sample(query: SegmentQuery, limit: number): Promise<SegmentSampleMember[]>;
  /** Whether one member matches: asked when a member opens something meant for a segment. */
  includes(query: SegmentQuery, memberId: string): Promise<boolean>;
}
