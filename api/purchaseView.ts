import { z } from 'zod';
import type { MemberRecord } from '../core/members/membersPorts.ts';
import type { PurchaseRecord } from '../core/points/pointsPorts.ts';
import { tierFor } from '../core/points/tierFor.ts';
import type { ProgramRules } from '../core/program/programRules.ts';
import { timestamp } from './fields.ts';

const int = () => z.number().int();

export const purchaseViewSchema = z.object({
  purchaseId: z.string(),
  receiptId: z.string(),
  memberId: z.string(),
  amount: int().meta({ description: 'Receipt total before the loyalty discount, minor units.' }),
  discountPercent: int().meta({ description: "The tier's cumulative discount applied." }),
  discountAmount: int().meta({ description: 'Discount to give, minor units (rounded half up).' }),
  redeemedPoints: int(),
  redeemedAmount: int().meta({ description: 'What the redeemed points pay, minor units.' }),
  paidAmount: int().meta({ description: 'What the customer pays in money: amount − discount − redeemed.' }),
  earnedPoints: int(),
  freeItem: z.boolean().meta({ description: 'The stamp card completed: this purchase earns the free item.' }),
  balance: int().meta({ description: 'Points balance right after this purchase.' }),
  tier: z.string().nullable().meta({ description: 'Tier after this purchase.' }),
  createdAt: timestamp,
});

export const refundViewSchema = z.object({
  purchaseId: z.string(),
  receiptId: z.string(),
  memberId: z.string(),
  alreadyRefunded: z
    .boolean()
    .meta({ description: 'True when the purchase had been refunded before this request; nothing changed this time.' }),
  restoredPoints: int().meta({ description: 'Points the purchase had spent, given back.' }),
  takenBackPoints: int().meta({ description: 'Points the purchase had earned, taken back.' }),
  shortfallPoints: int().meta({ description: 'Earned points that could not be taken back (already spent).' }),
  withholdAmount: int().meta({
    description: 'Withhold this from the money refunded, minor units: shortfall × point value.',
  }),
  balance: int().meta({ description: "The member's balance now." }),
  tier: z.string(),
  refundedAt: timestamp,
});

export type PurchaseView = z.infer<typeof purchaseViewSchema>;
export type RefundView = z.infer<typeof refundViewSchema>;

export function toPurchaseView(purchase: PurchaseRecord, balance: number): PurchaseView {
  const {
    id,
    receiptId,
    memberId,
    amount,
    discountPercent,
    discountAmount,
    redeemedPoints,
    redeemedAmount,
    paidAmount,
    earnedPoints,
    freeItem,
  } = purchase;
  return {
    purchaseId: id,
    receiptId,
    memberId,
    amount,
    discountPercent,
    discountAmount,
    redeemedPoints,
    redeemedAmount,
    paidAmount,
    earnedPoints,
    freeItem,
    balance,
    tier: purchase.tierAfter,
    createdAt: purchase.createdAt.toISOString(),
  };
}

/** A refund, worked out from the refunded purchase; a second refund reports the first one's figures. */
export function toRefundView(
  purchase: PurchaseRecord,
  member: MemberRecord,
  rules: ProgramRules,
  alreadyRefunded: boolean,
): RefundView {
  const shortfall = purchase.refundShortfall;
  return {
    purchaseId: purchase.id,
    receiptId: purchase.receiptId,
    memberId: purchase.memberId,
    alreadyRefunded,
    restoredPoints: purchase.redeemedPoints,
    takenBackPoints: purchase.earnedPoints - shortfall,
    shortfallPoints: shortfall,
    withholdAmount: shortfall * rules.pointValue,
    balance: member.balance,
    tier: tierFor(rules, member).code,
    refundedAt: purchase.refundedAt!.toISOString(),
  };
}
