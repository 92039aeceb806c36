import { createTranslator, type Translator } from '../../i18n/translator.ts';
import type { MemberRecord } from '../../members/membersPorts.ts';
import type { ProgramRules } from '../../program/programRules.ts';
import { newReferralCode } from '../../referral/referralCode.ts';
import { referralNotifications, type ReferralReward } from '../../referral/referralNotifications.ts';
import type { Referrals } from '../../referral/referralPorts.ts';
import { creditInTransaction } from '../points/creditInTransaction.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { Database } from '../db/openDatabase.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { toMemberRecord } from '../members/records.ts';
import { isUniqueViolation } from '../db/isUniqueViolation.ts';
import { retry, TryAgainError } from '../../errors.ts';

const DAY_MS = 86_400_000;
const CODE_ATTEMPTS = 5;

/** The referral programme's storage: invitation codes on Prisma, SQLite and PostgreSQL alike. */
export function createReferralStore(db: Database): Referrals {
  return { codeFor: (memberId) => codeFor(db, memberId) };
}

/**
 * The member's code, made on first use. The write is conditional on the
 * member having none, so two concurrent first uses agree on one code; a
 * random code someone else holds is replaced by another.
 */
async function codeFor(db: Database, memberId: string): Promise<string> {
  const exhausted = () => new Error(`Could not give member ${memberId} a free invitation code in ${CODE_ATTEMPTS} attempts.`);
  return retry({ attempts: CODE_ATTEMPTS, exhausted }, async () => {
    const existing = await db.prisma.member.findUnique({ where: { id: memberId }, select: { referralCode: true } });
    if (!existing) throw new Error(`Member ${memberId} does not exist, so it has no invitation code.`);
    if (existing.referralCode) return existing.referralCode;
    try {
      await db.prisma.member.updateMany({ where: { id: memberId, referralCode: null }, data: { referralCode: newReferralCode() } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    // Written by us or by a concurrent first use, or the code was someone else's: the next attempt reads which.
    throw new TryAgainError('the invitation code is not settled yet');
  });
}

/**
 * Who invited a member being enrolled, by the code they came with. Nobody
 * when the code is unknown, or when it is the newcomer's own (same member or
 * same phone): self-referral earns nothing.
 */
export async function referrerForEnrolment(tx: Tx, code: string | undefined, newcomer: { id: string; phone: string }): Promise<string | null> {
  if (!code) return null;
  const referrer = await tx.member.findUnique({ where: { referralCode: code }, select: { id: true, phone: true } });
  if (!referrer || referrer.id === newcomer.id || referrer.phone === newcomer.phone) return null;
  return referrer.id;
}

export interface FirstPurchase {
  /** The member who bought, as the purchase left them (purchase count included). */
  friend: MemberRecord;
  at: Date;
  rules: ProgramRules;
}

/**
 * Rewards an invitation when the invited friend makes their first purchase:
 * the friend's and the referrer's bonuses and their notifications, inside the
 * purchase's transaction. Ledger keys `referral:<friendId>:friend|referrer`
 * make it happen once; the referrer's row is locked before their rewards in
 * the period are counted, so concurrent first purchases cannot exceed the cap.
 * Returns the friend as they stand afterwards.
 */
export async function rewardReferralInTransaction(tx: Tx, purchase: FirstPurchase, translator: Translator = sharedTranslator()): Promise<MemberRecord> {
  const { friend, at, rules } = purchase;
  if (friend.purchaseCount !== 1) return friend;
  const referrer = await lockReferrerOf(tx, friend, at);
  if (!referrer || (await alreadyRewarded(tx, friend.id))) return friend;
  const capped = await capReached(tx, referrer.id, at, rules);
  const referrerPoints = capped ? 0 : rules.referral.referrerBonus;
  const friendPoints = rules.referral.friendBonus;
  const after = (await creditReferral(tx, friend.id, `referral:${friend.id}:friend`, friendPoints, purchase)) ?? friend;
  await creditReferral(tx, referrer.id, `referral:${friend.id}:referrer`, referrerPoints, purchase);
  const reward: ReferralReward = {
    friend: { id: friend.id, locale: friend.locale, balance: after.balance },
    referrer: { id: referrer.id, locale: referrer.locale },
    friendPoints,
    referrerPoints,
    capped: capped ? { cap: rules.referral.capPerPeriod, days: rules.referral.periodDays } : null,
  };
  for (const notification of referralNotifications(translator, reward)) await enqueueInTransaction(tx, { ...notification, at });
  return after;
}

/** The friend's referrer, its row locked for this transaction; null for none, or for the friend themself. */
async function lockReferrerOf(tx: Tx, friend: MemberRecord, at: Date): Promise<MemberRecord | null> {
  const row = await tx.member.findUnique({ where: { id: friend.id }, select: { referredById: true } });
  const referrerId = row?.referredById;
  if (!referrerId || referrerId === friend.id) return null;
  const locked = await tx.member.updateMany({ where: { id: referrerId, phone: { not: friend.phone } }, data: { updatedAt: at } });
  if (locked.count !== 1) return null;
  return toMemberRecord(await tx.member.findUniqueOrThrow({ where: { id: referrerId } }));
}

/** A refunded first purchase lowers the count again; the ledger remembers that the invitation paid off. */
async function alreadyRewarded(tx: Tx, friendId: string): Promise<boolean> {
  const keys = [`referral:${friendId}:friend`, `referral:${friendId}:referrer`];
  return (await tx.ledgerEntry.count({ where: { idempotencyKey: { in: keys } } })) > 0;
}

/** Has the referrer been rewarded `capPerPeriod` times in the last `periodDays`? A cap of 0 means no cap. */
async function capReached(tx: Tx, referrerId: string, at: Date, rules: ProgramRules): Promise<boolean> {
  const { capPerPeriod, periodDays } = rules.referral;
  if (capPerPeriod === 0) return false;
  const rewarded = await tx.ledgerEntry.count({
    where: { memberId: referrerId, kind: 'referral', idempotencyKey: { endsWith: ':referrer' }, createdAt: { gt: new Date(at.getTime() - periodDays * DAY_MS) } },
  });
  return rewarded >= capPerPeriod;
}

async function creditReferral(tx: Tx, memberId: string, idempotencyKey: string, points: number, purchase: FirstPurchase): Promise<MemberRecord | null> {
  if (points === 0) return null;
  const days = purchase.rules.pointsLifetimeDays;
  const expiresAt = days === 0 ? null : new Date(purchase.at.getTime() + days * DAY_MS);
  return toMemberRecord(await creditInTransaction(tx, { memberId, kind: 'referral', points, idempotencyKey, expiresAt, at: purchase.at }));
}

let translator: Translator | null = null;

/** The catalogues, loaded once: the purchase transaction has no translator of its own to lend. */
function sharedTranslator(): Translator {
  translator ??= createTranslator();
  return translator;
}
