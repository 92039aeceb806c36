import { DateTime } from 'luxon';
import { Prisma } from '../generated/sqlite/client.ts';
import type { Tx } from '../db/openDatabase.ts';
import { figuresTimezone } from './figuresCalendar.ts';

/**
 * Writes MemberMonth again from the receipts that are not refunded, in one
 * INSERT … SELECT: each timestamp's programme-local month is a CASE over
 * the months' starts in UTC, computed here, so the database does no
 * time-zone arithmetic and the rows never leave it. The table must be empty.
 */
export async function rebuildMemberMonths(tx: Tx): Promise<number> {
  const [span] = await tx.$queryRaw<{ first: Date | string | null; last: Date | string | null }[]>`
    SELECT MIN(t."at") AS first, MAX(t."at") AS last FROM (
      SELECT MIN("createdAt") AS at FROM "Member" UNION ALL SELECT MAX("createdAt") FROM "Member"
      UNION ALL SELECT MIN("createdAt") FROM "Purchase" UNION ALL SELECT MAX("createdAt") FROM "Purchase") t`;
  if (!span?.first || !span.last) return 0;
  const months = monthStarts(new Date(span.first), new Date(span.last));
  const monthOf = (column: string) => monthCase(Prisma.raw(column), months);
  return tx.$executeRaw`
    INSERT INTO "MemberMonth" ("memberId", "month", "joinMonth", "purchases", "spend")
    SELECT t."memberId", t."month", t."joinMonth", COUNT(*), SUM(t."spend") FROM (
      SELECT p."memberId", ${monthOf('p."createdAt"')} AS "month", ${monthOf('m."createdAt"')} AS "joinMonth",
             p."paidAmount" + p."redeemedAmount" AS "spend"
      FROM "Purchase" p JOIN "Member" m ON m."id" = p."memberId" WHERE p."refundedAt" IS NULL) t
    GROUP BY t."memberId", t."month", t."joinMonth"`;
}

/** Every programme-local month from the one `first` falls in to the one `last` falls in, with the UTC moment it ends. */
function monthStarts(first: Date, last: Date): { month: string; end: Date }[] {
  const zone = figuresTimezone();
  const months: { month: string; end: Date }[] = [];
  let start = DateTime.fromJSDate(first, { zone }).startOf('month');
  const stop = DateTime.fromJSDate(last, { zone });
  while (start <= stop) {
    const next = start.plus({ months: 1 });
    months.push({ month: start.toFormat('yyyy-MM'), end: next.toJSDate() });
    start = next;
  }
  return months;
}

function monthCase(column: Prisma.Sql, months: { month: string; end: Date }[]): Prisma.Sql {
  const arms = months.map(({ month, end }) => Prisma.sql`WHEN ${column} < ${end} THEN ${month}`);
  return Prisma.sql`CASE ${Prisma.join(arms, ' ')} END`;
}
