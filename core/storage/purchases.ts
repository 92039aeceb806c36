import type { MemberRecord } from '../ports.ts';
import type { Notification, PurchaseOutcome, PurchasePolicy, PurchaseRecord, PurchaseRequest } from '../points/pointsPorts.ts';
import type { PurchaseQuote } from '../points/quotePurchase.ts';
import { tierFor } from '../points/tierFor.ts';
import type { Database } from './openDatabase.ts';
import type { Tx } from './ledgerWrites.ts';
import { debitInTransaction, expireDueInTransaction } from './lots.ts';
import { enqueueInTransaction } from './outbox.ts';
import { rewardReferralInTransaction } from './referrals.ts';
import { toMemberRecord } from './records.ts';
import { toPurchaseRecord } from './purchaseRecords.ts';
import { isUniqueViolation } from './uniqueViolation.ts';

const DAY_MS = 86_400_000;

/** Rolls the purchase transaction back with an outcome to report instead of a result. */
class Refused extends Error {
  constructor(readonly outcome: PurchaseOutcome) {
    super(outcome.kind);
  }
}

/**
 * Records a purchase exactly once per receipt. Everything it changes — the
 * receipt, points spent and earned, lifetime figures, stamps, tier and the
 * messages to the member — commits together or not at all. A replay of the
 * same request returns the first result; the same receipt with other
 * content is a conflict.
 */
export async function recordPurchase(db: Database, request: PurchaseRequest, policy: PurchasePolicy): Promise<PurchaseOutcome> {
  try {
    return await db.prisma.$transaction((tx) => recordInTransaction(tx, request, policy), { timeout: 15_000, maxWait: 15_000 });
  } catch (error) {
    if (error instanceof Refused) return error.outcome;
    if (isUniqueViolation(error)) return replayOf(db, request);
    throw error;
  }
}

async function recordInTransaction(tx: Tx, request: PurchaseRequest, policy: PurchasePolicy): Promise<PurchaseOutcome> {
  // Written first: a concurrent replay of the same receipt waits on this row, then fails and replays.
  await tx.purchase.create({ data: placeholderRow(request) });
  if (request.consumeCode) await consumeCode(tx, request);
  await expireDueInTransaction(tx, request.memberId, request.at);
  const before = toMemberRecord(await tx.member.update({ where: { id: request.memberId }, data: { updatedAt: request.at } }));
  const quote = policy.quote(before);
  if (!quote.ok) throw new Refused({ kind: 'refused', reason: quote.reason, maxRedeemable: quote.maxRedeemable });
  if (quote.redeemedPoints > 0) {
    await debitInTransaction(tx, { memberId: request.memberId, kind: 'redeem', points: quote.redeemedPoints, idempotencyKey: `purchase:${request.purchaseId}:redeem`, at: request.at });
  }
  const member = await applyToMember(tx, request, before, quote, policy);
  const purchase = toPurchaseRecord(await tx.purchase.update({ where: { id: request.purchaseId }, data: resultRow({ ...before, tier: before.tier ?? tierFor(policy.rules, before).code }, member, quote) }));
  await enqueueAll(tx, policy.notifyPurchase(purchase, member));
  // Referral: a friend's first purchase rewards the invitation in this same transaction (the member comes back with the friend's bonus).
  return { kind: 'recorded', purchase, member: await rewardReferralInTransaction(tx, { friend: member, at: request.at, rules: policy.rules }) };
}

function placeholderRow(request: PurchaseRequest) {
  return {
    id: request.purchaseId,
    memberId: request.memberId,
    receiptId: request.receiptId,
    requestHash: request.requestHash,
    amount: request.amount,
    redeemedPoints: 0,
    redeemedAmount: 0,
    paidAmount: 0,
    discountPercent: 0,
    earnedPoints: 0,
    source: request.source,
    createdAt: request.at,
  };
}

async function consumeCode(tx: Tx, request: PurchaseRequest): Promise<void> {
  const used = await tx.oneTimeCode.updateMany({
    where: { code: request.consumeCode!, memberId: request.memberId, usedAt: null, expiresAt: { gt: request.at } },
    data: { usedAt: request.at },
  });
  if (used.count !== 1) throw new Refused({ kind: 'code-invalid' });
}

/**
 * One update moves everything the purchase changes on the member — earned
 * points, lifetime figures, stamps, tier — and the earned lot is written
 * with the balance it produced. The tier is computed from the figures read
 * under the row lock plus this purchase's increments, which is exactly what
 * the row holds after the update.
 */
async function applyToMember(tx: Tx, request: PurchaseRequest, before: MemberRecord, quote: Extract<PurchaseQuote, { ok: true }>, policy: PurchasePolicy): Promise<MemberRecord> {
  const spend = quote.paidAmount + quote.redeemedAmount;
  const earned = quote.earnedPoints;
  const tier = tierFor(policy.rules, { lifetimeSpend: before.lifetimeSpend + spend, lifetimeEarned: before.lifetimeEarned + earned }).code;
  const row = await tx.member.update({
    where: { id: request.memberId },
    data: {
      balance: { increment: earned },
      ledgerSeq: { increment: earned > 0 ? 1 : 0 },
      lifetimeSpend: { increment: spend },
      lifetimeEarned: { increment: earned },
      purchaseCount: { increment: 1 },
      stamps: quote.stampsAfter,
      tier,
    },
  });
  if (earned > 0) await writeEarnedLot(tx, request, row, earned, policy);
  return toMemberRecord(row);
}

async function writeEarnedLot(tx: Tx, request: PurchaseRequest, row: { ledgerSeq: number; balance: number }, points: number, policy: PurchasePolicy): Promise<void> {
  const days = policy.rules.pointsLifetimeDays;
  await tx.ledgerEntry.create({
    data: {
      id: crypto.randomUUID(),
      memberId: request.memberId,
      seq: row.ledgerSeq,
      kind: 'purchase',
      delta: points,
      balanceAfter: row.balance,
      remaining: points,
      expiresAt: days === 0 ? null : new Date(request.at.getTime() + days * DAY_MS),
      idempotencyKey: `purchase:${request.purchaseId}:earn`,
      createdAt: request.at,
    },
  });
}

function resultRow(before: MemberRecord, after: MemberRecord, quote: Extract<PurchaseQuote, { ok: true }>) {
  return {
    redeemedPoints: quote.redeemedPoints,
    redeemedAmount: quote.redeemedAmount,
    paidAmount: quote.paidAmount,
    discountPercent: quote.discountPercent,
    earnedPoints: quote.earnedPoints,
    freeItem: quote.freeItem,
    stamped: quote.freeItem || quote.stampsAfter !== before.stamps,
    tierBefore: before.tier,
    tierAfter: after.tier,
  };
}

export async function enqueueAll(tx: Tx, notifications: Notification[]): Promise<void> {
  for (const notification of notifications) await enqueueInTransaction(tx, notification);
}

/** The receipt exists: the same request gets the first result, another one a conflict. */
async function replayOf(db: Database, request: PurchaseRequest): Promise<PurchaseOutcome> {
  const row = await db.prisma.purchase.findUnique({ where: { receiptId: request.receiptId } });
  if (!row) throw new Error(`Receipt ${request.receiptId} was reported as taken but cannot be found.`);
  const purchase = toPurchaseRecord(row);
  if (row.requestHash !== request.requestHash) return { kind: 'receipt-conflict', purchase };
  const member = toMemberRecord(await db.prisma.member.findUniqueOrThrow({ where: { id: row.memberId } }));
  return { kind: 'replayed', purchase, member };
}

export type { PurchaseRecord };
