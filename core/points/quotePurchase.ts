import type { ProgramRules } from '../program/programRules.ts';
import { tierFor, type LifetimeFigures } from './tierFor.ts';

export interface PurchaseQuoteInput extends LifetimeFigures {
  /** Receipt total before the loyalty discount, in minor units. */
  amount: number;
  balance: number;
  stamps: number;
  /** Points the member wants to pay with. */
  redeemPoints: number;
}

/** What a purchase came to, in minor units and points; a recorded purchase keeps the same figures. */
export interface PurchaseFigures {
  discountPercent: number;
  discountAmount: number;
  redeemedPoints: number;
  redeemedAmount: number;
  paidAmount: number;
  earnedPoints: number;
  freeItem: boolean;
}

export type PurchaseQuote =
  | (PurchaseFigures & {
      ok: true;
      tier: string;
      stampsAfter: number;
      maxRedeemable: number;
    })
  | { ok: false; reason: 'over-balance' | 'over-share'; maxRedeemable: number };

/**
 * What a purchase does to a member, as pure arithmetic on integers.
 *
 * The rounding rules, written down once:
 * - the discount is rounded half up to a whole minor unit;
 * - points can pay for at most `maxRedeemPercent` of the discounted amount,
 *   counted in whole points (rounded down);
 * - points are earned on the money actually paid (after discount and
 *   points), `paid × earnPercent / 100 / pointValue`, rounded down: a member
 *   never gets a fraction of a point, and never more than the rate promises.
 */
export function quotePurchase(rules: ProgramRules, input: PurchaseQuoteInput): PurchaseQuote {
  const tier = tierFor(rules, input);
  const discountAmount = Math.floor((input.amount * tier.discountPercent + 50) / 100);
  const afterDiscount = input.amount - discountAmount;
  const byShare = Math.floor((afterDiscount * rules.maxRedeemPercent) / 100 / rules.pointValue);
  const maxRedeemable = Math.max(0, Math.min(input.balance, byShare));
  if (input.redeemPoints > input.balance) return { ok: false, reason: 'over-balance', maxRedeemable };
  if (input.redeemPoints > byShare) return { ok: false, reason: 'over-share', maxRedeemable };
  const redeemedAmount = input.redeemPoints * rules.pointValue;
  const paidAmount = afterDiscount - redeemedAmount;
  const earnedPoints = Math.floor((paidAmount * tier.earnPercent) / (100 * rules.pointValue));
  const { freeItem, stampsAfter } = stampProgress(rules, input.amount, input.stamps);
  return {
    ok: true,
    tier: tier.code,
    discountPercent: tier.discountPercent,
    discountAmount,
    redeemedPoints: input.redeemPoints,
    redeemedAmount,
    paidAmount,
    earnedPoints,
    freeItem,
    stampsAfter,
    maxRedeemable,
  };
}

/** Every Nth qualifying purchase is free: after N−1 stamps the next one is. */
function stampProgress(
  rules: ProgramRules,
  amount: number,
  stamps: number,
): { freeItem: boolean; stampsAfter: number } {
  const card = rules.stampCard;
  if (!card.enabled || amount < card.minAmount) return { freeItem: false, stampsAfter: stamps };
  if (stamps >= card.every - 1) return { freeItem: true, stampsAfter: 0 };
  return { freeItem: false, stampsAfter: stamps + 1 };
}
