import type { Tx } from '../db/openDatabase.ts';
import { pointsFiguresOf } from './pointsFigures.ts';
import { figuresDay } from './figuresCalendar.ts';

/**
 * Adds a ledger entry to its day's points figures (issued, redeemed,
 * expired), inside the transaction that writes the entry. Entries that are
 * none of these (a refund's give-back or take-back) change nothing.
 */
export async function countLedgerEntryInTransaction(
  tx: Tx,
  entry: { kind: string; delta: number; at: Date },
): Promise<void> {
  const { issued, redeemed, expired } = pointsFiguresOf(entry.kind, entry.delta);
  if (issued === 0 && redeemed === 0 && expired === 0) return;
  await tx.$executeRaw`
    INSERT INTO "DailyFigures" ("day", "pointsIssued", "pointsRedeemed", "pointsExpired")
    VALUES (${figuresDay(entry.at)}, ${issued}, ${redeemed}, ${expired})
    ON CONFLICT ("day") DO UPDATE SET "pointsIssued" = "DailyFigures"."pointsIssued" + ${issued},
      "pointsRedeemed" = "DailyFigures"."pointsRedeemed" + ${redeemed},
      "pointsExpired" = "DailyFigures"."pointsExpired" + ${expired}`;
}
