import type { MemberRecord } from '../../members/membersPorts.ts';
import type {
  MemberReference,
  PurchaseOutcome,
  PurchasePolicy,
  PurchaseRecord,
  PurchaseRequest,
} from '../../points/pointsPorts.ts';
import type { Notification } from '../../outbox/outboxPorts.ts';
import type { PurchaseQuote } from '../../points/quotePurchase.ts';
import { lotExpiresAt } from '../../points/lotExpiresAt.ts';
import type { Database } from '../db/openDatabase.ts';
import type { Tx } from '../db/openDatabase.ts';
import { withTransactionRetry } from '../db/withTransactionRetry.ts';
import { debitInTransaction, expireDueInTransaction } from './lots.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { reactToPurchase, type PurchaseReaction } from './purchaseReactions.ts';
import { toMemberRecord, type Member } from '../members/records.ts';
import { toPurchaseRecord } from './toPurchaseRecord.ts';
import { completeInTransaction } from '../api/idempotency.ts';
import { countedPurchase, countPurchaseInTransaction } from '../analytics/countPurchase.ts';
import {
  applyPurchaseToMember,
  fillReceipt,
  insertReceipt,
  type EarnedLot,
  type MemberChange,
} from './purchaseWrites.ts';
import type { Purchase } from '../generated/sqlite/client.ts';

type Accepted = Extract<PurchaseQuote, { ok: true }>;

/** Rolls the purchase transaction back with an outcome to report instead of a result. */
class Refused extends Error {
  constructor(
    readonly outcome: PurchaseOutcome,
    /** The member the request named, when it named one. */
    readonly memberId: string | null,
  ) {
    super(outcome.kind);
  }
}

/** Rolls the purchase transaction back: the receipt was recorded before, by the member named. */
class ReceiptTaken extends Error {
  constructor(readonly memberId: string) {
    super('receipt taken');
  }
}

/**
 * Records a purchase exactly once per receipt. Everything it changes — the
 * receipt, points spent and earned, lifetime figures, stamps, tier and the
 * messages to the member — commits together or not at all. A replay of the
 * same request returns the first result; the same receipt with other
 * content is a conflict.
 */
export async function recordPurchase(
  db: Database,
  request: PurchaseRequest,
  policy: PurchasePolicy,
  reactions: readonly PurchaseReaction[] = [],
): Promise<PurchaseOutcome> {
  const receiptFirst = db.provider === 'postgresql';
  try {
    // A transaction that lost a race is run again whole; the receipt's unique constraint keeps the purchase exactly once.
    return await withTransactionRetry(db, (tx) => recordInTransaction(tx, request, policy, receiptFirst, reactions), {
      timeout: 15_000,
      maxWait: 15_000,
    });
  } catch (error) {
    // A request refused now may still be the replay of one recorded before (its code used up, its points spent since).
    if (error instanceof Refused) return (await replayOf(db, request, policy, error.memberId)) ?? error.outcome;
    if (!(error instanceof ReceiptTaken)) throw error;
    const replay = await replayOf(db, request, policy, error.memberId);
    if (!replay) throw new Error(`Receipt ${request.receiptId} was reported as taken but cannot be found.`);
    return replay;
  }
}

/**
 * The member is resolved as the transaction's first statement, which also
 * locks their row (and, on SQLite, takes the write lock at once); from then
 * on the transaction knows the row and writes without reading it back.
 * Where the receipt row is written depends on the provider: PostgreSQL
 * writes a placeholder at once, on which a concurrent replay of the same
 * receipt waits and then replays; SQLite runs one transaction at a time on
 * its one connection, so the receipt is written once, complete, at the end.
 */
