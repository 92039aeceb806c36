import type { Translator } from '../../i18n/translator.ts';
import type { MemberRecord } from '../../members/membersPorts.ts';
import { lotExpiresAt } from '../../points/lotExpiresAt.ts';
import { referralNotifications } from '../../referral/referralNotifications.ts';
import { decideReferralReward, isSelfReferral, rewardPeriodStart } from '../../referral/referralPolicy.ts';
import type { Tx } from '../db/openDatabase.ts';
import { toMemberRecord } from '../members/records.ts';
import { enqueueInTransaction } from '../outbox/enqueue.ts';
import { creditInTransaction } from '../points/creditInTransaction.ts';
import { takeBackReward } from './takeBackReward.ts';
import type { PurchaseEvent, PurchaseReaction } from '../points/purchaseReactions.ts';

/**
 * The referral programme's reaction to a purchase: a friend's first purchase
 * rewards the invitation (core/referral/referralPolicy.ts decides), the
 * friend's and the inviter's bonuses and their messages in the purchase's
 * transaction. Ledger keys `referral:<friendId>:friend|referrer` make it
 * happen once; the inviter's row is locked before their rewards in the period
 * are counted, so concurrent first purchases cannot exceed the cap.
 */
export function referralReaction(translator: Translator): PurchaseReaction {
  return {
    name: 'referral-reward',
    onPurchase: (tx, event) => rewardInvitation(tx, event, translator),
    onRefund: (tx, event) => takeBackRewards(tx, event),
  };
}

async function rewardInvitation(tx: Tx, event: PurchaseEvent, translator: Translator): Promise<MemberRecord> {
  const { member: friend, at, rules } = event;
  if (friend.purchaseCount !== 1) return friend;
  const referrer = await lockReferrerOf(tx, friend, at);
  if (!referrer) return friend;
  const facts = {
    friendPurchaseCount: friend.purchaseCount,
    alreadyRewarded: await alreadyRewarded(tx, friend.id),
    referrerRewardsInPeriod: await rewardsSince(tx, referrer.id, rewardPeriodStart(rules, at)),
  };
  const decision = decideReferralReward(rules, facts);
  if (!decision.reward) return friend;
  const after =
    (await creditReferral(tx, friend.id, `referral:${friend.id}:friend`, decision.friendPoints, event)) ?? friend;
  await creditReferral(tx, referrer.id, `referral:${friend.id}:referrer`, decision.referrerPoints, event);
  const reward = {
    ...decision,
    friend: { id: friend.id, locale: friend.locale, balance: after.balance },
    referrer: { id: referrer.id, locale: referrer.locale },
  };
  for (const notification of referralNotifications(translator, reward))
    await enqueueInTransaction(tx, { ...notification, at });
  return after;
}

/**
 * Refunding the purchase that earned an invitation's rewards takes both
 * back, the friend's and the inviter's, as far as each balance allows (the
 * refund's shortfall rule: a balance never goes negative). A reward belongs
 * to the purchase recorded at its own time (both are written with the
 * purchase's `at`); a later purchase's refund leaves it alone. (Two
 * purchases of one friend in the same millisecond cannot be told apart: the
 * ledger holds no purchase id.)
 */
async function takeBackRewards(tx: Tx, event: PurchaseEvent): Promise<MemberRecord> {
  const friendId = event.purchase.memberId;
  for (const side of ['friend', 'referrer'] as const)
    await takeBackReward(tx, `referral:${friendId}:${side}`, event.purchase.createdAt, event.at);
  return toMemberRecord(await tx.member.findUniqueOrThrow({ where: { id: friendId } }));
}

/** The friend's inviter, their row locked for this transaction; null for none, or for the friend themself. */
async function lockReferrerOf(tx: Tx, friend: MemberRecord, at: Date): Promise<MemberRecord | null> {
  const row = await tx.member.findUnique({ where: { id: friend.id }, select: { referredById: true } });
  const referrerId = row?.referredById;
  if (!referrerId) return null;
  const referrer = await tx.member.findUnique({ where: { id: referrerId }, select: { id: true, phone: true } });
  if (!referrer || isSelfReferral(referrer, friend)) return null;
  const locked = await tx.member.updateMany({ where: { id: referrerId }, data: { updatedAt: at } });
  if (locked.count !== 1) return null;
  return toMemberRecord(await tx.member.findUniqueOrThrow({ where: { id: referrerId } }));
}

async function alreadyRewarded(tx: Tx, friendId: string): Promise<boolean> {
  const keys = [`referral:${friendId}:friend`, `referral:${friendId}:referrer`];
  return (await tx.ledgerEntry.count({ where: { idempotencyKey: { in: keys } } })) > 0;
}

async function rewardsSince(tx: Tx, referrerId: string, since: Date): Promise<number> {
  return tx.ledgerEntry.count({
    where: {
      memberId: referrerId,
      kind: 'referral',
      idempotencyKey: { endsWith: ':referrer' },
      createdAt: { gt: since },
    },
  });
}

async function creditReferral(
  tx: Tx,
  memberId: string,
  idempotencyKey: string,
  points: number,
  event: PurchaseEvent,
): Promise<MemberRecord | null> {
  if (points === 0) return null;
  const expiresAt = lotExpiresAt(event.rules, event.at);
  return toMemberRecord(
    await creditInTransaction(tx, { memberId, kind: 'referral', points, idempotencyKey, expiresAt, at: event.at }),
  );
}
