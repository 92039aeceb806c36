import { Prisma } from '../generated/sqlite/client.ts';
import type { Provider, Tx } from '../db/openDatabase.ts';
import { localDayOf } from './localDays.ts';

/**
 * Writes MemberMonth again from the receipts that are not refunded, in one
 * INSERT … SELECT: each timestamp's programme-local month is the first
 * seven characters of its local day (`localDayOf`), so the rows never leave
 * the database. The table must be empty.
 */
export async function rebuildMemberMonths(
  tx: Tx,
  provider: Provider,
  span: { first: Date; last: Date },
): Promise<number> {
  const monthOf = (column: string) =>
    Prisma.sql`substr(${localDayOf(provider, Prisma.raw(column), span.first, span.last)}, 1, 7)`;
  return tx.$executeRaw`
    INSERT INTO "MemberMonth" ("memberId", "month", "joinMonth", "purchases", "spend")
    SELECT t."memberId", t."month", t."joinMonth", COUNT(*), SUM(t."spend") FROM (
      SELECT p."memberId", ${monthOf('p."createdAt"')} AS "month", ${monthOf('m."createdAt"')} AS "joinMonth",
             p."paidAmount" + p."redeemedAmount" AS "spend"
      FROM "Purchase" p JOIN "Member" m ON m."id" = p."memberId" WHERE p."refundedAt" IS NULL) t
    GROUP BY t."memberId", t."month", t."joinMonth"`;
}
