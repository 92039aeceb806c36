import { Prisma } from '../generated/sqlite/client.ts';
import type { Provider, Tx } from '../db/openDatabase.ts';
import { figuresDay } from './figuresCalendar.ts';
import { pointsFiguresOf } from './pointsFigures.ts';
import { quarterHourOf, quarterHourStart } from './quarterHours.ts';

type Figures = {
  day: string;
  purchases: number;
  revenue: number;
  newMembers: number;
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
};

/**
 * Writes DailyFigures again from the receipts, the members and the ledger,
 * by the same rules the incremental counts follow (a refunded purchase
 * counts nowhere; `pointsFiguresOf` decides the points). The table must be empty.
 */
export async function rebuildDailyFigures(tx: Tx, provider: Provider): Promise<number> {
  const days = new Map<string, Figures>();
  const on = (quarter: bigint | number): Figures => {
    const day = figuresDay(quarterHourStart(quarter));
    let figures = days.get(day);
    if (!figures) days.set(day, (figures = emptyDay(day)));
    return figures;
  };
  const at = (table: string) => quarterHourOf(provider, Prisma.raw(`"${table}"."createdAt"`));
  const purchases = await tx.$queryRaw<{ q: bigint; n: bigint; revenue: bigint }[]>`
    SELECT ${at('Purchase')} AS q, COUNT(*) AS n, SUM("paidAmount" + "redeemedAmount") AS revenue
    FROM "Purchase" WHERE "refundedAt" IS NULL GROUP BY 1`;
  for (const row of purchases) {
    const figures = on(row.q);
    figures.purchases += Number(row.n);
    figures.revenue += Number(row.revenue);
  }
  const members = await tx.$queryRaw<{ q: bigint; n: bigint }[]>`
    SELECT ${at('Member')} AS q, COUNT(*) AS n FROM "Member" GROUP BY 1`;
  for (const row of members) on(row.q).newMembers += Number(row.n);
  await addLedger(tx, at('LedgerEntry'), on);
  const rows = [...days.values()];
  if (rows.length > 0) await tx.dailyFigures.createMany({ data: rows });
  return rows.length;
}

/** Entries grouped by quarter-hour, kind and sign: `pointsFiguresOf` is linear in the delta within one sign. */
async function addLedger(tx: Tx, quarter: Prisma.Sql, on: (quarter: bigint) => Figures): Promise<void> {
  const entries = await tx.$queryRaw<{ q: bigint; kind: string; delta: bigint }[]>`
    SELECT ${quarter} AS q, "kind", SUM("delta") AS delta
    FROM "LedgerEntry" GROUP BY 1, "kind", CASE WHEN "delta" > 0 THEN 1 ELSE 0 END`;
  for (const row of entries) {
    const points = pointsFiguresOf(row.kind, Number(row.delta));
    const figures = on(row.q);
    figures.pointsIssued += points.issued;
    figures.pointsRedeemed += points.redeemed;
    figures.pointsExpired += points.expired;
  }
}

function emptyDay(day: string): Figures {
  return { day, purchases: 0, revenue: 0, newMembers: 0, pointsIssued: 0, pointsRedeemed: 0, pointsExpired: 0 };
}
