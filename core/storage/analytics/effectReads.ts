import type { EffectSides, InstantRange } from '../../analytics/analyticsPorts.ts';
import type { Database } from '../db/openDatabase.ts';

type Row = {
  joinedAt: Date | string;
  firstAt: Date | string;
  nBefore: bigint | number;
  sBefore: bigint | number;
  nAfter: bigint | number;
  sAfter: bigint | number;
};

/**
 * Members enrolled at a till whose first chat opened in the range (they
 * joined the programme in a messenger then), with their purchases before
 * it and after it up to the range's end; only those with both.
 */
export async function effectSides(db: Database, range: InstantRange): Promise<EffectSides[]> {
  const rows = await db.prisma.$queryRaw<Row[]>`
    SELECT j."joinedAt" AS "joinedAt", MIN(p."createdAt") AS "firstAt",
      SUM(CASE WHEN p."createdAt" < j."joinedAt" THEN 1 ELSE 0 END) AS "nBefore",
      SUM(CASE WHEN p."createdAt" < j."joinedAt" THEN p."paidAmount" + p."redeemedAmount" ELSE 0 END) AS "sBefore",
      SUM(CASE WHEN p."createdAt" >= j."joinedAt" THEN 1 ELSE 0 END) AS "nAfter",
      SUM(CASE WHEN p."createdAt" >= j."joinedAt" THEN p."paidAmount" + p."redeemedAmount" ELSE 0 END) AS "sAfter"
    FROM (SELECT c."memberId" AS "memberId", MIN(c."createdAt") AS "joinedAt" FROM "Chat" c
          WHERE c."memberId" IS NOT NULL GROUP BY c."memberId") j
    JOIN "Member" m ON m."id" = j."memberId"
    JOIN "Purchase" p ON p."memberId" = j."memberId" AND p."refundedAt" IS NULL AND p."createdAt" < ${range.to}
    WHERE j."joinedAt" >= ${range.from} AND j."joinedAt" < ${range.to} AND j."joinedAt" > m."createdAt"
    GROUP BY j."memberId", j."joinedAt"`;
  return rows
    .map((row) => ({
      joinedAt: new Date(row.joinedAt),
      firstPurchaseAt: new Date(row.firstAt),
      before: { purchases: Number(row.nBefore), spend: Number(row.sBefore) },
      after: { purchases: Number(row.nAfter), spend: Number(row.sAfter) },
    }))
    .filter((member) => member.before.purchases > 0 && member.after.purchases > 0);
}
