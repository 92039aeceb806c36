import type { MemberScore } from '../../scoring/scoringPorts.ts';
import type { Prisma as Client } from '../db/openDatabase.ts';
import { Prisma } from '../generated/sqlite/client.ts';

/** Rows per statement: short statements, so a chat's write never waits long behind the job. */
const BATCH = 500;

const COLUMNS = [
  'memberId',
  'stage',
  'recency',
  'frequency',
  'monetary',
  'rfmSegment',
  'quadrant',
  'purchasesPerMonth',
  'purchases',
  'spend',
  'daysSinceLastPurchase',
  'emotionalScore',
  'emotionalSource',
  'scoredOn',
];

/**
 * Upserts the scores in batches, then drops the scores of members erased
 * since: an upsert per member, so two runs at once both leave a whole,
 * consistent set behind.
 */
export async function writeScores(prisma: Client, scores: readonly MemberScore[], scoredOn: string): Promise<void> {
  const names = Prisma.raw(COLUMNS.map((column) => `"${column}"`).join(', '));
  const updates = Prisma.raw(
    COLUMNS.slice(1)
      .map((column) => `"${column}" = excluded."${column}"`)
      .join(', '),
  );
  for (let i = 0; i < scores.length; i += BATCH) {
    const rows = scores.slice(i, i + BATCH).map((score) => Prisma.sql`(${Prisma.join(valuesOf(score, scoredOn))})`);
    await prisma.$executeRaw`
      INSERT INTO "MemberScore" (${names}) VALUES ${Prisma.join(rows)}
      ON CONFLICT ("memberId") DO UPDATE SET ${updates}`;
  }
  await prisma.$executeRaw`
    DELETE FROM "MemberScore" WHERE "memberId" IN (SELECT "id" FROM "Member" WHERE "erasedAt" IS NOT NULL)`;
}

function valuesOf(score: MemberScore, scoredOn: string): unknown[] {
  return [
    score.memberId,
    score.stage,
    score.rfm?.recency ?? null,
    score.rfm?.frequency ?? null,
    score.rfm?.monetary ?? null,
    score.rfm?.segment ?? null,
    score.quadrant,
    score.purchasesPerMonth,
    score.purchases,
    score.spend,
    score.daysSinceLastPurchase,
    score.emotional?.score ?? null,
    score.emotional?.source ?? null,
    scoredOn,
  ];
}