async function recordInTransaction(
  tx: Tx,
  request: PurchaseRequest,
  policy: PurchasePolicy,
  receiptFirst: boolean,
  reactions: readonly PurchaseReaction[],
): Promise<PurchaseOutcome> {
  const locked = await lockBuyer(tx, request);
  if (!locked) throw new Refused(await nobodyNamed(tx, request.member), null);
  const receipt = receiptRow(request, locked.id, policy.requestHash(locked.id));
  if (receiptFirst && !(await insertReceipt(tx, receipt))) throw new ReceiptTaken(locked.id);
  const expired = await expireDueInTransaction(tx, locked.id, request.at);
  let row = expired > 0 ? await tx.member.findUniqueOrThrow({ where: { id: locked.id } }) : locked;
  const before = toMemberRecord(row);
  const quote = policy.quote(before);
  if (!quote.ok)
    throw new Refused({ kind: 'refused', reason: quote.reason, maxRedeemable: quote.maxRedeemable }, locked.id);
  if (quote.redeemedPoints > 0) {
    await debitInTransaction(tx, {
      memberId: locked.id,
      kind: 'redeem',
      points: quote.redeemedPoints,
      idempotencyKey: `purchase:${request.purchaseId}:redeem`,
      at: request.at,
    });
    row = { ...row, balance: row.balance - quote.redeemedPoints, ledgerSeq: row.ledgerSeq + 1 };
  }
  const member = toMemberRecord(
    await applyPurchaseToMember(tx, row, memberChange(request, before, quote, policy), earnedLot(request, policy)),
  );
  const purchase = {
    ...receipt,
    ...resultRow({ ...before, tier: before.tier ?? policy.tierOf(before) }, member, quote),
  };
  if (receiptFirst) await fillReceipt(tx, purchase);
  else if (!(await insertReceipt(tx, purchase))) throw new ReceiptTaken(locked.id);
  await countPurchaseInTransaction(tx, countedPurchase(purchase, row.createdAt), 1);
  await enqueueAll(tx, policy.notifyPurchase(toPurchaseRecord(purchase), member), request.at);
  // The capabilities' reactions (the referral reward…) write in this same transaction; the member comes back as they leave them.
  const recordedPurchase = toPurchaseRecord(purchase);
  const recorded = {
    purchase: recordedPurchase,
    member: await reactToPurchase(tx, reactions, {
      purchase: recordedPurchase,
      member,
      at: request.at,
      rules: policy.rules,
    }),
  };
  const replyKept = request.reply
    ? await completeInTransaction(tx, request.reply, request.reply.render(recorded))
    : false;
  return { kind: 'recorded', ...recorded, replyKept };
}

/** The member the request names, their row locked for this transaction; a one-time code is used up on the way. Null for none. */
async function lockBuyer(tx: Tx, request: PurchaseRequest): Promise<Member | null> {
  const { member: reference, at } = request;
  const where =
    'code' in reference ? await useUpCode(tx, reference.code, at, request.recordedBy) : memberWhere(reference);
  if (!where) return null;
  const [row] = await tx.member.updateManyAndReturn({ where, data: { updatedAt: at } });
  return row ?? null;
}

/** Why the request named nobody: a code used up or expired is told apart from one never issued. */
async function nobodyNamed(tx: Tx, reference: MemberReference): Promise<PurchaseOutcome> {
  if (!('code' in reference)) return { kind: 'member-not-found' };
  const issued = await tx.oneTimeCode.count({ where: { code: reference.code } });
  return { kind: issued > 0 ? 'code-expired' : 'code-invalid' };
}

/** Uses the code up, unless another credential looked it up first: then it is theirs, and this purchase names no one. */
async function useUpCode(tx: Tx, code: string, at: Date, by: string): Promise<{ id: string } | null> {
  const [used] = await tx.oneTimeCode.updateManyAndReturn({
    where: { code, usedAt: null, expiresAt: { gt: at }, OR: [{ claimedBy: null }, { claimedBy: by }] },
    data: { usedAt: at },
    select: { memberId: true },
  });
  return used ? { id: used.memberId } : null;
}

function memberWhere(
  reference: Exclude<MemberReference, { code: string }>,
): { id: string } | { cardNumber: string } | { phone: string } {
  if ('memberId' in reference) return { id: reference.memberId };
  return 'cardNumber' in reference ? { cardNumber: reference.cardNumber } : { phone: reference.phone };
}

