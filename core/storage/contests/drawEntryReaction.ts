import type { MemberRecord } from '../../members/membersPorts.ts';
import { entriesForPurchase, type DrawEntryRule } from '../../contests/draws/draw.ts';
import type { Tx } from '../db/openDatabase.ts';
import type { PurchaseEvent, PurchaseReaction } from '../points/purchaseReactions.ts';
import { addEntries, withdrawPurchaseEntries } from './drawEntries.ts';

/**
 * Draw entries earned by a purchase, written in its transaction: one for a
 * purchase of at least `minAmount`, or one per `perAmount`, in every
 * published purchase draw whose window holds the purchase. A refund
 * withdraws them while the draw is still open.
 */
export function drawEntryReaction(): PurchaseReaction {
  return { name: 'draw-entries', onPurchase: enterDraws, onRefund: withdrawEntries };
}

async function enterDraws(tx: Tx, event: PurchaseEvent): Promise<MemberRecord> {
  const { purchase, member, at } = event;
  const draws = await tx.draw.findMany({
    where: { entryKind: 'purchase', status: 'open', published: true, opensAt: { lte: at }, closesAt: { gt: at } },
    select: { id: true, entry: true },
  });
  for (const draw of draws) {
    const count = entriesForPurchase(JSON.parse(draw.entry) as DrawEntryRule, purchase.amount);
    const entries = Array.from({ length: count }, (_, n) => ({
      memberId: member.id,
      source: `purchase:${purchase.id}:${n + 1}`,
      purchaseId: purchase.id,
    }));
    await addEntries(tx, draw.id, entries, at);
  }
  return member;
}

async function withdrawEntries(tx: Tx, event: PurchaseEvent): Promise<MemberRecord> {
  await withdrawPurchaseEntries(tx, event.purchase.id, event.at);
  return event.member;
}
