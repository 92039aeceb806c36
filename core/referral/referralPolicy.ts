import { DAY_MS } from '../program/days.ts';
import type { ProgramRules } from '../program/programRules.ts';

/** Who a person is, as far as telling them apart from their inviter goes. */
export interface Person {
  id: string;
  phone: string | null;
}

/** Self-referral earns nothing: an invitation used by its own member, or by the same phone under another card. */
export function isSelfReferral(referrer: Person, newcomer: Person): boolean {
  return referrer.id === newcomer.id || (referrer.phone !== null && referrer.phone === newcomer.phone);
}

/** What storage found out about a friend's purchase and their inviter, under the row lock. */
export interface ReferralFacts {
  /** The friend's purchases, this one included. */
  friendPurchaseCount: number;
  /** The invitation paid off before (a refunded first purchase lowers the count, the ledger remembers). */
  alreadyRewarded: boolean;
  /** The inviter's rewarded invitations since `rewardPeriodStart`. */
  referrerRewardsInPeriod: number;
}

export type ReferralDecision =
  | { reward: false }
  | { reward: true; friendPoints: number; referrerPoints: number; capped: { cap: number; days: number } | null };

/**
 * A friend's first real purchase rewards the invitation, once: the friend
 * gets their bonus, and so does the inviter unless they reached the cap of
 * rewarded invitations for the period (a cap of 0 means none).
 */
export function decideReferralReward(rules: ProgramRules, facts: ReferralFacts): ReferralDecision {
  if (facts.friendPurchaseCount !== 1 || facts.alreadyRewarded) return { reward: false };
  const { capPerPeriod, periodDays, referrerBonus, friendBonus } = rules.referral;
  const capped = capPerPeriod > 0 && facts.referrerRewardsInPeriod >= capPerPeriod;
  return {
    reward: true,
    friendPoints: friendBonus,
    referrerPoints: capped ? 0 : referrerBonus,
    capped: capped ? { cap: capPerPeriod, days: periodDays } : null,
  };
}

/** Where the cap's period starts for a reward at `at`. */
export function rewardPeriodStart(rules: ProgramRules, at: Date): Date {
  return new Date(at.getTime() - rules.referral.periodDays * DAY_MS);
}
