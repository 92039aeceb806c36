import { DateTime } from 'luxon';
import type { Channel } from '../inbound.ts';
import type { Locale } from '../i18n/locale.ts';
import type { NpsGroup } from '../surveys/surveyScores.ts';
import type { SegmentFilters } from './segmentFilters.ts';
import type { CustomerStage } from '../scoring/customerStage.ts';
import type { Quadrant } from '../scoring/loyaltyQuadrant.ts';
import type { RfmSegment } from '../scoring/rfmSegments.ts';

interface Bounds<T> {
  /** Inclusive. */
  atLeast?: T;
  /** Exclusive, so a day's end is the next day's start. */
  before?: T;
}

/**
 * A segment's filters as storage asks them: every relative or local-calendar
 * filter turned into instants at one moment in the programme's time zone, so
 * the count and the send that follows it agree on who "30 days" is.
 */
export interface SegmentQuery {
  tiers?: string[];
  locales?: Locale[];
  channels?: Channel[];
  lastPurchaseAt?: Bounds<Date>;
  purchaseCount?: { min?: number; max?: number };
  lifetimeSpend?: { min?: number; max?: number };
  joinedAt?: Bounds<Date>;
  birthMonths?: number[];
  playedQuizzes?: string[];
  /** Contests the member sent an entry to, whatever its moderation. */
  enteredContests?: string[];
  /** Draws the member holds an entry in that was not withdrawn. */
  enteredDraws?: string[];
  /** The group of the member's latest NPS answer. */
  npsGroups?: NpsGroup[];
  /** The member's scores as the daily scoring last computed them (core/scoring/). */
  stages?: CustomerStage[];
  rfmSegments?: RfmSegment[];
  quadrants?: Quadrant[];
  /** Only members who agreed to news and offers: whom a campaign may reach. */
  optedIn?: true;
}

export function segmentQuery(filters: SegmentFilters, now: Date, timezone: string): SegmentQuery {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  const dayStart = (daysAgo: number) => today.minus({ days: daysAgo }).toJSDate();
  const localStart = (day: string) => DateTime.fromISO(day, { zone: timezone }).startOf('day');
  const { daysSinceLastPurchase: since, joined } = filters;
  return {
    tiers: filters.tiers,
    locales: filters.locales,
    channels: filters.channels,
    // "At least N days ago": the purchase's local day is N days before today or earlier.
    lastPurchaseAt: since && {
      ...(since.max !== undefined && { atLeast: dayStart(since.max) }),
      ...(since.min !== undefined && { before: dayStart(since.min - 1) }),
    },
    purchaseCount: filters.purchaseCount,
    lifetimeSpend: filters.lifetimeSpend,
    joinedAt: joined && {
      ...(joined.from && { atLeast: localStart(joined.from).toJSDate() }),
      ...(joined.to && { before: localStart(joined.to).plus({ days: 1 }).toJSDate() }),
    },
    birthMonths: filters.birthMonths,
    playedQuizzes: filters.playedQuizzes,
    enteredContests: filters.enteredContests,
    enteredDraws: filters.enteredDraws,
    npsGroups: filters.npsGroups,
    stages: filters.stages,
    rfmSegments: filters.rfmSegments,
    quadrants: filters.quadrants,
  };
}
