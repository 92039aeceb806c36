import type { Tx } from '../db/openDatabase.ts';
import { figuresDay, figuresMonth } from './figuresCalendar.ts';

/** What a purchase adds to the roll-ups. */
export interface CountedPurchase {
  memberId: string;
  /** When the member joined: their MemberMonth rows carry the month, so cohorts are a range of one index. */
  memberSince: Date;
  /** When the purchase was made; a refund takes it back from that same day and month. */
  at: Date;
  /** What it was worth, in minor units: paid plus paid with points. */
  spend: number;
}

/** A purchase row as the roll-ups count it: what it was worth, the same sum the lifetime spend grows by. */
export function countedPurchase(
  purchase: { memberId: string; createdAt: Date; paidAmount: number; redeemedAmount: number },
  memberSince: Date,
): CountedPurchase {
  return {
    memberId: purchase.memberId,
    memberSince,
    at: purchase.createdAt,
    spend: purchase.paidAmount + purchase.redeemedAmount,
  };
}

/**
 * Adds a purchase to its day's figures and to its buyer's month (`sign` 1),
 * or takes a refunded one back out (`sign` -1), inside the transaction that
 * records or refunds it, so the roll-ups never disagree with the receipts.
 */
export async function countPurchaseInTransaction(tx: Tx, purchase: CountedPurchase, sign: 1 | -1): Promise<void> {
  const spend = sign * purchase.spend;
  await tx.$executeRaw`
    INSERT INTO "DailyFigures" ("day", "purchases", "revenue") VALUES (${figuresDay(purchase.at)}, ${sign}, ${spend})
    ON CONFLICT ("day") DO UPDATE SET "purchases" = "DailyFigures"."purchases" + ${sign},
      "revenue" = "DailyFigures"."revenue" + ${spend}`;
  await tx.$executeRaw`
    INSERT INTO "MemberMonth" ("memberId", "month", "joinMonth", "purchases", "spend")
    VALUES (${purchase.memberId}, ${figuresMonth(purchase.at)}, ${figuresMonth(purchase.memberSince)}, ${sign}, ${spend})
    ON CONFLICT ("memberId", "month") DO UPDATE SET "purchases" = "MemberMonth"."purchases" + ${sign},
      "spend" = "MemberMonth"."spend" + ${spend}`;
  if (sign === -1) await dropEmptied(tx, purchase);
}

/** A day or month whose every purchase was refunded holds nothing, as a rebuild would write it: no row. */
async function dropEmptied(tx: Tx, purchase: CountedPurchase): Promise<void> {
  await tx.$executeRaw`
    DELETE FROM "MemberMonth" WHERE "memberId" = ${purchase.memberId} AND "month" = ${figuresMonth(purchase.at)}
      AND "purchases" = 0`;
  await tx.$executeRaw`
    DELETE FROM "DailyFigures" WHERE "day" = ${figuresDay(purchase.at)} AND "purchases" = 0 AND "newMembers" = 0
      AND "pointsIssued" = 0 AND "pointsRedeemed" = 0 AND "pointsExpired" = 0`;
}
