import type { CustomerStage } from './customerStage.ts';
import type { Quadrant } from './loyaltyQuadrant.ts';
import type { RfmSegment } from './rfmSegments.ts';
import type { ScoringWindows } from './scoringCalendar.ts';

/** One emotional answer: its score (NPS 0–10, desk CSAT 1–5) and when it was given. */
export interface Answer {
  score: number;
  at: Date;
}

/** What the scoring rules read of one member, gathered by storage in a few set-based passes. */
export interface MemberActivity {
  memberId: string;
  /** Purchases not refunded, ever, and what was paid for them (minor units, points' share included). */
  purchases: number;
  spend: number;
  lastPurchaseAt: Date | null;
  /** Purchases in the 12 months before the scoring moment. */
  purchasesLastYear: number;
  /** Purchases in each of the last full months the attachment rule looks at, oldest first. */
  purchasesByMonth: number[];
  latestNps: Answer | null;
  latestDeskCsat: Answer | null;
  /** NPS answers in the last year: promoters and passives, and detractors. */
  npsLastYear: { positive: number; detractors: number };
}

/** A member's scores as the scoring job stores them, with the inputs they came from. */
export interface MemberScore {
  memberId: string;
  stage: CustomerStage;
  rfm: { recency: number; frequency: number; monetary: number; segment: RfmSegment } | null;
  quadrant: Quadrant | null;
  purchasesPerMonth: number;
  purchases: number;
  spend: number;
  daysSinceLastPurchase: number | null;
  emotional: { score: number; source: 'nps' | 'csat' } | null;
}

/** The scoring job's reads and writes. */
export interface ScoreStore {
  /** Every member not erased who joined before `windows.asOf`, with their activity up to it. */
  activity(windows: ScoringWindows): Promise<MemberActivity[]>;
  /** Replaces the members' scores (an upsert in short batches, so chats are never held up for long). */
  writeScores(scores: readonly MemberScore[], scoredOn: string): Promise<void>;
  /** Sets the members in each stage for a programme-local month (`YYYY-MM`). */
  writeStageMonth(month: string, members: Record<CustomerStage, number>): Promise<void>;
  /** Those of `months` (`YYYY-MM`) the stage trend has no count for yet. */
  uncountedMonths(months: readonly string[]): Promise<string[]>;
  /** Records the day of a finished run, last, so a report that shows it shows that run's figures. */
  markScored(day: string): Promise<void>;
  /**
   * Claims the daily scoring of `day` (a conditional update): true for exactly
   * one caller per day, however many instances ask.
   */
  claimDay(day: string): Promise<boolean>;
  /** Gives a claimed day back after a failed run, so the next run tries again. */
  releaseDay(day: string): Promise<void>;
}

/** The aggregates the reports read: grouped scores, never purchases. */
export interface ScoreReads {
  /** The day the scores were last computed; null before the first run. */
  scoredOn(): Promise<string | null>;
  stageCounts(): Promise<Record<CustomerStage, number>>;
  /** Rows of the stage trend for months `from`…`to` inclusive (`YYYY-MM`). */
  stageMonths(from: string, to: string): Promise<Array<{ month: string; stage: CustomerStage; members: number }>>;
  /** Members per quadrant; `null` counts those with no emotional answer. */
  quadrantCounts(): Promise<Array<{ quadrant: Quadrant | null; members: number }>>;
  /** At most `limit` members with a quadrant, for the scatter: no names, no ids. */
  quadrantSample(limit: number): Promise<QuadrantPoint[]>;
  /** Members and spend per RFM segment; `null` gathers members without a purchase. */
  rfmCounts(): Promise<Array<{ segment: RfmSegment | null; members: number; spend: number }>>;
}

export interface QuadrantPoint {
  purchasesPerMonth: number;
  emotionalScore: number;
  source: 'nps' | 'csat';
  quadrant: Quadrant;
}
