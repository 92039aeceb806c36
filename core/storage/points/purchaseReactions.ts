import type { MemberRecord } from '../../members/membersPorts.ts';
import type { PurchaseRecord } from '../../points/pointsPorts.ts';
import type { ProgramRules } from '../../program/programRules.ts';
import type { Tx } from '../db/openDatabase.ts';

/** A purchase as a reaction sees it, inside the transaction that records (or refunds) it. */
export interface PurchaseEvent {
  purchase: PurchaseRecord;
  /** The buyer as the purchase (or the refund) left them so far. */
  member: MemberRecord;
  at: Date;
  rules: ProgramRules;
}

/**
 * Something a capability does when a purchase is recorded — the referral
 * reward today; draw entries, the NPS question and campaign conversions
 * next — written in the purchase's own transaction, so it happens if and
 * only if the purchase does. A refund runs its undo in the refund's
 * transaction. Reactions are listed by the composition root
 * (app/startApp.ts) and run in that order; each returns the buyer as it
 * leaves them, which the next one and the purchase's answer see.
 */
export interface PurchaseReaction {
  /** For logs and tests. */
  name: string;
  onPurchase(tx: Tx, event: PurchaseEvent): Promise<MemberRecord>;
  /** Undoes what `onPurchase` did for this purchase, when it did anything. */
  onRefund?(tx: Tx, event: PurchaseEvent): Promise<MemberRecord>;
}

/** Runs every reaction to a recorded purchase, in order; returns the buyer as the last one left them. */
export async function reactToPurchase(
  tx: Tx,
  reactions: readonly PurchaseReaction[],
  event: PurchaseEvent,
): Promise<MemberRecord> {
  let member = event.member;
  for (const reaction of reactions) member = await reaction.onPurchase(tx, { ...event, member });
  return member;
}

/** Runs every reaction's undo to a refunded purchase, last reaction first. */
export async function reactToRefund(
  tx: Tx,
  reactions: readonly PurchaseReaction[],
  event: PurchaseEvent,
): Promise<MemberRecord> {
  let member = event.member;
  for (const reaction of [...reactions].reverse())
    if (reaction.onRefund) member = await reaction.onRefund(tx, { ...event, member });
  return member;
}