/** The receipt as first written: PostgreSQL's placeholder has no result yet; the result is added to it, or to SQLite's one insert. */
function receiptRow(request: PurchaseRequest, memberId: string, requestHash: string): Purchase {
  return {
    id: request.purchaseId,
    memberId,
    receiptId: request.receiptId,
    requestHash,
    amount: request.amount,
    redeemedPoints: 0,
    redeemedAmount: 0,
    paidAmount: 0,
    discountPercent: 0,
    earnedPoints: 0,
    freeItem: false,
    stamped: false,
    tierBefore: null,
    tierAfter: null,
    source: request.source,
    recordedBy: request.recordedBy,
    store: request.store ?? null,
    till: request.till ?? null,
    refundedAt: null,
    refundShortfall: 0,
    createdAt: request.at,
  };
}

/**
 * Everything the purchase changes on the member — earned points, lifetime
 * figures, stamps, tier — for one update. The tier is computed from the
 * figures read under the row lock plus this purchase's increments, which is
 * exactly what the row holds after the update.
 */
function memberChange(
  request: PurchaseRequest,
  before: MemberRecord,
  quote: Accepted,
  policy: PurchasePolicy,
): MemberChange {
  const spend = quote.paidAmount + quote.redeemedAmount;
  const earned = quote.earnedPoints;
  const tier = policy.tierOf({
    lifetimeSpend: before.lifetimeSpend + spend,
    lifetimeEarned: before.lifetimeEarned + earned,
  });
  return { earned, spend, stamps: quote.stampsAfter, tier, at: request.at };
}

function earnedLot(request: PurchaseRequest, policy: PurchasePolicy): EarnedLot {
  return {
    id: crypto.randomUUID(),
    idempotencyKey: `purchase:${request.purchaseId}:earn`,
    expiresAt: lotExpiresAt(policy.rules, request.at),
  };
}

function resultRow(before: MemberRecord, after: MemberRecord, quote: Accepted) {
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

/**
 * The purchase's (or refund's) messages, stamped with its own time `at`, as
 * its reactions stamp theirs: the outbox is claimed by time, then by id, so
 * messages of one transaction with one time go out in the order written.
 * Without the stamp they took the wall clock, later than `at`, and a
 * referral bonus written after the purchase went out before it.
 */
export async function enqueueAll(tx: Tx, notifications: Notification[], at: Date): Promise<void> {
  // A purchase does not look at what became of its messages: no query to ask why one was not queued.
  for (const notification of notifications)
    await enqueueInTransaction(tx, { ...notification, at }, { tellWhyNot: false });
}

/**
 * The first result when the receipt was recorded before and this request is
 * the same (same member, amount and redemption), a conflict when it is not;
 * null when the receipt was never recorded.
 */
async function replayOf(
  db: Database,
  request: PurchaseRequest,
  policy: PurchasePolicy,
  memberId: string | null,
): Promise<PurchaseOutcome | null> {
  const row = await db.prisma.purchase.findUnique({ where: { receiptId: request.receiptId } });
  if (!row) return null;
  const purchase = toPurchaseRecord(row);
  const named = memberId ?? (await ownerOfCode(db, request.member));
  if (named === null || row.requestHash !== policy.requestHash(named)) return { kind: 'receipt-conflict', purchase };
  const member = toMemberRecord(await db.prisma.member.findUniqueOrThrow({ where: { id: row.memberId } }));
  return { kind: 'replayed', purchase, member };
}

/** Whose a one-time code is, used up or not: a replay may name the member by the code its first request used. */
async function ownerOfCode(db: Database, reference: MemberReference): Promise<string | null> {
  if (!('code' in reference)) return null;
  const code = await db.prisma.oneTimeCode.findUnique({ where: { code: reference.code }, select: { memberId: true } });
  return code?.memberId ?? null;
}

export type { PurchaseRecord };
