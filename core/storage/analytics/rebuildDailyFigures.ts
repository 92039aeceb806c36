import { Prisma } from '../generated/sqlite/client.ts';
import type { Provider, Tx } from '../db/openDatabase.ts';
import { localDayOf } from './localDays.ts';
import { pointsFiguresSql } from './pointsFigures.ts';

/**
 * Writes DailyFigures again from the receipts, the members and the ledger in
 * one INSERT … SELECT, by the rules the incremental counts follow (a
 * refunded purchase counts nowhere; `pointsFiguresSql` decides the points).
 * The table must be empty.
 */
export async function rebuildDailyFigures(
  tx: Tx,
  provider: Provider,
  span: { first: Date; last: Date },
): Promise<number> {
  const day = (alias: string) => localDayOf(provider, Prisma.raw(`${alias}."createdAt"`), span.first, span.last);
  return tx.$executeRaw`
    INSERT INTO "DailyFigures" ("day", "purchases", "revenue", "newMembers", "pointsIssued", "pointsRedeemed", "pointsExpired")
    SELECT u."day", SUM(u."purchases"), SUM(u."revenue"), SUM(u."newMembers"), SUM(u."issued"), SUM(u."redeemed"), SUM(u."expired")
    FROM (
      SELECT ${day('p')} AS "day", COUNT(*) AS "purchases", SUM(p."paidAmount" + p."redeemedAmount") AS "revenue",
             0 AS "newMembers", 0 AS "issued", 0 AS "redeemed", 0 AS "expired"
      FROM "Purchase" p WHERE p."refundedAt" IS NULL GROUP BY 1
      UNION ALL
      SELECT ${day('m')}, 0, 0, COUNT(*), 0, 0, 0 FROM "Member" m GROUP BY 1
      UNION ALL
      SELECT ${day('e')}, 0, 0, 0, ${pointsFiguresSql.issued}, ${pointsFiguresSql.redeemed}, ${pointsFiguresSql.expired}
      FROM "LedgerEntry" e GROUP BY 1
    ) u
    GROUP BY u."day"
    HAVING SUM(u."purchases") <> 0 OR SUM(u."newMembers") <> 0 OR SUM(u."issued") <> 0 OR SUM(u."redeemed") <> 0
        OR SUM(u."expired") <> 0`;
}
