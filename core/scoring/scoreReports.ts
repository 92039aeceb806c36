import { customerStages, type CustomerStage } from './customerStage.ts';
import { quadrants, type Quadrant } from './loyaltyQuadrant.ts';
import { rfmSegments, type RfmSegment } from './rfmSegments.ts';
import type { QuadrantPoint, ScoreReads } from './scoringPorts.ts';

/** The most members the scatter shows: enough for its shape, few enough for a phone. */
export const SCATTER_LIMIT = 2_000;

export interface StagesReport {
  scoredOn: string | null;
  /** Each stage: its members, those who reached it or a later one, and the share of the previous stage's reached who did. */
  stages: Array<{ stage: CustomerStage; members: number; reached: number; conversion: number | null }>;
  trend: Array<{ month: string; members: Record<CustomerStage, number> }>;
}

/**
 * The funnel and the trend. How it is computed: a stage's "reached" counts
 * its members and those of every later stage; its conversion is its reached
 * over the previous stage's reached.
 */
export async function stagesReport(reads: ScoreReads, months: { from: string; to: string }): Promise<StagesReport> {
  const [scoredOn, counts, rows] = await Promise.all([
    reads.scoredOn(),
    reads.stageCounts(),
    reads.stageMonths(months.from, months.to),
  ]);
  const reached = (stage: number) => customerStages.filter((s) => s >= stage).reduce((sum, s) => sum + counts[s], 0);
  const stages = customerStages.map((stage) => ({
    stage,
    members: counts[stage],
    reached: reached(stage),
    conversion: stage === 1 ? null : ratio(reached(stage), reached(stage - 1)),
  }));
  const trend = new Map<string, Record<CustomerStage, number>>();
  for (const row of rows) {
    const month = trend.get(row.month) ?? { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
    month[row.stage] = row.members;
    trend.set(row.month, month);
  }
  return { scoredOn, stages, trend: [...trend].map(([month, members]) => ({ month, members })) };
}

export interface QuadrantReport {
  scoredOn: string | null;
  /** Shares are of the members with a quadrant (an NPS or desk CSAT answer). */
  cells: Array<{ quadrant: Quadrant; members: number; share: number | null }>;
  /** Members with no emotional answer, in no cell. */
  unanswered: number;
  sample: QuadrantPoint[];
}

export async function quadrantReport(reads: ScoreReads): Promise<QuadrantReport> {
  const [scoredOn, counts, sample] = await Promise.all([
    reads.scoredOn(),
    reads.quadrantCounts(),
    reads.quadrantSample(SCATTER_LIMIT),
  ]);
  const of = (quadrant: Quadrant | null) => counts.find((row) => row.quadrant === quadrant)?.members ?? 0;
  const placed = quadrants.reduce((sum, quadrant) => sum + of(quadrant), 0);
  return {
    scoredOn,
    cells: quadrants.map((quadrant) => ({ quadrant, members: of(quadrant), share: ratio(of(quadrant), placed) })),
    unanswered: of(null),
    sample,
  };
}

export interface RfmReport {
  scoredOn: string | null;
  /** Every segment, empty ones too; shares are of the members with a purchase and of their spend. */
  segments: Array<{ segment: RfmSegment; members: number; memberShare: number | null; revenueShare: number | null }>;
  /** Members who never bought, in no segment. */
  withoutPurchase: number;
}

export async function rfmReport(reads: ScoreReads): Promise<RfmReport> {
  const [scoredOn, counts] = await Promise.all([reads.scoredOn(), reads.rfmCounts()]);
  const buyers = counts.filter((row) => row.segment !== null);
  const members = buyers.reduce((sum, row) => sum + row.members, 0);
  const spend = buyers.reduce((sum, row) => sum + row.spend, 0);
  return {
    scoredOn,
    segments: rfmSegments.map((segment) => {
      const row = buyers.find((candidate) => candidate.segment === segment);
      return {
        segment,
        members: row?.members ?? 0,
        memberShare: ratio(row?.members ?? 0, members),
        revenueShare: ratio(row?.spend ?? 0, spend),
      };
    }),
    withoutPurchase: counts.find((row) => row.segment === null)?.members ?? 0,
  };
}

/** A share from 0 to 1, to six places (a percentage to one decimal rounds once, right); null when there is nothing to share. */
function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1_000_000) / 1_000_000;
}
