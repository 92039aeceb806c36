import type { Purchase } from '../generated/sqlite/client.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { Member } from '../members/records.ts';
import { countLedgerEntryInTransaction } from '../analytics/countLedgerEntry.ts';

// The purchase transaction's writes, as plain SQL that SQLite and PostgreSQL
// both read: every purchase runs them, and through the ORM each statement
// costs three to four times as much client time as the database's own work
// (bench/purchases.bench.ts). Each one writes values the transaction already
// knows, under the member's row lock, so nothing has to be read back.

/** What a purchase changes on its member, decided under the member's row lock. */
export interface MemberChange {
  /** Points earned by this purchase (0 for none). */
  earned: number;
  /** Lifetime spend added: money paid plus money paid with points. */
  spend: number;
  stamps: number;
  tier: string;
  at: Date;
}

/** The earned lot written with the member change: its id, key and expiry. */
export interface EarnedLot {
  id: string;
  idempotencyKey: string;
  expiresAt: Date | null;
}

/**
 * One relative update moves everything the purchase changes on the member,
 * and the earned lot records the balance it produced. `row` is the member as
 * this transaction holds it; the update names its ledger position, so should
 * the row ever move under the transaction it fails instead of writing a lot
 * with a wrong balance. Returns the row as the update leaves it.
 */
export async function applyPurchaseToMember(
  tx: Tx,
  row: Member,
  change: MemberChange,
  lot: EarnedLot,
): Promise<Member> {
  const { earned, spend, stamps, tier, at } = change;
  const seqStep = earned > 0 ? 1 : 0;
  // A till that was offline sends older receipts late; the latest purchase stays the latest.
  const lastPurchaseAt = row.lastPurchaseAt && row.lastPurchaseAt > at ? row.lastPurchaseAt : at;
  const updated = await tx.$executeRaw`
    UPDATE "Member"
    SET "balance" = "balance" + ${earned}, "ledgerSeq" = "ledgerSeq" + ${seqStep},
        "lifetimeSpend" = "lifetimeSpend" + ${spend}, "lifetimeEarned" = "lifetimeEarned" + ${earned},
        "purchaseCount" = "purchaseCount" + 1, "stamps" = ${stamps}, "tier" = ${tier}, "updatedAt" = ${at},
        "lastPurchaseAt" = ${lastPurchaseAt}
    WHERE "id" = ${row.id} AND "ledgerSeq" = ${row.ledgerSeq}`;
  if (updated !== 1) throw new Error(`Member ${row.id} changed during its purchase transaction; nothing was recorded.`);
  const after: Member = {
    ...row,
    balance: row.balance + earned,
    ledgerSeq: row.ledgerSeq + seqStep,
    lifetimeSpend: row.lifetimeSpend + spend,
    lifetimeEarned: row.lifetimeEarned + earned,
    purchaseCount: row.purchaseCount + 1,
    stamps,
    tier,
    updatedAt: at,
    lastPurchaseAt,
  };
  if (earned > 0) await insertEarnedLot(tx, after, earned, lot, at);
  return after;
}

async function insertEarnedLot(tx: Tx, after: Member, points: number, lot: EarnedLot, at: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "LedgerEntry" ("id", "memberId", "kind", "seq", "delta", "balanceAfter", "remaining", "expiresAt", "idempotencyKey", "createdAt")
    VALUES (${lot.id}, ${after.id}, 'purchase', ${after.ledgerSeq}, ${points}, ${after.balance}, ${points}, ${lot.expiresAt}, ${lot.idempotencyKey}, ${at})`;
  await countLedgerEntryInTransaction(tx, { kind: 'purchase', delta: points, at });
}

/**
 * Inserts the receipt unless it is recorded already; false when it is. On
 * PostgreSQL a concurrent insert of the same receipt waits for the first
 * transaction and then inserts nothing, so no failed statement aborts the
 * transaction.
 */
export async function insertReceipt(tx: Tx, row: Purchase): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "Purchase" ("id", "memberId", "receiptId", "requestHash", "amount", "redeemedPoints", "redeemedAmount", "paidAmount",
                            "discountPercent", "earnedPoints", "freeItem", "stamped", "tierBefore", "tierAfter", "source",
                            "recordedBy", "store", "till", "refundedAt", "refundShortfall", "createdAt")
    VALUES (${row.id}, ${row.memberId}, ${row.receiptId}, ${row.requestHash}, ${row.amount}, ${row.redeemedPoints}, ${row.redeemedAmount}, ${row.paidAmount},
            ${row.discountPercent}, ${row.earnedPoints}, ${row.freeItem}, ${row.stamped}, ${row.tierBefore}, ${row.tierAfter}, ${row.source},
            ${row.recordedBy}, ${row.store}, ${row.till}, ${row.refundedAt}, ${row.refundShortfall}, ${row.createdAt})
    ON CONFLICT ("receiptId") DO NOTHING`;
  return inserted === 1;
}

/** Writes the result into a receipt inserted earlier in the transaction as a placeholder. */
export async function fillReceipt(tx: Tx, row: Purchase): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Purchase"
    SET "redeemedPoints" = ${row.redeemedPoints}, "redeemedAmount" = ${row.redeemedAmount}, "paidAmount" = ${row.paidAmount},
        "discountPercent" = ${row.discountPercent}, "earnedPoints" = ${row.earnedPoints}, "freeItem" = ${row.freeItem},
        "stamped" = ${row.stamped}, "tierBefore" = ${row.tierBefore}, "tierAfter" = ${row.tierAfter}
    WHERE "id" = ${row.id}`;
}
