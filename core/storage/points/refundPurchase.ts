import type { MemberRecord } from '../../members/membersPorts.ts';
import type { PurchaseRecord, RefundOutcome, RefundPolicy } from '../../points/pointsPorts.ts';
import type { Database } from '../db/openDatabase.ts';
import type { Tx } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { debitInTransaction, expireDueInTransaction, restoreDrawsInTransaction } from './lots.ts';
import { enqueueAll } from './recordPurchase.ts';
import { countedPurchase, countPurchaseInTransaction } from '../analytics/countPurchase.ts';
import { countLedgerEntryInTransaction } from '../analytics/countLedgerEntry.ts';
import { reactToRefund, type PurchaseReaction } from './purchaseReactions.ts';
import { toMemberRecord } from '../members/records.ts';
import { toPurchaseRecord } from './toPurchaseRecord.ts';

/**
 * Refunds a purchase once: the points it spent go back into the lots they
 * came from, the points it earned are taken back as far as the balance
 * allows (what is missing is the shortfall the till withholds from the
 * cash refund, since a balance never goes negative), and the lifetime
 * figures, stamps and tier are rolled back.
 */
export async function refundPurchase(
  db: Database,
  purchaseId: string,
  at: Date,
  policy: RefundPolicy,
  reactions: readonly PurchaseReaction[] = [],
): Promise<RefundOutcome> {
  // Run again whole after a lost race: the conditional `refundedAt` claim keeps the refund exactly once.
  return withTransactionRetry(db, (tx) => refundInTransaction(tx, purchaseId, at, policy, reactions), {
    timeout: 15_000,
    maxWait: 15_000,
  });
}

async function refundInTransaction(
  tx: Tx,
  purchaseId: string,
  at: Date,
  policy: RefundPolicy,
  reactions: readonly PurchaseReaction[],
): Promise<RefundOutcome> {
  const owner = await tx.purchase.findUnique({ where: { id: purchaseId }, select: { recordedBy: true } });
  if (!owner) return { kind: 'not-found' };
  if (!policy.mayRefund(owner.recordedBy)) return { kind: 'not-yours' };
  const claimed = await tx.purchase.updateMany({
    where: { id: purchaseId, refundedAt: null },
    data: { refundedAt: at },
  });
  const row = await tx.purchase.findUnique({ where: { id: purchaseId } });
  if (!row) return { kind: 'not-found' };
  if (claimed.count !== 1)
    return { kind: 'already-refunded', purchase: toPurchaseRecord(row), member: await memberOf(tx, row.memberId) };
  await expireDueInTransaction(tx, row.memberId, at);
  await giveBackRedeemed(tx, row, at);
  const shortfall = await takeBackEarned(tx, row, at);
  const { tier: tierBefore, createdAt: memberSince } = await tx.member.findUniqueOrThrow({
    where: { id: row.memberId },
    select: { tier: true, createdAt: true },
  });
  await countPurchaseInTransaction(tx, countedPurchase(row, memberSince), -1);
  const rolledBack = await rollBackFigures(tx, { ...toPurchaseRecord(row), stamped: row.stamped }, policy);
  const purchase = toPurchaseRecord(
    await tx.purchase.update({ where: { id: purchaseId }, data: { refundShortfall: shortfall } }),
  );
  const member = await reactToRefund(tx, reactions, { purchase, member: rolledBack, at, rules: policy.rules });
  await enqueueAll(tx, policy.notifyRefund(purchase, member, tierBefore), at);
  return { kind: 'refunded', purchase, member };
}

async function giveBackRedeemed(
  tx: Tx,
  row: { id: string; memberId: string; redeemedPoints: number },
  at: Date,
): Promise<void> {
  if (row.redeemedPoints === 0) return;
  const debit = await tx.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey: `purchase:${row.id}:redeem` } });
  const restored = await restoreDrawsInTransaction(tx, debit.id);
  const member = await tx.member.update({
    where: { id: row.memberId },
    data: { balance: { increment: restored }, ledgerSeq: { increment: 1 } },
  });
  await tx.ledgerEntry.create({
    data: {
      id: crypto.randomUUID(),
      memberId: row.memberId,
      seq: member.ledgerSeq,
      kind: 'refund',
      delta: restored,
      balanceAfter: member.balance,
      idempotencyKey: `purchase:${row.id}:refund-redeem`,
      createdAt: at,
    },
  });
  await countLedgerEntryInTransaction(tx, { kind: 'refund', delta: restored, at });
  // Lots that expired meanwhile get their points back only to expire them at once.
  await expireDueInTransaction(tx, row.memberId, at);
}

async function takeBackEarned(
  tx: Tx,
  row: { id: string; memberId: string; earnedPoints: number },
  at: Date,
): Promise<number> {
  if (row.earnedPoints === 0) return 0;
  const { balance } = await tx.member.findUniqueOrThrow({ where: { id: row.memberId }, select: { balance: true } });
  const lot = await tx.ledgerEntry.findUnique({
    where: { idempotencyKey: `purchase:${row.id}:earn` },
    select: { id: true },
  });
  // Earned points that expired meanwhile already left the balance; they are not owed twice.
  const owed = row.earnedPoints - (lot ? await expiredFrom(tx, lot.id) : 0);
  const taken = Math.min(balance, owed);
  if (taken > 0) {
    await debitInTransaction(tx, {
      memberId: row.memberId,
      kind: 'refund',
      points: taken,
      idempotencyKey: `purchase:${row.id}:refund-earn`,
      at,
      ...(lot && { firstFromLot: lot.id }),
    });
  }
  return owed - taken;
}

async function expiredFrom(tx: Tx, lotId: string): Promise<number> {
  const draws = await tx.lotDraw.findMany({ where: { lotId } });
  const expiries = await tx.ledgerEntry.findMany({
    where: { id: { in: draws.map((draw) => draw.debitId) }, kind: 'expire' },
    select: { id: true },
  });
  const expiryIds = new Set(expiries.map((entry) => entry.id));
  return draws.filter((draw) => expiryIds.has(draw.debitId)).reduce((sum, draw) => sum + draw.points, 0);
}

async function rollBackFigures(
  tx: Tx,
  purchase: PurchaseRecord & { stamped: boolean },
  policy: RefundPolicy,
): Promise<MemberRecord> {
  const current = await tx.member.findUniqueOrThrow({ where: { id: purchase.memberId } });
  const stamps = purchase.stamped && !purchase.freeItem ? Math.max(0, current.stamps - 1) : current.stamps;
  // The refunded receipt no longer counts as the member's latest purchase (segments ask how long ago that was).
  const latest = await tx.purchase.findFirst({
    where: { memberId: purchase.memberId, refundedAt: null, id: { not: purchase.id } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const shrunk = await tx.member.update({
    where: { id: purchase.memberId },
    data: {
      lifetimeSpend: Math.max(0, current.lifetimeSpend - purchase.paidAmount - purchase.redeemedAmount),
      lifetimeEarned: Math.max(0, current.lifetimeEarned - purchase.earnedPoints),
      purchaseCount: Math.max(0, current.purchaseCount - 1),
      stamps,
      lastPurchaseAt: latest?.createdAt ?? null,
    },
  });
  const tier = policy.tierOf(shrunk);
  return toMemberRecord(
    tier === shrunk.tier ? shrunk : await tx.member.update({ where: { id: purchase.memberId }, data: { tier } }),
  );
}

async function memberOf(tx: Tx, memberId: string): Promise<MemberRecord> {
  return toMemberRecord(await tx.member.findUniqueOrThrow({ where: { id: memberId } }));
}
