import type { MemberRecord } from '../ports.ts';
import type { Notification, PurchaseOutcome, PurchasePolicy, PurchaseRecord, PurchaseRequest } from '../points/pointsPorts.ts';
import type { PurchaseQuote } from '../points/quotePurchase.ts';
import { tierFor } from '../points/tierFor.ts';
import type { Database } from './openDatabase.ts';
import { creditInTransaction, type Tx } from './ledgerWrites.ts';
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
  if (quote.earnedPoints > 0) await creditEarned(tx, request, quote.earnedPoints, policy);
  const member = await updateFigures(tx, request, quote, policy);
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

async function creditEarned(tx: Tx, request: PurchaseRequest, points: number, policy: PurchasePolicy): Promise<void> {
  const days = policy.rules.pointsLifetimeDays;
  await creditInTransaction(tx, {
    memberId: request.memberId,
    kind: 'purchase',
    points,
    idempotencyKey: `purchase:${request.purchaseId}:earn`,
    expiresAt: days === 0 ? null : new Date(request.at.getTime() + days * DAY_MS),
    at: request.at,
  });
}

async function updateFigures(tx: Tx, request: PurchaseRequest, quote: Extract<PurchaseQuote, { ok: true }>, policy: PurchasePolicy): Promise<MemberRecord> {
  const grown = await tx.member.update({
    where: { id: request.memberId },
    data: {
      lifetimeSpend: { increment: quote.paidAmount + quote.redeemedAmount },
      lifetimeEarned: { increment: quote.earnedPoints },
      purchaseCount: { increment: 1 },
      stamps: quote.stampsAfter,
    },
  });
  const tier = tierFor(policy.rules, grown).code;
  const row = tier === grown.tier ? grown : await tx.member.update({ where: { id: request.memberId }, data: { tier } });
  return toMemberRecord(row);
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
