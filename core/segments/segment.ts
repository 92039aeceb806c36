import type { SegmentFilters } from './segmentFilters.ts';

/** A saved, named audience: the members its filters match at the moment they are asked. */
export interface Segment {
  id: string;
  name: string;
  filters: SegmentFilters;
  createdAt: Date;
  updatedAt: Date;
}

/** Who a segment matches, shown while the marketer edits it. */
export interface SegmentPreview {
  members: number;
  /** Of them, those who agreed to news and offers. */
  optedIn: number;
  /** The newest few matching members. */
  sample: SegmentSampleMember[];
}

export interface SegmentSampleMember {
  id: string;
  name: string;
  cardNumber: string;
  tier: string | null;
  locale: string;
  joinedAt: Date;
}
