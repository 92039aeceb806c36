import type { CustomerStage } from '../../scoring/customerStage.ts';
import type { Quadrant } from '../../scoring/loyaltyQuadrant.ts';
import type { RfmSegment } from '../../scoring/rfmSegments.ts';
import type { QuadrantPoint, ScoreReads } from '../../scoring/scoringPorts.ts';
import type { Database, Prisma as Client } from '../db/openDatabase.ts';
import { SCORED_ON_KEY } from './createScoreStore.ts';

type Count = bigint | number;

/** The score reports' reads: GROUP BY over the scores the job wrote, through their indexes. */
export function createScoreReads(db: Database): ScoreReads {
  const prisma = db.prisma;
  return {
    scoredOn: async () => (await prisma.setting.findUnique({ where: { key: SCORED_ON_KEY } }))?.value ?? null,
    stageCounts: async () => {
      const rows = await prisma.$queryRaw<Array<{ stage: Count; members: Count }>>`
        SELECT "stage", COUNT(*) AS "members" FROM "MemberScore" GROUP BY "stage"`;
      const counts: Record<CustomerStage, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      for (const row of rows) counts[Number(row.stage) as CustomerStage] = Number(row.members);
      return counts;
    },
    stageMonths: async (from, to) =>
      (
        await prisma.stageMonth.findMany({
          where: { month: { gte: from, lte: to } },
          orderBy: [{ month: 'asc' }, { stage: 'asc' }],
        })
      ).map((row) => ({ month: row.month, stage: row.stage as CustomerStage, members: row.members })),
    quadrantCounts: async () => {
      const rows = await prisma.$queryRaw<Array<{ quadrant: string | null; members: Count }>>`
        SELECT "quadrant", COUNT(*) AS "members" FROM "MemberScore" GROUP BY "quadrant"`;
      return rows.map((row) => ({ quadrant: row.quadrant as Quadrant | null, members: Number(row.members) }));
    },
    quadrantSample: (limit) => quadrantSample(prisma, limit),
    rfmCounts: () => rfmCounts(prisma),
  };
}

async function quadrantSample(prisma: Client, limit: number): Promise<QuadrantPoint[]> {
  // Member ids are random (UUID v4), so the first ones in id order are a fair sample.
  const rows = await prisma.$queryRaw<
    Array<{ purchasesPerMonth: number; emotionalScore: Count; emotionalSource: string; quadrant: string }>
  >`
    SELECT "purchasesPerMonth", "emotionalScore", "emotionalSource", "quadrant" FROM "MemberScore"
    WHERE "quadrant" IS NOT NULL ORDER BY "memberId" LIMIT ${limit}`;
  return rows.map((row) => ({
    purchasesPerMonth: Number(row.purchasesPerMonth),
    emotionalScore: Number(row.emotionalScore),
    source: row.emotionalSource as 'nps' | 'csat',
    quadrant: row.quadrant as Quadrant,
  }));
}

async function rfmCounts(
  prisma: Client,
): Promise<Array<{ segment: RfmSegment | null; members: number; spend: number }>> {
  const rows = await prisma.$queryRaw<Array<{ segment: string | null; members: Count; spend: Count | null }>>`
    SELECT "rfmSegment" AS "segment", COUNT(*) AS "members", SUM("spend") AS "spend" FROM "MemberScore"
    GROUP BY "rfmSegment"`;
  return rows.map((row) => ({
    segment: row.segment as RfmSegment | null,
    members: Number(row.members),
    spend: Number(row.spend ?? 0),
  }));
}
